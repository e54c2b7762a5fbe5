import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson, buildSchool } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { keepingSchool } from './keeping.test-helpers.ts';

const october = 'from=2026-09-01&to=2026-10-31';

describe.each(engines())('GET /api/reports/keeping and /heatmap on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof keepingSchool>>;
  let deputy: Client;
  let mathT: Client;
  let parent: Client;
  let district: Client;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await keepingSchool(database.db);
    deputy = await signIn(app, s.people.deputy.login);
    mathT = await signIn(app, s.people.mathT.login);
    parent = await signIn(app, s.people.parent.login);
    district = await signIn(app, s.people.district.login);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('the deputy gets every journal of the school, worst first, and the problem lessons', async () => {
    const res = await deputy.get(`/api/reports/keeping?${october}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.range).toMatchObject({ schoolId: s.schoolId, from: '2026-09-01', to: '2026-10-31' });
    expect(body.courses.map((c: { courseId: number }) => c.courseId)).toEqual([
      s.courses.rus5,
      s.courses.math6,
      s.courses.math5,
    ]);
    expect(body.totals).toMatchObject({ held: 5, completeness: 60, timeliness: 70 });
    expect(body.lessons).toHaveLength(4);
    expect(body.lessons[2]).toMatchObject({
      lessonId: s.lessons.l2,
      courseId: s.courses.rus5,
      date: '2026-10-05',
      lessonNumber: 3,
      subject: 'Русский язык',
      className: '5А',
      missing: ['topic'],
      late: ['homework', 'attendance'],
    });
  });

  it('a teacher sees only their own journals', async () => {
    const res = await mathT.get(`/api/reports/keeping?${october}`);
    expect(res.statusCode).toBe(200);
    const ids = res.json().courses.map((c: { courseId: number }) => c.courseId);
    expect(ids.sort()).toEqual([s.courses.math5, s.courses.math6].sort());
    const map = (await mathT.get('/api/reports/heatmap?from=2026-10-05&to=2026-10-07')).json();
    expect(map.teachers.map((t: { teacherId: number }) => t.teacherId)).toEqual([s.people.mathT.id]);
  });

  it('the heat map: teachers × days', async () => {
    const res = await deputy.get('/api/reports/heatmap?from=2026-10-05&to=2026-10-07');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.days).toEqual(['2026-10-05', '2026-10-06', '2026-10-07']);
    expect(body.teachers.map((t: { teacher: string; missing: number }) => [t.teacher, t.missing])).toEqual([
      ['Математикова А. И.', 2],
      ['Русакова А. И.', 1],
    ]);
  });

  it('400 names the field: an end before the start, a period that is not a number', async () => {
    for (const url of ['/api/reports/keeping', '/api/reports/heatmap']) {
      const order = await deputy.get(`${url}?from=2026-10-10&to=2026-10-01`);
      expect(order.statusCode).toBe(400);
      expect(order.json().fields).toHaveProperty('to');
      const bad = await deputy.get(`${url}?periodId=abc`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields).toHaveProperty('periodId');
    }
    const en = await deputy.get('/api/reports/keeping?from=2026-10-10&to=2026-10-01', {
      'accept-language': 'en',
    });
    expect(en.json().message).toContain('«To»');
  });

  it('401 without a session', async () => {
    for (const url of ['/api/reports/keeping', '/api/reports/heatmap'])
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('403 for a district inspector and for a teacher asking for another teacher', async () => {
    expect((await district.get('/api/reports/keeping')).statusCode).toBe(403);
    expect((await district.get('/api/reports/heatmap')).statusCode).toBe(403);
    const other = await mathT.get(`/api/reports/keeping?teacherId=${s.people.rusT.id}`);
    expect(other.statusCode).toBe(403);
    expect((await mathT.get(`/api/reports/keeping?courseId=${s.courses.rus5}`)).statusCode).toBe(403);
  });

  it('404 for a parent and for another school’s period', async () => {
    expect((await parent.get('/api/reports/keeping')).statusCode).toBe(404);
    expect((await parent.get('/api/reports/heatmap')).statusCode).toBe(404);
    const other = await buildSchool(database.db);
    const period = await database.db
      .insertInto('periods')
      .values({
        schoolId: other.schoolId,
        academicYearId: other.yearId,
        scheme: 'quarters',
        kind: 'term',
        number: 1,
        name: '1 четверть',
        startsOn: '2026-09-01',
        endsOn: '2026-10-25',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await deputy.get(`/api/reports/keeping?periodId=${period.id}`)).statusCode).toBe(404);
    expect((await deputy.get(`/api/reports/heatmap?periodId=${period.id}`)).statusCode).toBe(404);
  });

  it('the administrator sets the school’s time zone; an unknown zone is refused naming the field', async () => {
    const person = await buildPerson(database.db, {
      schoolId: s.schoolId,
      roles: ['admin'],
      lastName: 'Админова',
    });
    const admin = await signIn(app, person.login);
    const { settings } = (await admin.get('/api/settings')).json();
    expect(settings.timeZone).toBe('Europe/Moscow');
    const bad = await admin.send('POST', '/api/settings', { ...settings, timeZone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('Часовой пояс школы');
    const saved = await admin.send('POST', '/api/settings', { ...settings, timeZone: 'Asia/Vladivostok' });
    expect(saved.statusCode).toBe(200);
    expect((await admin.get('/api/settings')).json().settings.timeZone).toBe('Asia/Vladivostok');
    // The report now judges in Vladivostok's time: L3's topic at 23:30 MSK is 06:30 the next day there.
    const body = (await deputy.get(`/api/reports/keeping?${october}`)).json();
    expect(body.timeZone).toBe('Asia/Vladivostok');
    expect(body.totals.lateTopic).toBe(1);
    await admin.send('POST', '/api/settings', { ...settings, timeZone: 'Europe/Moscow' });
  });

  it('exports as XLSX and PDF through the generic export route', async () => {
    for (const name of ['keeping', 'heatmap'])
      for (const format of ['xlsx', 'pdf']) {
        const res = await deputy.get(`/api/reports/${name}/export?format=${format}&${october}`);
        expect(res.statusCode, `${name}.${format}`).toBe(200);
        expect(res.rawPayload.length).toBeGreaterThan(500);
      }
  });
});
