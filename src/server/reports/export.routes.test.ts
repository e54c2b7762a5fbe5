import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildSchool } from '../../../test/factories.ts';
import { controlSchool } from '../control/control.test-helpers.ts';
import type { Database } from '../db/database.ts';
import { reportDefinitions } from './registry.ts';
import type { ReportDefinition } from './report-definition.ts';
import type { ScopedCourse } from './report-scope.ts';

/** A report made for this test: the courses in scope, with a figure of each kind of column. */
const coursesReport: ReportDefinition<{ courses: ScopedCourse[]; from: string }> = {
  name: 'test-export-courses',
  title: { ru: 'Журналы в отчёте', en: 'Journals in the report' },
  options: { classLevel: false },
  compute: async (_ctx, scope) => ({ courses: scope.courses, from: scope.from }),
  tables: (answer, lang) => [
    {
      title: lang === 'en' ? 'Journals' : 'Журналы',
      columns: [
        { key: 'subject', label: lang === 'en' ? 'Subject' : 'Предмет' },
        { key: 'teacher', label: lang === 'en' ? 'Teacher' : 'Учитель' },
        { key: 'hours', label: lang === 'en' ? 'Hours a week' : 'Часов в неделю', kind: 'number' },
        { key: 'share', label: '%', kind: 'percent' },
        { key: 'from', label: lang === 'en' ? 'From' : 'С', kind: 'date' },
      ],
      rows: answer.courses.map((c) => ({
        subject: c.subject,
        teacher: c.teacher,
        hours: c.hoursPerWeek,
        share: c.hoursPerWeek * 12.5,
        from: answer.from,
      })),
    },
  ],
};

async function sheetsOf(res: LightMyRequestResponse) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return workbook.worksheets;
}

