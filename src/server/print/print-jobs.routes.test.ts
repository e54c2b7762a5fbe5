import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildClass, buildCourse, buildPerson, buildSchool, enroll } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';

describe.each(engines())('print job routes on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  /** A school with 5А (class teacher, math by one teacher, Russian by another) and 6Б, and its terms. */
  async function school() {
    const db = database.db;
    const { schoolId, yearId } = await buildSchool(db);
    const person = (roles: ('teacher' | 'deputy' | 'director' | 'admin' | 'parent')[], lastName = 'Иванов') =>
      buildPerson(db, { schoolId, roles, lastName });
    const classTeacher = await person(['teacher'], 'Классная');
    const mathTeacher = await person(['teacher'], 'Математикова');
    const russianTeacher = await person(['teacher'], 'Русская');
    const stranger = await person(['teacher'], 'Чужой');
    const deputy = await person(['deputy']);
    const admin = await person(['admin']);
    const parent = await person(['parent']);
    const a = await buildClass(db, {
      schoolId,
      yearId,
      grade: 5,
      letter: 'А',
      classTeacherId: classTeacher.id,
    });
    const b = await buildClass(db, { schoolId, yearId, grade: 6, letter: 'Б' });
    const math = await buildCourse(db, { schoolId, yearId, groupId: a.groupId, teacherId: mathTeacher.id });
    const russian = await buildCourse(db, {
      schoolId,
      yearId,
      groupId: a.groupId,
      teacherId: russianTeacher.id,
    });
    const other = await buildCourse(db, { schoolId, yearId, groupId: b.groupId, teacherId: stranger.id });
    const student = await buildPerson(db, { schoolId, roles: [], lastName: 'Петров', account: false });
    await enroll(db, { schoolId, groupId: a.groupId, studentId: student.id });
    const terms = await db
      .insertInto('periods')
      .values(
        [1, 2, 3, 4].map((n) => ({
          schoolId,
          academicYearId: yearId,
          scheme: 'quarters' as const,
          kind: 'term' as const,
          number: n,
          name: `${n} четверть`,
          startsOn: `2026-${String(7 + 2 * n).padStart(2, '0')}-01`
            .replace('2026-15', '2027-03')
            .replace('2026-13', '2027-01'),
          endsOn: `2026-${String(8 + 2 * n).padStart(2, '0')}-20`
            .replace('2026-16', '2027-04')
            .replace('2026-14', '2027-02'),
        })),
      )
      .returning('id')
      .execute();
    return {
      schoolId,
      yearId,
      classTeacher,
      mathTeacher,
      russianTeacher,
      stranger,
      deputy,
      admin,
      parent,
      a,
      b,
      math,
      russian,
      other,
      student,
      terms,
    };
  }

  const paramsOf = async (id: number) => {
    const row = await database.db
      .selectFrom('printJobs')
      .select(['params', 'status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return JSON.parse(row.params) as {
      print: { courseIds: number[] | null; periodId: number | null; lang: string };
      baseName: string;
    };
  };

  async function finished(client: Client, id: number) {
    for (let i = 0; i < 200; i += 1) {
      const res = await client.get(`/api/print-jobs/${id}`);
      const job = res.json();
      if (job.status === 'done' || job.status === 'failed') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the print did not finish');
  }

  it('refuses without a session', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/print-jobs' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/print/classes' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/print-jobs/1/file' })).statusCode).toBe(401);
  });

  it('a teacher prints only their own courses: queued with those courses, others refused', async () => {
    const s = await school();
    const teacher = await signIn(app, s.mathTeacher.login);
    const res = await teacher.send('POST', '/api/print-jobs', { kind: 'classJournal', classId: s.a.classId });
    expect(res.statusCode).toBe(202);
    const { id } = res.json();
    const params = await paramsOf(id);
    expect(params.print.courseIds).toEqual([s.math]);
    expect(params.print.periodId).toBeNull();
    expect(params.baseName).toBe('Журнал 5А 2026-2027');
    const other = await teacher.send('POST', '/api/print-jobs', {
      kind: 'classJournal',
      classId: s.a.classId,
      courseIds: [s.russian],
    });
    expect(other.statusCode).toBe(403);
    expect(
      (await teacher.send('POST', '/api/print-jobs', { kind: 'classJournal', classId: s.b.classId }))
        .statusCode,
    ).toBe(403);
    expect(
      (await teacher.send('POST', '/api/print-jobs', { kind: 'yearArchive', classId: s.a.classId }))
        .statusCode,
    ).toBe(403);
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'entityId', 'actorId'])
      .where('entity', '=', 'printJob')
      .where('entityId', '=', String(id))
      .execute();
    expect(audit).toEqual([{ action: 'print.request', entityId: String(id), actorId: s.mathTeacher.id }]);
  });

  it('the class teacher prints the whole journal of their class, the deputy anything in the school', async () => {
    const s = await school();
    const lead = await signIn(app, s.classTeacher.login);
    const term = s.terms[1]!.id;
    const mine = await lead.send('POST', '/api/print-jobs', {
      kind: 'classJournal',
      classId: s.a.classId,
      periodId: term,
    });
    expect(mine.statusCode).toBe(202);
    expect((await paramsOf(mine.json().id)).print).toMatchObject({ courseIds: null, periodId: term });
    expect((await paramsOf(mine.json().id)).baseName).toBe('Журнал 5А 2026-2027 2 четверть');
    expect(
      (await lead.send('POST', '/api/print-jobs', { kind: 'classJournal', classId: s.b.classId })).statusCode,
    ).toBe(403);

    const deputy = await signIn(app, s.deputy.login);
    const any = await deputy.send(
      'POST',
      '/api/print-jobs',
      { kind: 'classJournal', classId: s.b.classId },
      { 'accept-language': 'en' },
    );
    expect(any.statusCode).toBe(202);
    expect((await paramsOf(any.json().id)).print).toMatchObject({ courseIds: null, lang: 'en' });
    expect((await paramsOf(any.json().id)).baseName).toBe('Journal 6Б 2026-2027');
    const archive = await deputy.send('POST', '/api/print-jobs', {
      kind: 'yearArchive',
      classId: s.a.classId,
    });
    expect(archive.statusCode).toBe(202);
    expect((await paramsOf(archive.json().id)).baseName).toBe('Архив 5А 2026-2027');
  });

  it('refuses a period not of the class’s year, naming the field, and bad bodies', async () => {
    const s = await school();
    const elsewhere = await school();
    const deputy = await signIn(app, s.deputy.login);
    const res = await deputy.send('POST', '/api/print-jobs', {
      kind: 'classJournal',
      classId: s.a.classId,
      periodId: elsewhere.terms[0]!.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.periodId).toMatch(/не относится к учебному году класса/);
    const en = await deputy.send(
      'POST',
      '/api/print-jobs',
      { kind: 'classJournal', classId: s.a.classId, periodId: elsewhere.terms[0]!.id },
      { 'accept-language': 'en' },
    );
    expect(en.json().fields.periodId).toMatch(/not of the class's academic year/);
    const kind = await deputy.send('POST', '/api/print-jobs', { kind: 'everything', classId: s.a.classId });
    expect(kind.statusCode).toBe(400);
    const ids = await deputy.send('POST', '/api/print-jobs', {
      kind: 'classJournal',
      classId: s.a.classId,
      courseIds: ['x'],
    });
    expect(ids.statusCode).toBe(400);
    expect(ids.json().fields).toHaveProperty(['courseIds.0']);
  });

  it('does not reveal classes of another school, nor anyone’s jobs to others', async () => {
    const s = await school();
    const elsewhere = await school();
    const deputy = await signIn(app, s.deputy.login);
    expect(
      (await deputy.send('POST', '/api/print-jobs', { kind: 'classJournal', classId: elsewhere.a.classId }))
        .statusCode,
    ).toBe(404);
    const lead = await signIn(app, s.classTeacher.login);
    const { id } = (
      await lead.send('POST', '/api/print-jobs', { kind: 'classJournal', classId: s.a.classId })
    ).json();
    expect((await deputy.get(`/api/print-jobs/${id}`)).statusCode).toBe(404);
    expect((await deputy.get(`/api/print-jobs/${id}/file`)).statusCode).toBe(404);
    expect((await deputy.get('/api/print-jobs')).json().jobs.map((j: { id: number }) => j.id)).not.toContain(
      id,
    );
    const mine = (await lead.get('/api/print-jobs')).json().jobs;
    expect(mine[0]).toMatchObject({ id, kind: 'classJournal' });
    expect(mine[0]).not.toHaveProperty('content');
    expect((await lead.get('/api/print-jobs/abc')).statusCode).toBe(400);
  });

  it('answers 409 for a file not ready yet, then the finished print’s PDF; a failed one has no file', async () => {
    const s = await school();
    const lead = await signIn(app, s.classTeacher.login);
    const running = await database.db
      .insertInto('printJobs')
      .values({
        schoolId: s.schoolId,
        requestedBy: s.classTeacher.id,
        kind: 'classJournal',
        params: '{}',
        lang: 'ru',
        status: 'running',
        startedAt: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const early = await lead.get(`/api/print-jobs/${running.id}/file`);
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('Файл ещё не готов: дождитесь окончания печати');

    const { id } = (
      await lead.send('POST', '/api/print-jobs', { kind: 'classJournal', classId: s.a.classId })
    ).json();
    const job = await finished(lead, id);
    const file = await lead.get(`/api/print-jobs/${id}/file`);
    expect(job).toMatchObject({ status: 'done', fileName: 'Журнал 5А 2026-2027.pdf', error: null });
    expect(job.total).toBeGreaterThan(0);
    expect(job.done).toBe(job.total);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Журнал 5А 2026-2027.pdf')}`,
    );

    await database.db
      .updateTable('printJobs')
      .set({ status: 'failed', error: 'x', content: null })
      .where('id', '=', id)
      .execute();
    const failed = await lead.get(`/api/print-jobs/${id}/file`);
    expect(failed.statusCode).toBe(409);
    expect(failed.json().message).toMatch(/^Печать не удалась/);
  });

  it('lists what each may print: a teacher their courses, the class teacher the whole class, the deputy every class', async () => {
    const s = await school();
    const teacher = (await (await signIn(app, s.mathTeacher.login)).get('/api/print/classes')).json();
    expect(teacher.archive).toBe(false);
    expect(teacher.classes).toHaveLength(1);
    expect(teacher.classes[0]).toMatchObject({ id: s.a.classId, name: '5А', whole: false, students: [] });
    expect(teacher.classes[0].courses).toEqual([
      { id: s.math, subject: 'Математика', teacher: 'Математикова И. И.' },
    ]);
    expect(teacher.classes[0].terms.map((t: { name: string }) => t.name)).toEqual([
      '1 четверть',
      '2 четверть',
      '3 четверть',
      '4 четверть',
    ]);

    const lead = (await (await signIn(app, s.classTeacher.login)).get('/api/print/classes')).json();
    expect(lead.classes.map((c: { name: string }) => c.name)).toEqual(['5А']);
    expect(lead.classes[0].whole).toBe(true);
    expect(lead.classes[0].courses.map((c: { id: number }) => c.id).sort()).toEqual(
      [s.math, s.russian].sort(),
    );
    expect(lead.classes[0].students).toEqual([{ id: s.student.id, name: 'Петров Иван Иванович' }]);

    const deputy = (await (await signIn(app, s.deputy.login)).get('/api/print/classes')).json();
    expect(deputy.archive).toBe(true);
    expect(deputy.classes.map((c: { name: string; whole: boolean }) => [c.name, c.whole])).toEqual([
      ['5А', true],
      ['6Б', true],
    ]);
    expect(
      (await (await signIn(app, s.stranger.login)).get('/api/print/classes'))
        .json()
        .classes.map((c: { name: string }) => c.name),
    ).toEqual(['6Б']);
    expect((await (await signIn(app, s.parent.login)).get('/api/print/classes')).statusCode).toBe(403);
  });
});
