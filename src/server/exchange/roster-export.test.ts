import type { FastifyInstance } from 'fastify';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildSchool } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { type DemoSummary, demoPassword, seedDemoSchool } from '../seed/seed-demo-school.ts';
import { parseCsv } from './oneroster-csv.ts';
import { validateOneRoster } from './oneroster-validate.ts';

const today = '2026-11-28';

function rowsOf(files: Map<string, string>, name: string): Record<string, string>[] {
  const parsed = parseCsv(files.get(name) ?? '');
  if (!parsed.ok) throw new Error(`${name} unreadable`);
  const [header = [], ...records] = parsed.records;
  return records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** The OneRoster 1.2 export of a school year (issue #7), read back as a receiver would. */
describe.each(engines())('OneRoster export on $name', { timeout: 120_000 }, (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let demo: DemoSummary;
  let files: Map<string, string>;
  const prefix = engine.name === 'sqlite' ? '' : `or${Date.now().toString(36)}.`;

  beforeAll(async () => {
    database = await engine.open();
    demo = await seedDemoSchool(database.db, { loginPrefix: prefix, today: new Date(`${today}T09:00:00Z`) });
    app = await testApp(database);
    const admin = await signIn(app, demo.logins.admin, demoPassword);
    const res = await admin.get(`/api/exchange/oneroster?yearId=${demo.academicYearId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain('oneroster-');
    const entries = unzipSync(new Uint8Array(res.rawPayload));
    files = new Map(Object.entries(entries).map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('passes the validator with no problems and declares every file it holds', () => {
    expect(validateOneRoster(files)).toEqual([]);
    expect([...files.keys()].sort()).toEqual(
      [
        'academicSessions',
        'categories',
        'classes',
        'courses',
        'enrollments',
        'lineItems',
        'manifest',
        'orgs',
        'results',
        'roles',
        'users',
      ].map((f) => `${f}.csv`),
    );
    const manifest = rowsOf(files, 'manifest.csv');
    expect(manifest).toContainEqual({ propertyName: 'oneroster.version', value: '1.2' });
    expect(manifest).toContainEqual({ propertyName: 'file.demographics', value: 'absent' });
    expect(files.get('users.csv')?.startsWith('\uFEFF')).toBe(false);
    expect(files.get('users.csv')).toContain('\r\n');
  });

  it('writes a student with the personal file number, the grade, the account login and the parents', async () => {
    const person = await database.db
      .selectFrom('persons')
      .innerJoin('studentProfiles', 'studentProfiles.personId', 'persons.id')
      .innerJoin('accounts', 'accounts.personId', 'persons.id')
      .select([
        'persons.id',
        'persons.lastName',
        'persons.firstName',
        'studentProfiles.fileNumber',
        'accounts.login',
      ])
      .where('persons.id', '=', demo.people.student)
      .executeTakeFirstOrThrow();
    const users = rowsOf(files, 'users.csv');
    const me = users.find((u) => u.username === person.login);
    expect(me).toMatchObject({
      sourcedId: `otmetka-${demo.schoolId}-user-${person.id}`,
      status: 'active',
      enabledUser: 'true',
      familyName: person.lastName,
      givenName: person.firstName,
      identifier: person.fileNumber,
      password: '',
    });
    expect(me?.grades).toMatch(/^(0[1-9]|1[01])$/);
    const parents = (me?.agentSourcedIds ?? '').split(',').filter(Boolean);
    expect(parents.length).toBeGreaterThan(0);
    const roles = rowsOf(files, 'roles.csv');
    expect(roles.filter((r) => r.userSourcedId === me?.sourcedId).map((r) => [r.roleType, r.role])).toEqual([
      ['primary', 'student'],
    ]);
    for (const p of parents) {
      const parent = users.find((u) => u.sourcedId === p);
      expect((parent?.agentSourcedIds ?? '').split(',')).toContain(me?.sourcedId);
      expect(roles.find((r) => r.userSourcedId === p)?.role).toMatch(/^(parent|guardian|relative)$/);
    }
    expect(users.every((u) => u.password === '')).toBe(true);
  });

  it('enrolls the student in the homeroom with dates and in the courses of the class', async () => {
    const membership = await database.db
      .selectFrom('groupMemberships as m')
      .innerJoin('groups as g', 'g.id', 'm.groupId')
      .innerJoin('classes as c', 'c.id', 'g.classId')
      .select(['m.id', 'm.startsOn', 'm.endsOn', 'c.id as classId', 'c.grade', 'c.letter'])
      .where('m.studentId', '=', demo.people.student)
      .where('g.kind', '=', 'class')
      .executeTakeFirstOrThrow();
    const userId = `otmetka-${demo.schoolId}-user-${demo.people.student}`;
    const enrollments = rowsOf(files, 'enrollments.csv').filter((e) => e.userSourcedId === userId);
    const classes = new Map(rowsOf(files, 'classes.csv').map((c) => [c.sourcedId, c]));
    const homeroom = enrollments.find((e) => classes.get(e.classSourcedId)?.classType === 'homeroom');
    expect(homeroom).toMatchObject({
      sourcedId: `otmetka-${demo.schoolId}-enrollment-${membership.id}`,
      classSourcedId: `otmetka-${demo.schoolId}-class-${membership.classId}`,
      role: 'student',
      beginDate: membership.startsOn,
      endDate: membership.endsOn ?? '',
    });
    expect(classes.get(homeroom?.classSourcedId ?? '')).toMatchObject({
      title: `${membership.grade}${membership.letter}`,
    });
    const scheduled = enrollments.filter((e) => classes.get(e.classSourcedId)?.classType === 'scheduled');
    expect(scheduled.length).toBeGreaterThan(5);
    const maths = scheduled
      .map((e) => classes.get(e.classSourcedId))
      .find((c) => (c?.title ?? '').startsWith('Математика'));
    expect(maths).toMatchObject({
      title: `Математика ${membership.grade}${membership.letter}`,
      grades: String(membership.grade).padStart(2, '0'),
    });
    expect(Number(maths?.['metadata.otmetka.hoursPerWeek'])).toBeGreaterThan(0);
    const course = rowsOf(files, 'courses.csv').find((c) => c.sourcedId === maths?.courseSourcedId);
    expect(course).toMatchObject({ title: `Математика, ${membership.grade} класс`, subjects: 'Математика' });
    const teachers = rowsOf(files, 'enrollments.csv').filter(
      (e) => e.classSourcedId === maths?.sourcedId && e.role === 'teacher',
    );
    expect(teachers.filter((t) => t.primary === 'true')).toHaveLength(1);
  });

  it('writes each mark as a result of a line item of its lesson and work kind', async () => {
    const mark = await database.db
      .selectFrom('marks')
      .innerJoin('lessons', 'lessons.id', 'marks.lessonId')
      .innerJoin('workKinds', 'workKinds.id', 'marks.workKindId')
      .select([
        'marks.id',
        'marks.value',
        'marks.lessonId',
        'marks.workKindId',
        'lessons.date',
        'lessons.courseId',
        'workKinds.name',
      ])
      .where('marks.schoolId', '=', demo.schoolId)
      .where('marks.deletedAt', 'is', null)
      .orderBy('marks.id')
      .executeTakeFirstOrThrow();
    const results = rowsOf(files, 'results.csv');
    const result = results.find((r) => r.sourcedId === `otmetka-${demo.schoolId}-mark-${mark.id}`);
    const numeric = /^[2-5]$/.test(mark.value);
    expect(result).toMatchObject({
      studentSourcedId: expect.stringMatching(/-user-\d+$/),
      scoreStatus: 'fully graded',
      scoreDate: mark.date,
      score: numeric ? mark.value : '',
      textScore: numeric ? '' : mark.value,
    });
    const lineItem = rowsOf(files, 'lineItems.csv').find((l) => l.sourcedId === result?.lineItemSourcedId);
    const [y, m, d] = mark.date.split('-');
    expect(lineItem).toMatchObject({
      title: `${mark.name} ${d}.${m}.${y}`,
      assignDate: mark.date,
      dueDate: mark.date,
      classSourcedId: `otmetka-${demo.schoolId}-course-${mark.courseId}`,
      categorySourcedId: `otmetka-${demo.schoolId}-workkind-${mark.workKindId}`,
      resultValueMin: '2',
      resultValueMax: '5',
    });
    const term = rowsOf(files, 'academicSessions.csv').find(
      (s) => s.sourcedId === lineItem?.academicSessionSourcedId,
    );
    expect(term?.type).toMatch(/^(term|semester)$/);
    expect((term?.startDate ?? '') <= mark.date && mark.date <= (term?.endDate ?? '')).toBe(true);
    const live = await database.db
      .selectFrom('marks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('schoolId', '=', demo.schoolId)
      .where('deletedAt', 'is', null)
      .executeTakeFirstOrThrow();
    expect(results).toHaveLength(Number(live.n));
  });

  it('leaves soft-deleted marks out and records the export in the audit trail', async () => {
    const mark = await database.db
      .selectFrom('marks')
      .select('id')
      .where('schoolId', '=', demo.schoolId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await database.db
      .updateTable('marks')
      .set({ deletedAt: new Date().toISOString() })
      .where('id', '=', mark.id)
      .execute();
    const admin = await signIn(app, demo.logins.admin, demoPassword);
    const res = await admin.get(`/api/exchange/oneroster?yearId=${demo.academicYearId}`);
    const again = new TextDecoder().decode(unzipSync(new Uint8Array(res.rawPayload))['results.csv']);
    expect(again).not.toContain(`-mark-${mark.id},`);
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'entityId'])
      .where('schoolId', '=', demo.schoolId)
      .where('action', '=', 'roster.export')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(audit[0]?.entityId).toBe(String(demo.academicYearId));
  });

  it('refuses strangers, other roles, bad input and other schools', async () => {
    const anonymous = await app.inject({
      method: 'GET',
      url: `/api/exchange/oneroster?yearId=${demo.academicYearId}`,
    });
    expect(anonymous.statusCode).toBe(401);
    const deputy = await signIn(app, demo.logins.deputy, demoPassword);
    expect((await deputy.get(`/api/exchange/oneroster?yearId=${demo.academicYearId}`)).statusCode).toBe(403);
    const admin = await signIn(app, demo.logins.admin, demoPassword);
    const bad = await admin.get('/api/exchange/oneroster?yearId=abc', { 'accept-language': 'ru' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Учебный год');
    const other = await buildSchool(database.db);
    expect((await admin.get(`/api/exchange/oneroster?yearId=${other.yearId}`)).statusCode).toBe(404);
  });
});
