import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildSchool } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { controlSchool } from './control.test-helpers.ts';

describe.each(engines())('closing periods and the class summary on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof controlSchool>>;
  let deputy: Client;
  let director: Client;
  let classT: Client;
  let otherT: Client;
  let mathT: Client;
  let parent: Client;
  let admin: Client;
  const closeUrl = (periodId: number, classId: number) =>
    `/api/journal/periods/${periodId}/classes/${classId}/close`;
  const reopenUrl = (periodId: number, classId: number) =>
    `/api/journal/periods/${periodId}/classes/${classId}/reopen`;
  const liveClosures = async () =>
    database.db
      .selectFrom('periodClosures')
      .select(['periodId', 'classId', 'closedBy'])
      .where('schoolId', '=', s.schoolId)
      .where('reopenedAt', 'is', null)
      .execute();

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await controlSchool(database.db);
    deputy = await signIn(app, s.people.deputy.login);
    director = await signIn(app, s.people.director.login);
    classT = await signIn(app, s.people.classT.login);
    otherT = await signIn(app, s.people.otherT.login);
    mathT = await signIn(app, s.people.mathT.login);
    parent = await signIn(app, s.people.parent.login);
    admin = await signIn(app, s.people.admin.login);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('the leadership sees every period of the year, the classes with their scheme, and may close', async () => {
    const res = await director.get(`/api/journal/closures?yearId=${s.yearId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.yearId).toBe(s.yearId);
    expect(body.periods.map((p: { name: string }) => p.name)).toEqual([
      '1 четверть',
      '2 четверть',
      '1 триместр',
      'Год',
      'Экзамен',
    ]);
    expect(body.classes).toEqual([
      { id: s.c5.classId, name: '5А', grade: 5, scheme: 'quarters' },
      { id: s.c6.classId, name: '6Б', grade: 6, scheme: 'trimesters' },
    ]);
    expect(body.closures).toEqual([]);
    expect(body.canClose).toBe(true);
    expect((await deputy.get('/api/journal/closures')).json().yearId).toBe(s.yearId);
  });

  it('closures: 401 without a session, 403 for teachers and the admin, 404 for a parent and for another school’s year', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/journal/closures' })).statusCode).toBe(401);
    expect((await classT.get('/api/journal/closures')).statusCode).toBe(403);
    expect((await admin.get('/api/journal/closures')).statusCode).toBe(403);
    expect((await parent.get('/api/journal/closures')).statusCode).toBe(404);
    const other = await buildSchool(database.db);
    expect((await deputy.get(`/api/journal/closures?yearId=${other.yearId}`)).statusCode).toBe(404);
    const bad = await deputy.get('/api/journal/closures?yearId=abc');
    expect(bad.statusCode).toBe(400);
  });

  it('the deputy closes a period for a class, audited; closing again is a conflict', async () => {
    const res = await deputy.send('POST', closeUrl(s.periods.q1, s.c5.classId));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ periodId: s.periods.q1, classId: s.c5.classId, closed: true });
    const list = (await director.get('/api/journal/closures')).json();
    expect(list.closures).toEqual([
      {
        periodId: s.periods.q1,
        classId: s.c5.classId,
        closedAt: expect.any(String),
        closedBy: 'Завучева А. И.',
      },
    ]);
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'actorId', 'after'])
      .where('schoolId', '=', s.schoolId)
      .where('action', '=', 'journal.period.close')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(s.people.deputy.id);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({
      periodId: s.periods.q1,
      classId: s.c5.classId,
      class: '5А',
    });
    const again = await director.send('POST', closeUrl(s.periods.q1, s.c5.classId));
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('Период уже закрыт для этого класса.');
    expect(await liveClosures()).toHaveLength(1);
  });

  it('close: 403 for a teacher, 404 for a parent or an unknown class, 400 for a period of another scheme', async () => {
    expect((await classT.send('POST', closeUrl(s.periods.q2, s.c5.classId))).statusCode).toBe(403);
    expect((await parent.send('POST', closeUrl(s.periods.q2, s.c5.classId))).statusCode).toBe(404);
    expect((await deputy.send('POST', closeUrl(s.periods.q2, 99_999_999))).statusCode).toBe(404);
    expect((await deputy.send('POST', closeUrl(99_999_999, s.c5.classId))).statusCode).toBe(404);
    const scheme = await deputy.send(
      'POST',
      closeUrl(s.periods.t1, s.c5.classId),
      {},
      { 'accept-language': 'en' },
    );
    expect(scheme.statusCode).toBe(400);
    expect(scheme.json().fields).toEqual({
      periodId: 'The class does not follow these periods: choose a period of its scheme.',
    });
    expect(scheme.json().message).toContain('«Period»');
    // Exam marks are for grades 9 and 11 only.
    const exam = await deputy.send('POST', closeUrl(s.periods.exam, s.c5.classId));
    expect(exam.statusCode).toBe(400);
    expect(exam.json().message).toContain('«Период»');
    expect(await liveClosures()).toHaveLength(1);
  });

  it('two closes at once: one succeeds, the other is a conflict, one closure is in force', async () => {
    const [a, b] = await Promise.all([
      deputy.send('POST', closeUrl(s.periods.year, s.c6.classId)),
      director.send('POST', closeUrl(s.periods.year, s.c6.classId)),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((await liveClosures()).filter((c) => c.classId === s.c6.classId)).toHaveLength(1);
  });

  it('reopening takes a reason (400 naming «Причина»), is audited with it, and only a closed period', async () => {
    const none = await deputy.send('POST', reopenUrl(s.periods.year, s.c6.classId), {});
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toContain('«Причина»');
    expect(Object.keys(none.json().fields)).toEqual(['reason']);
    const en = await deputy.send(
      'POST',
      reopenUrl(s.periods.year, s.c6.classId),
      { reason: ' ' },
      {
        'accept-language': 'en',
      },
    );
    expect(en.statusCode).toBe(400);
    expect(en.json().message).toContain('«Reason»');
    expect(
      (await classT.send('POST', reopenUrl(s.periods.year, s.c6.classId), { reason: 'Ошибка' })).statusCode,
    ).toBe(403);
    const res = await deputy.send('POST', reopenUrl(s.periods.year, s.c6.classId), {
      reason: 'Исправление отметки',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().closed).toBe(false);
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['after'])
      .where('schoolId', '=', s.schoolId)
      .where('action', '=', 'journal.period.reopen')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after!).reason).toBe('Исправление отметки');
    const again = await deputy.send('POST', reopenUrl(s.periods.year, s.c6.classId), { reason: 'Ещё раз' });
    expect(again.statusCode).toBe(409);
    // A new close after a reopening is a new closure.
    expect((await deputy.send('POST', closeUrl(s.periods.year, s.c6.classId))).statusCode).toBe(200);
    expect((await liveClosures()).filter((c) => c.classId === s.c6.classId)).toHaveLength(1);
  });

  it('the class teacher sees every subject of the class with weighted averages, period marks and absences', async () => {
    const res = await classT.get(`/api/journal/classes/${s.c5.classId}/summary?periodId=${s.periods.q1}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      classId: s.c5.classId,
      className: '5А',
      period: { id: s.periods.q1, name: '1 четверть', startsOn: '2026-09-01', endsOn: '2026-10-25' },
      periods: [
        { id: s.periods.q1, name: '1 четверть' },
        { id: s.periods.q2, name: '2 четверть' },
        { id: s.periods.year, name: 'Год' },
      ],
    });
    expect(body.subjects.map((x: { name: string }) => x.name)).toEqual(['Математика', 'Русский язык']);
    // Russian order (Ё with Е, before Ж); Новиков came after the quarter.
    expect(body.students.map((x: { name: string }) => x.name)).toEqual([
      'Алексеева Мария',
      'Ёлкина Вера',
      'Жуков Олег',
    ]);
    const [alekseeva, yolkina, zhukov] = body.students;
    // 5 (weight 1) and 4- (dictation, weight 2): (5 + 2 × 3.75) / 3; the removed 3 does not count.
    expect(alekseeva.cells).toEqual([
      { subjectId: s.subjects.math, average: 4.17, marks: 2, periodMark: '4' },
      { subjectId: s.subjects.russian, average: 4.5, marks: 1, periodMark: null },
    ]);
    expect(alekseeva).toMatchObject({ absences: 2, lateness: 1 });
    expect(yolkina.cells[0]).toEqual({
      subjectId: s.subjects.math,
      average: null,
      marks: 0,
      periodMark: null,
    });
    expect(yolkina).toMatchObject({ absences: 1, lateness: 0 });
    expect(zhukov.cells[0]).toEqual({ subjectId: s.subjects.math, average: 3, marks: 2, periodMark: null });
    const q2 = (
      await director.get(`/api/journal/classes/${s.c5.classId}/summary?periodId=${s.periods.q2}`)
    ).json();
    expect(q2.students.map((x: { name: string }) => x.name)).toEqual([
      'Алексеева Мария',
      'Ёлкина Вера',
      'Новиков Иван',
    ]);
    const current = (await deputy.get(`/api/journal/classes/${s.c5.classId}/summary`)).json();
    expect([s.periods.q1, s.periods.q2]).toContain(current.period.id);
  });

  it('summary: 404 for other teachers, a subject teacher, a parent, a period of another scheme; 401 without a session', async () => {
    const url = `/api/journal/classes/${s.c5.classId}/summary?periodId=${s.periods.q1}`;
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    for (const who of [otherT, mathT, parent, admin]) expect((await who.get(url)).statusCode).toBe(404);
    const t1 = await classT.get(`/api/journal/classes/${s.c5.classId}/summary?periodId=${s.periods.t1}`);
    expect(t1.statusCode).toBe(404);
    expect((await classT.get(`/api/journal/classes/${s.c5.classId}/summary?periodId=x`)).statusCode).toBe(
      400,
    );
  });
});
