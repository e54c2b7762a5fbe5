import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildSchool } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { hoursSchool } from './hours.test-helpers.ts';

/** Autumn 2026: every lesson of these dates is in the past (the tests run after it). */
const autumn = 'from=2026-09-01&to=2026-10-31';

describe.each(engines())('the hours and attendance routes on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof hoursSchool>>;
  let deputy: Client;
  let teacherA: Client;
  let teacherC: Client;
  let parent: Client;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await hoursSchool(database.db);
    deputy = await signIn(app, s.people.deputy.login);
    teacherA = await signIn(app, s.people.a.login);
    teacherC = await signIn(app, s.people.c.login);
    parent = await signIn(app, s.people.parent.login);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('200: the deputy gets the hours of every teacher and the echoed range', async () => {
    const res = await deputy.get(`/api/reports/hours?${autumn}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.range).toEqual({
      schoolId: s.schoolId,
      yearId: s.yearId,
      from: '2026-09-01',
      to: '2026-10-31',
      periodId: null,
    });
    expect(body.teachers.map((t: { teacher: string }) => t.teacher)).toEqual([
      'Арбузова А. И.',
      'Борисова А. И.',
      'Васильева А. И.',
    ]);
    expect(body.teachers[0].total).toEqual({ planned: 4, held: 4, cancelled: 1, given: 1, received: 1 });
  });

  it('200: a teacher gets only their own hours; attendance of their class only', async () => {
    const hours = (await teacherC.get(`/api/reports/hours?${autumn}`)).json();
    expect(hours.teachers.map((t: { teacherId: number }) => t.teacherId)).toEqual([s.people.c.id]);
    const res = await teacherC.get(`/api/reports/attendance?${autumn}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.classes.map((c: { className: string }) => c.className)).toEqual(['6Б']);
    expect(body.students.map((x: { name: string }) => x.name)).toEqual(['Гусев Иван']);
    expect(body.over).toEqual([
      {
        studentId: s.students.s4.id,
        name: 'Гусев Иван',
        className: '6Б',
        month: '2026-09',
        expected: 1,
        missed: 1,
        percent: 100,
      },
    ]);
  });

  it('the export of both reports answers a spreadsheet', async () => {
    for (const name of ['hours', 'attendance']) {
      const res = await deputy.get(`/api/reports/${name}/export?format=xlsx&${autumn}`);
      expect(res.statusCode, name).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
    }
  });

  it('400 for a bad filter, naming the field, in Russian and in English', async () => {
    const bad = await deputy.get('/api/reports/hours?from=2026-13-01');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('from');
    const order = await deputy.get('/api/reports/attendance?from=2026-10-01&to=2026-09-01');
    expect(order.statusCode).toBe(400);
    expect(order.json().message).toBe('Проверьте поля: «По».');
    expect(JSON.stringify(order.json())).toContain('Дата окончания раньше даты начала');
    const en = await deputy.get('/api/reports/attendance?from=2026-10-01&to=2026-09-01', {
      'accept-language': 'en',
    });
    expect(JSON.stringify(en.json())).toContain('The end date is before the start date');
    expect((await deputy.get('/api/reports/hours?unknown=1')).statusCode).toBe(400);
  });

  it('401 without a session, 403 for another teacher’s figures, 404 for a parent and another school’s year', async () => {
    for (const name of ['hours', 'attendance']) {
      expect((await app.inject({ method: 'GET', url: `/api/reports/${name}` })).statusCode).toBe(401);
      expect((await parent.get(`/api/reports/${name}`)).statusCode).toBe(404);
      expect((await teacherA.get(`/api/reports/${name}?teacherId=${s.people.c.id}`)).statusCode).toBe(403);
    }
    expect((await teacherA.get(`/api/reports/attendance?classId=${s.c6.classId}`)).statusCode).toBe(403);
    expect((await teacherA.get(`/api/reports/hours?courseId=${s.courses.art6}`)).statusCode).toBe(403);
    const other = await buildSchool(database.db);
    expect((await deputy.get(`/api/reports/hours?yearId=${other.yearId}`)).statusCode).toBe(404);
    expect((await deputy.get(`/api/reports/attendance?yearId=${other.yearId}`)).statusCode).toBe(404);
  });
});
