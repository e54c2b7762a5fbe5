import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildSchool } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { dashboardSchool } from './dashboard.test-helpers.ts';

const url = '/api/reports/dashboard?from=2026-10-05&to=2026-10-25';

describe.each(engines())('GET /api/reports/dashboard on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof dashboardSchool>>;
  let deputy: Client;
  let director: Client;
  let rusT: Client;
  let parent: Client;
  let district: Client;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await dashboardSchool(database.db);
    deputy = await signIn(app, s.people.deputy.login);
    director = await signIn(app, s.people.director.login);
    rusT = await signIn(app, s.people.rusT.login);
    parent = await signIn(app, s.people.parent.login);
    district = await signIn(app, s.people.district.login);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('the leadership gets the school’s four figures, the worst journals, the remarks and the heat map', async () => {
    for (const client of [deputy, director]) {
      const res = await client.get(url);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.whole).toBe(true);
      expect(body.figures.map((f: { key: string; value: number }) => [f.key, f.value])).toEqual([
        ['completeness', 85.7],
        ['timeliness', 94.4],
        ['quality', 50],
        ['attendance', 66.7],
      ]);
      expect(body.worst.map((w: { subject: string }) => w.subject)).toEqual(['Математика', 'Русский язык']);
      expect(body.remarks.open).toBe(6);
      expect(body.heatmap.teachers).toHaveLength(3);
    }
    const monthly = (await deputy.get(`${url}&by=month`)).json();
    expect(monthly.by).toBe('month');
    // One month, October, cut to the range.
    expect(monthly.figures[0].trend.map((p: { start: string; end: string }) => [p.start, p.end])).toEqual([
      ['2026-10-05', '2026-10-25'],
    ]);
  });

  it('a teacher gets the figures of their own courses, nobody else’s names', async () => {
    const res = await rusT.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.json().whole).toBe(false);
    expect(res.json().figures[0].value).toBe(100);
    expect(res.body).not.toContain('Математикова');
    expect(res.body).not.toContain('Историкова');
  });

  it('400 names the field, in Russian and in English', async () => {
    const order = await deputy.get('/api/reports/dashboard?from=2026-10-25&to=2026-10-05');
    expect(order.statusCode).toBe(400);
    expect(order.json().fields).toHaveProperty('to');
    const by = await deputy.get('/api/reports/dashboard?by=year');
    expect(by.statusCode).toBe(400);
    expect(by.json().fields).toHaveProperty('by');
    expect(by.json().message).toContain('«Динамика»');
    const en = await deputy.get('/api/reports/dashboard?by=year', { 'accept-language': 'en' });
    expect(en.json().message).toContain('«Trend»');
    const unknown = await deputy.get('/api/reports/dashboard?colour=red');
    expect(unknown.statusCode).toBe(400);
  });

  it('401 without a session', async () => {
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('403 for a district inspector and for a teacher asking for another teacher', async () => {
    expect((await district.get(url)).statusCode).toBe(403);
    expect((await rusT.get(`${url}&teacherId=${s.people.mathT.id}`)).statusCode).toBe(403);
    expect((await rusT.get(`${url}&courseId=${s.courses.math}`)).statusCode).toBe(403);
  });

  it('404 for a parent, and for another school’s year', async () => {
    expect((await parent.get(url)).statusCode).toBe(404);
    const other = await buildSchool(database.db);
    expect((await deputy.get(`/api/reports/dashboard?yearId=${other.yearId}`)).statusCode).toBe(404);
  });

  it('exports as XLSX and PDF through the generic export route', async () => {
    const xlsx = await deputy.get('/api/reports/dashboard/export?format=xlsx&from=2026-10-05&to=2026-10-25');
    expect(xlsx.statusCode).toBe(200);
    expect(String(xlsx.headers['content-type'])).toContain('spreadsheetml');
    const pdf = await deputy.get('/api/reports/dashboard/export?format=pdf&from=2026-10-05&to=2026-10-25');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
