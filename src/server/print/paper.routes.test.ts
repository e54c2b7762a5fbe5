import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { pdfText, summaryFixture } from './summary-fixture.test-helpers.ts';

async function workbook(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book;
}

/** Papers (issue #7): the сводная ведомость as PDF and XLSX, the journal XLSX, report cards and extracts. */
describe.each(engines())('paper routes on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let f: Awaited<ReturnType<typeof summaryFixture>>;

  beforeAll(async () => {
    database = await engine.open();
    f = await summaryFixture(database.db);
    app = await testApp(database);
    const kind = await database.db
      .insertInto('workKinds')
      .values({ schoolId: f.s.schoolId, name: 'Контрольная работа', shortName: 'К/р', weight: 2 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const lesson = await database.db
      .selectFrom('lessons')
      .select('id')
      .where('courseId', '=', f.courses.math)
      .where('date', '=', '2026-10-06')
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('marks')
      .values({
        schoolId: f.s.schoolId,
        lessonId: lesson.id,
        studentId: f.students.yakovleva,
        workKindId: kind.id,
        value: '4',
        createdBy: f.people.mathT.id,
      })
      .execute();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('gives the class teacher the сводная ведомость as PDF with a UTF-8 file name', async () => {
    const res = await (await signIn(app, f.people.classT.login)).get(
      `/api/classes/${f.c5.classId}/summary.pdf`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Сводная ведомость 5А 2026-2027.pdf')}`,
    );
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Сводная ведомость учёта успеваемости');
    expect(text).toContain('Яковлева Анна');
  });

  it('gives the deputy the сводная ведомость as XLSX with marks in their columns', async () => {
    const res = await (await signIn(app, f.people.deputy.login)).get(
      `/api/classes/${f.c5.classId}/summary.xlsx`,
    );
    expect(res.statusCode).toBe(200);
    const sheet = (await workbook(res.rawPayload)).worksheets[0]!;
    expect(sheet.getCell('B3').text).toBe('Русский язык');
    expect(sheet.getCell('I3').text).toBe('Математика');
    expect(sheet.getCell('M4').text).toBe('Год');
    expect(sheet.getCell('A5').text).toBe('1. Абрамов Пётр');
    expect(sheet.getCell('B5').text).toBe('3');
    expect(sheet.getCell('I5').text).toBe('5');
    expect(sheet.getCell('M5').text).toBe('5');
    expect(sheet.getCell('N5').text).toBe('4');
    expect(sheet.getCell('P5').value).toBe(1);
    expect(sheet.getCell('T5').text).toBe('переведён в 6 класс');
    expect(sheet.getCell('A7').text).toBe('3. Яковлева Анна (выбыл(а) 15.01.2027)');
  });

  it('refuses the сводная ведомость to a teacher who is not the class teacher, and other schools', async () => {
    const teacher = await signIn(app, f.people.mathT.login);
    expect((await teacher.get(`/api/classes/${f.c5.classId}/summary.pdf`)).statusCode).toBe(403);
    expect((await teacher.get(`/api/classes/${f.c5.classId}/summary.xlsx`)).statusCode).toBe(403);
    const other = await signIn(app, f.people.otherDirector.login);
    expect((await other.get(`/api/classes/${f.c5.classId}/summary.xlsx`)).statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'GET', url: `/api/classes/${f.c5.classId}/summary.pdf` })).statusCode,
    ).toBe(401);
  });

  it('gives a teacher their course as XLSX: the grid and the lessons', async () => {
    const teacher = await signIn(app, f.people.mathT.login);
    const res = await teacher.get(`/api/classes/${f.c5.classId}/journal.xlsx?courseIds=${f.courses.math}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('Журнал 5А 2026-2027.xlsx'));
    const book = await workbook(res.rawPayload);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Математика 5А']);
    const sheet = book.worksheets[0]!;
    const header = sheet.getRow(3).values as unknown[];
    expect(header.slice(1, 4)).toEqual(['Ученик', '05.10', '06.10']);
    const rows = Array.from(sheet.getSheetValues(), (r) =>
      Array.isArray(r) ? r.slice(1).map((v) => String(v ?? '')) : [],
    );
    expect(rows.find((r) => r[0] === 'Абрамов Пётр')?.slice(0, 3)).toEqual(['Абрамов Пётр', 'б', 'н']);
    expect(rows.find((r) => r[0] === 'Яковлева Анна')?.[2]).toBe('4');
    expect(rows.some((r) => r[1] === 'Тема 2026-10-05 1' && r[2] === 'Задание 1')).toBe(true);
    const bad = await teacher.get(`/api/classes/${f.c5.classId}/journal.xlsx?periodId=2147483000`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('Период');
  });

  it('prints a report card for the class teacher with marks, decision and signature lines', async () => {
    const client = await signIn(app, f.people.classT.login);
    const res = await client.get(`/api/students/${f.students.abramov}/report-card?yearId=${f.s.yearId}`);
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Табель успеваемости');
    expect(text).toContain('Абрамов Пётр');
    expect(text).toMatch(/Математика\s+5\s+4\s+5\s+4\s+5/);
    expect(text).toContain('переведён в 6 класс');
    expect(text).toContain('Подпись родителя');
    expect(text).toContain('уроков — 3 (из них по болезни 2)');
  });

  it('refuses report cards to others and names a bad year', async () => {
    const url = `/api/students/${f.students.abramov}/report-card?yearId=`;
    const teacher = await signIn(app, f.people.mathT.login);
    expect((await teacher.get(`${url}${f.s.yearId}`)).statusCode).toBe(403);
    const other = await signIn(app, f.people.otherDirector.login);
    expect((await other.get(`${url}${f.s.yearId}`)).statusCode).toBe(404);
    const director = await signIn(app, f.people.director.login);
    const bad = await director.get(`${url}${f.other.yearId}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('Учебный год');
    const word = await director.get(`${url}abc`);
    expect(word.statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: `${url}${f.s.yearId}` })).statusCode).toBe(401);
  });

  it('prints an extract of current marks for dates or a period, with the average', async () => {
    const deputy = await signIn(app, f.people.deputy.login);
    const res = await deputy.get(
      `/api/students/${f.students.yakovleva}/extract?from=2026-10-01&to=2026-10-31`,
    );
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Выписка текущих отметок');
    expect(text).toMatch(/Математика\s+4 \(06\.10, К\/р\)\s+4,00/);
    const byPeriod = await deputy.get(
      `/api/students/${f.students.yakovleva}/extract?periodId=${f.periods.q1}`,
    );
    expect(byPeriod.statusCode).toBe(200);
    // The print page's «Выписка» for the whole year asks by the year.
    const byYear = await deputy.get(`/api/students/${f.students.yakovleva}/extract?yearId=${f.s.yearId}`);
    expect(byYear.statusCode).toBe(200);
    expect(pdfText(byYear.rawPayload)).toMatch(/Математика\s+4 \(06\.10, К\/р\)/);
    const otherYear = await deputy.get(`/api/students/${f.students.yakovleva}/extract?yearId=2147483647`);
    expect(otherYear.statusCode).toBe(400);
    expect(otherYear.json().fields).toHaveProperty('yearId');
    const none = await deputy.get(`/api/students/${f.students.yakovleva}/extract`);
    expect(none.statusCode).toBe(400);
    const order = await deputy.get(
      `/api/students/${f.students.yakovleva}/extract?from=2026-10-31&to=2026-10-01`,
    );
    expect(order.statusCode).toBe(400);
    const teacher = await signIn(app, f.people.mathT.login);
    expect(
      (await teacher.get(`/api/students/${f.students.yakovleva}/extract?periodId=${f.periods.q1}`))
        .statusCode,
    ).toBe(403);
  });
});
