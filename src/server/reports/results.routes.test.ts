import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildDistrict, buildPerson, buildSchool } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { attendanceTotals } from './attendance.queries.ts';
import { keepingTotals } from './keeping.ts';
import { wholeSchoolScope } from './report-scope.ts';
import { resultsSchool } from './results.test-helpers.ts';

describe.each(engines())('results and district routes on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof resultsSchool>>;
  let deputy: Client;
  let rusT: Client;
  let admin: Client;
  let student: Client;
  let inspector: Client;
  let emptySchool: number;
  let elsewhere: number;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    const db = database.db;
    const districtId = await buildDistrict(db);
    s = await resultsSchool(db, districtId);
    emptySchool = (await buildSchool(db, { districtId })).schoolId;
    elsewhere = (await resultsSchool(db, await buildDistrict(db))).schoolId;
    deputy = await signIn(app, s.people.deputy.login);
    rusT = await signIn(app, s.people.rusT.login);
    admin = await signIn(app, s.people.admin.login);
    const pupil = await db
      .selectFrom('accounts')
      .select('login')
      .where('personId', '=', s.st.Антонова!)
      .executeTakeFirstOrThrow();
    student = await signIn(app, pupil.login);
    inspector = await signIn(
      app,
      (await buildPerson(db, { schoolId: null, districtId, roles: ['district'] })).login,
    );
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('GET /api/reports/results gives the period’s figures and lists', async () => {
    const res = await deputy.get(`/api/reports/results?periodId=${s.periods.q1}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.period.name).toBe('1 четверть');
    expect(body.totals).toMatchObject({
      students: 5,
      successPct: 60,
      qualityPct: 40,
      sou: 58.7,
      provisional: 1,
    });
    expect(body.lists.excellent).toEqual([
      { studentId: s.st.Антонова, name: 'Антонова Ученик', className: '5А' },
    ]);
    const rus = (await rusT.get(`/api/reports/results?periodId=${s.periods.q1}`)).json();
    expect(rus.bySubject.map((x: { subject: string }) => x.subject)).toEqual(['Русский язык']);
  });

  it('results: 401, 403, 404, and 400 naming the field', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/reports/results' })).statusCode).toBe(401);
    expect((await admin.get('/api/reports/results')).statusCode).toBe(403);
    expect((await rusT.get(`/api/reports/results?teacherId=${s.people.mathT.id}`)).statusCode).toBe(403);
    expect((await student.get('/api/reports/results')).statusCode).toBe(404);
    expect((await inspector.get('/api/reports/results')).statusCode).toBe(403);
    const other = await database.db
      .selectFrom('periods')
      .select('id')
      .where('schoolId', '=', elsewhere)
      .executeTakeFirstOrThrow();
    expect((await deputy.get(`/api/reports/results?periodId=${other.id}`)).statusCode).toBe(404);
    const bad = await deputy.get('/api/reports/results?periodId=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('«Период»');
    const en = await deputy.get('/api/reports/results?periodId=abc', { 'accept-language': 'en' });
    expect(en.json().message).toContain('«Period»');
  });

  it('the results export carries the figures and the lists', async () => {
    const res = await deputy.get(`/api/reports/results/export?format=xlsx&periodId=${s.periods.q1}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Итоги',
      'По классам',
      'По предметам',
      'По учителям',
      'Списки учащихся',
    ]);
    const lists: string[] = [];
    book.getWorksheet('Списки учащихся')!.eachRow((row) => {
      lists.push((row.values as unknown[]).slice(1).join('|'));
    });
    expect(lists).toContain('Отличники|Антонова Ученик|5А');
  });

  it('GET /api/district/reports: the district’s schools side by side, by term number or the year', async () => {
    const res = await inspector.get('/api/district/reports?periodNumber=1');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const ids = body.schools.map((x: { schoolId: number }) => x.schoolId);
    expect(ids.sort()).toEqual([s.schoolId, emptySchool].sort());
    const ours = body.schools.find((x: { schoolId: number }) => x.schoolId === s.schoolId);
    expect(ours).toMatchObject({
      period: '1 четверть',
      from: '2026-09-01',
      to: '2026-10-25',
      students: 5,
      successPct: 60,
      qualityPct: 40,
      sou: 58.7,
      average: 3.89,
      provisional: 1,
    });
    // Keeping and attendance over the period's dates, as their own reports count them.
    const dated = await wholeSchoolScope(database.db, s.schoolId, {
      yearId: s.yearId,
      from: '2026-09-01',
      to: '2026-10-25',
    });
    const k = await keepingTotals(database.db, dated);
    const att = await attendanceTotals(database.db, dated);
    const share = (part: number, whole: number) =>
      whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
    expect(k.expected).toBeGreaterThan(0);
    expect(ours.completenessPct).toBe(share(k.filled, k.expected));
    expect(ours.timelinessPct).toBe(share(k.entries - k.lateEntries, k.entries));
    expect(ours.attendancePct).toBe(share(att.expected - att.absent, att.expected));
    const empty = body.schools.find((x: { schoolId: number }) => x.schoolId === emptySchool);
    expect(empty).toMatchObject({ period: null, students: 0, successPct: null });
    const year = (await inspector.get('/api/district/reports?wholeYear=true&year=2026')).json();
    expect(year.schools.find((x: { schoolId: number }) => x.schoolId === s.schoolId).period).toBe('Год');
    const none = (await inspector.get('/api/district/reports?year=2031')).json();
    expect(none.schools.every((x: { period: null }) => x.period === null)).toBe(true);
  });

  it('district: 401, 403 for school staff, 404 for a student, 400 naming the field', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/district/reports' })).statusCode).toBe(401);
    expect((await deputy.get('/api/district/reports')).statusCode).toBe(403);
    expect((await rusT.get('/api/district/reports')).statusCode).toBe(403);
    expect((await student.get('/api/district/reports')).statusCode).toBe(404);
    const bad = await inspector.get('/api/district/reports?periodNumber=9');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('«Номер периода»');
    const order = await inspector.get('/api/district/reports?from=2026-10-01&to=2026-09-01');
    expect(order.statusCode).toBe(400);
    expect(Object.keys(order.json().fields)).toEqual(['to']);
    expect((await inspector.get('/api/district/reports/export?format=doc')).statusCode).toBe(400);
    expect((await deputy.get('/api/district/reports/export?format=xlsx')).statusCode).toBe(403);
  });

  it('the district export: XLSX and PDF with the schools’ figures', async () => {
    const xlsx = await inspector.get('/api/district/reports/export?format=xlsx&periodNumber=1');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows.some((r) => r.includes('1 четверть') && r.includes(60) && r.includes(40))).toBe(true);
    const pdf = await inspector.get('/api/district/reports/export?format=pdf&periodNumber=1');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
