import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import type { JournalPrint } from './print-request.ts';
import { pdfText, summaryFixture } from './summary-fixture.test-helpers.ts';
import { loadSummarySheet, renderSummarySheetPdf } from './summary-sheet.ts';

/** The сводная ведомость (issue #7): period marks by kind, missed days and lessons, a student who left. */
describe.each(engines())('summary sheet on $name', (engine) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof summaryFixture>>;
  let print: JournalPrint;

  beforeAll(async () => {
    database = await engine.open();
    f = await summaryFixture(database.db);
    print = {
      schoolId: f.s.schoolId,
      classId: f.c5.classId,
      academicYearId: f.s.yearId,
      periodId: null,
      courseIds: null,
      printedOn: '2027-06-30',
      lang: 'ru',
    };
  });
  afterAll(async () => {
    await database?.close();
  });

  it('puts term, year, exam and final marks in their columns, students in Russian order', async () => {
    const sheet = await loadSummarySheet(database.db, print);
    expect(sheet.className).toBe('5А');
    expect(sheet.subjects.map((s) => s.name)).toEqual(['Русский язык', 'Математика']);
    expect(sheet.terms.map((t) => t.number)).toEqual([1, 2, 3, 4]);
    expect(sheet.students.map((s) => s.name)).toEqual(['Абрамов Пётр', 'Борисов Илья', 'Яковлева Анна']);
    const abramov = sheet.students[0]!;
    expect(abramov.marks[f.subjects.mathS]).toEqual({
      terms: ['5', '4', null, null],
      year: '5',
      exam: '4',
      final: '5',
    });
    expect(abramov.marks[f.subjects.rusS]?.terms[0]).toBe('3');
    expect(abramov.decision).toEqual({
      decision: 'переведён в 6 класс',
      decidedOn: '2027-05-28',
      protocol: '7',
    });
    expect(sheet.students[1]!.decision).toBeNull();
  });

  it('counts missed days (every lesson of the day) and missed lessons, for illness apart', async () => {
    const sheet = await loadSummarySheet(database.db, print);
    const [abramov, borisov, yakovleva] = sheet.students;
    expect(abramov).toMatchObject({
      missedDays: 1,
      missedDaysIllness: 1,
      missedLessons: 3,
      missedLessonsIllness: 2,
    });
    expect(borisov).toMatchObject({
      missedDays: 1,
      missedDaysIllness: 0,
      missedLessons: 2,
      missedLessonsIllness: 1,
    });
    expect(yakovleva).toMatchObject({ missedDays: 0, missedLessons: 0 });
  });

  it('keeps a student who left with the marks before leaving and the date', async () => {
    const sheet = await loadSummarySheet(database.db, print);
    const yakovleva = sheet.students[2]!;
    expect(yakovleva.leftOn).toBe('2027-01-15');
    expect(yakovleva.marks[f.subjects.mathS]?.terms).toEqual(['4', '3', null, null]);
    expect(sheet.students[0]!.leftOn).toBeNull();
  });

  it('prints the sheet in Russian with the marks, the leaving date, the decision and the signature line', async () => {
    const pdf = await renderSummarySheetPdf(database.db, print);
    const text = pdfText(pdf);
    expect(text).toContain('Сводная ведомость учёта успеваемости обучающихся 5А класс, 2026/2027');
    expect(text).toContain('Абрамов Пётр');
    expect(text).toContain('выбыл(а) 15.01.2027');
    expect(text).toContain('переведён в 6 класс');
    expect(text).toContain('28.05.2027, протокол № 7');
    expect(text).toMatch(/Классный руководитель _+ \/Смирнова О\. П\.\//);
    expect(text).toMatch(/Абрамов Пётр\s+3(\s+\S+)*?\s+5\s+4\s+5\s+4\s+5/);
    expect(Buffer.compare(pdf, await renderSummarySheetPdf(database.db, print))).toBe(0);
  });

  it('has an English twin', async () => {
    const text = pdfText(await renderSummarySheetPdf(database.db, { ...print, lang: 'en' }));
    expect(text).toContain('Summary record of students’ progress, class 5А');
    expect(text).toContain('Class teacher');
  });
});