function pdfText(res: LightMyRequestResponse): string {
  const file = join(mkdtempSync(join(tmpdir(), 'otmetka-export-')), 'report.pdf');
  writeFileSync(file, res.rawPayload);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** The data rows of a sheet below its header (row 5) as arrays of cell values. */
function dataRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 5) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe.each(engines())('report exports on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof controlSchool>>;
  let deputy: Client;
  let mathT: Client;
  let parent: Client;
  let admin: Client;
  let schoolName: string;
  const url = (name: string, query: string) => `/api/reports/${name}/export?${query}`;

  beforeAll(async () => {
    reportDefinitions.push(coursesReport);
    database = await engine.open();
    app = await testApp(database);
    s = await controlSchool(database.db);
    schoolName = (
      await database.db
        .selectFrom('schools')
        .select('name')
        .where('id', '=', s.schoolId)
        .executeTakeFirstOrThrow()
    ).name;
    deputy = await signIn(app, s.people.deputy.login);
    mathT = await signIn(app, s.people.mathT.login);
    parent = await signIn(app, s.people.parent.login);
    admin = await signIn(app, s.people.admin.login);
  });
  afterAll(async () => {
    reportDefinitions.splice(reportDefinitions.indexOf(coursesReport), 1);
    await app.close();
    await database.close();
  });

  it('the deputy downloads the XLSX of a quarter: every course of the school, named file, not cached', async () => {
    const res = await deputy.get(url(coursesReport.name, `format=xlsx&periodId=${s.periods.q1}`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="test-export-courses-2026-09-01-2026-10-25.xlsx"; filename*=UTF-8''test-export-courses-2026-09-01-2026-10-25.xlsx`,
    );
    const [sheet, ...more] = await sheetsOf(res);
    expect(more).toHaveLength(0);
    expect(sheet!.name).toBe('Журналы');
    expect(sheet!.getCell('A1').value).toBe('Журналы в отчёте');
    expect(sheet!.getCell('A2').value).toBe(`${schoolName} · 01.09.2026 – 25.10.2026`);
    expect(String(sheet!.getCell('A3').value)).toMatch(/^Дата печати: \d\d\.\d\d\.\d{4}$/);
    expect((sheet!.getRow(5).values as unknown[]).slice(1)).toEqual([
      'Предмет',
      'Учитель',
      'Часов в неделю',
      '%',
      'С',
    ]);
    // The fixture's courses, 4 hours a week each: 4 × 12.5 = 50 %.
    expect(dataRows(sheet!)).toEqual([
      ['Математика', 'Математикова А. И.', 4, 50, '01.09.2026'],
      ['Русский язык', 'Русакова А. И.', 4, 50, '01.09.2026'],
      ['ИЗО', 'Другова А. И.', 4, 50, '01.09.2026'],
    ]);
  });

  it('a teacher’s PDF holds only their own journals; the filters show in the subtitle', async () => {
    const res = await mathT.get(
      url(coursesReport.name, `format=pdf&yearId=${s.yearId}&from=2026-09-01&to=2026-11-29`),
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''test-export-courses-2026-09-01-2026-11-29.pdf`,
    );
    const text = pdfText(res);
    expect(text).toContain('Журналы в отчёте');
    expect(text).toContain(`${schoolName} · 01.09.2026 – 29.11.2026`);
    expect(text).toMatch(/Математика\s+Математикова А\. И\.\s+4\s+50,0\s+01\.09\.2026/);
    expect(text).not.toContain('Русский язык');
    expect(text).not.toContain('ИЗО');
    expect(text).toContain('Стр. 1 из 1');

    const byClass = await deputy.get(url(coursesReport.name, `format=pdf&classId=${s.c5.classId}`));
    expect(byClass.statusCode).toBe(200);
    const classText = pdfText(byClass);
    expect(classText).toContain('Класс: 5А');
    expect(classText).not.toContain('ИЗО');
  });

  it('in English with Accept-Language: en', async () => {
    const res = await deputy.get(url(coursesReport.name, 'format=xlsx'), { 'accept-language': 'en' });
    expect(res.statusCode).toBe(200);
    const [sheet] = await sheetsOf(res);
    expect(sheet!.name).toBe('Journals');
    expect(sheet!.getCell('A1').value).toBe('Journals in the report');
    expect(String(sheet!.getCell('A3').value)).toMatch(/^Printed on: /);
  });

  it('400 names the format or the filter; 401 without a session', async () => {
    for (const query of ['', 'format=doc', 'format=XLSX']) {
      const res = await deputy.get(url(coursesReport.name, query));
      expect(res.statusCode, query).toBe(400);
      expect(Object.keys(res.json().fields), query).toEqual(['format']);
      expect(res.json().message, query).toContain('Формат');
    }
    const en = await deputy.get(url(coursesReport.name, 'format=doc'), { 'accept-language': 'en' });
    expect(en.json().message).toMatch(/format/i);
    const range = await deputy.get(url(coursesReport.name, 'format=pdf&from=2026-10-01&to=2026-09-01'));
    expect(range.statusCode).toBe(400);
    expect(Object.keys(range.json().fields)).toEqual(['to']);
    expect((await deputy.get(url(coursesReport.name, 'format=pdf&classId=abc'))).statusCode).toBe(400);
    expect((await deputy.get(url(coursesReport.name, 'format=pdf&colour=red'))).statusCode).toBe(400);
    const anonymous = await app.inject({ method: 'GET', url: url(coursesReport.name, 'format=pdf') });
    expect(anonymous.statusCode).toBe(401);
  });

  it('403 for another teacher’s figures and for staff without reports; 404 for an unknown report, a parent, another school', async () => {
    const others = await mathT.get(url(coursesReport.name, `format=xlsx&teacherId=${s.people.rusT.id}`));
    expect(others.statusCode).toBe(403);
    const notMine = await mathT.get(url(coursesReport.name, `format=xlsx&courseId=${s.courses.art6}`));
    expect(notMine.statusCode).toBe(403);
    expect((await admin.get(url(coursesReport.name, 'format=xlsx'))).statusCode).toBe(403);
    const unknown = await deputy.get(url('no-such-report', 'format=xlsx'));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toBe('Такого отчёта нет.');
    expect((await parent.get(url(coursesReport.name, 'format=pdf'))).statusCode).toBe(404);
    const other = await buildSchool(database.db);
    expect((await deputy.get(url(coursesReport.name, `format=pdf&yearId=${other.yearId}`))).statusCode).toBe(
      404,
    );
  });

  // Every report of the registry, so a report added later is covered without touching this test.
  const registered = reportDefinitions.map((d) => d.name);
  it.each(
    registered.flatMap((name) => [
      [name, 'xlsx'],
      [name, 'pdf'],
    ]),
  )('%s exports as %s for the deputy of the school', async (name, format) => {
    const res = await deputy.get(url(name, `format=${format}&yearId=${s.yearId}`));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const definition = reportDefinitions.find((d) => d.name === name)!;
    if (format === 'xlsx') {
      const sheets = await sheetsOf(res);
      expect(sheets.length).toBeGreaterThan(0);
      expect(sheets[0]!.getCell('A1').value).toBe(definition.title.ru);
      expect(sheets[0]!.getCell('A2').value).toContain(schoolName);
    } else {
      const text = pdfText(res);
      expect(text).toContain(definition.title.ru.split(' ')[0]);
      expect(text).toMatch(/Стр\. 1 из \d+/);
    }
  });

  it('the registry holds the reports of the reports page', () => {
    expect(registered.length).toBeGreaterThan(0);
    expect(new Set(registered).size).toBe(registered.length);
  });
});
