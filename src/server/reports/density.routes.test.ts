import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildSchool } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { densitySchool } from './density.test-helpers.ts';

const reports = ['density', 'ktp', 'assessments'] as const;

describe.each(engines())('density, КТП and assessment routes on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof densitySchool>>;
  let director: Client;
  let mathT: Client;
  let admin: Client;
  let parent: Client;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await densitySchool(database.db);
    director = await signIn(app, s.people.director.login);
    mathT = await signIn(app, s.people.mathT.login);
    admin = await signIn(app, s.people.admin.login);
    parent = await signIn(app, s.people.parent.login);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('GET /api/reports/density gives the leadership every course and the students at risk', async () => {
    const res = await director.get(`/api/reports/density?periodId=${s.periods.q1}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.range).toMatchObject({ from: '2026-09-01', to: '2026-10-25', periodId: s.periods.q1 });
    expect(body.courses.map((c: { subject: string; minimum: number }) => [c.subject, c.minimum])).toEqual([
      ['Математика', 11],
      ['Русский язык', 11],
      // ИЗО is 4 hours a week too in the fixture.
      ['ИЗО', 11],
    ]);
    expect(body.courses[0].atRisk).toEqual([
      { studentId: s.students.alekseeva.id, name: 'Алексеева Мария', marks: 2, missed: 1, held: 4 },
    ]);
  });

  it('GET /api/reports/ktp and /assessments answer the teacher for their own course only', async () => {
    const ktp = await mathT.get(`/api/reports/ktp?periodId=${s.periods.q1}`);
    expect(ktp.statusCode).toBe(200);
    expect(ktp.json().courses.map((c: { subject: string; lag: number }) => [c.subject, c.lag])).toEqual([
      ['Математика', 1],
    ]);
    const assessments = await mathT.get('/api/reports/assessments');
    expect(assessments.statusCode).toBe(200);
    expect(
      assessments
        .json()
        .schedule.map((r: { className: string; subject: string; yearTotal: number }) => [
          r.className,
          r.subject,
          r.yearTotal,
        ]),
    ).toEqual([['5А', 'Математика', 2]]);
  });

  it.each(reports)('/api/reports/%s/export renders XLSX and PDF', async (name) => {
    const xlsx = await director.get(`/api/reports/${name}/export?format=xlsx&periodId=${s.periods.q1}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const pdf = await director.get(`/api/reports/${name}/export?format=pdf&periodId=${s.periods.q1}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });

  it.each(reports)('/api/reports/%s: 401 without a session', async (name) => {
    expect((await app.inject({ method: 'GET', url: `/api/reports/${name}` })).statusCode).toBe(401);
  });

  it.each(reports)('/api/reports/%s: 400 naming the field, in Russian and in English', async (name) => {
    const bad = await director.get(`/api/reports/${name}?periodId=abc`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('periodId');
    const order = await director.get(`/api/reports/${name}?from=2026-10-01&to=2026-09-01`);
    expect(order.statusCode).toBe(400);
    expect(order.json().message).toMatch(/[а-яё]/i);
    const en = await director.get(`/api/reports/${name}?from=2026-10-01&to=2026-09-01`, {
      'accept-language': 'en',
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().message).not.toMatch(/[а-яё]/i);
    expect((await director.get(`/api/reports/${name}?unknown=1`)).statusCode).toBe(400);
  });

  it.each(reports)(
    '/api/reports/%s: 403 for the admin and for a teacher asking for another’s course',
    async (name) => {
      expect((await admin.get(`/api/reports/${name}`)).statusCode).toBe(403);
      expect((await mathT.get(`/api/reports/${name}?courseId=${s.courses.russian5}`)).statusCode).toBe(403);
      expect((await mathT.get(`/api/reports/${name}?teacherId=${s.people.rusT.id}`)).statusCode).toBe(403);
    },
  );

  it.each(reports)(
    '/api/reports/%s: 404 for a parent and for another school’s year or course',
    async (name) => {
      expect((await parent.get(`/api/reports/${name}`)).statusCode).toBe(404);
      const other = await buildSchool(database.db);
      expect((await director.get(`/api/reports/${name}?yearId=${other.yearId}`)).statusCode).toBe(404);
      expect((await director.get(`/api/reports/${name}?courseId=999999`)).statusCode).toBe(404);
    },
  );
});
