import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { sheetNames } from '../reports/export-xlsx.ts';
import { redateZip } from './archive-manifest.ts';
import type { JournalPrint } from './print-request.ts';
import { decisionDate, markCells, summaryTitle, summaryWords, termLabel } from './summary-draw.ts';
import { journalGrids } from './summary-journal.ts';
import { readSummarySheet } from './summary-load.ts';

/** The same workbook bytes for the same data: fixed dates in its properties. */
function workbookOn(printedOn: string): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  const stamp = new Date(`${printedOn}T00:00:00Z`);
  book.creator = 'Отметка';
  book.created = stamp;
  book.modified = stamp;
  return book;
}

/** The workbook's bytes, its ZIP entries dated `printedOn` too (exceljs dates them at writing). */
async function bytesOf(book: ExcelJS.Workbook, printedOn: string): Promise<Buffer> {
  return redateZip(new Uint8Array(await book.xlsx.writeBuffer()), printedOn);
}

const dot = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * The class journal (or the print's courses) as XLSX: a sheet per course with the grid (students ×
 * lesson dates: marks and absences, then the period marks) and, below it, the lessons (date, topic,
 * homework).
 */
export async function renderJournalXlsx(db: Kysely<DB>, print: JournalPrint): Promise<Buffer> {
  const grids = await journalGrids(db, print);
  const book = workbookOn(print.printedOn);
  const ru = print.lang === 'ru';
  const names = sheetNames(
    grids.map((g) => `${g.subject} ${g.group}`),
    print.lang,
  );
  grids.forEach((g, i) => {
    const sheet = book.addWorksheet(names[i]!);
    sheet.addRow([`${g.subject} — ${g.group}`]).font = { bold: true, size: 13 };
    sheet.addRow([`${ru ? 'Учитель' : 'Teacher'}: ${g.teacher}`]);
    const header = sheet.addRow([
      ru ? 'Ученик' : 'Student',
      ...g.lessons.map((l) => dot(l.date).slice(0, 5)),
      ...g.periods.map((p) => p.label),
    ]);
    header.font = { bold: true };
    for (const s of g.students)
      sheet.addRow([
        s.name,
        ...g.lessons.map((l) => s.cells.get(l.id) ?? null),
        ...g.periods.map((p) => s.periodMarks.get(p.id) ?? null),
      ]);
    sheet.getColumn(1).width = 28;
    sheet.addRow([]);
    sheet.addRow([ru ? 'Уроки' : 'Lessons']).font = { bold: true };
    sheet.addRow([ru ? 'Дата' : 'Date', ru ? 'Тема' : 'Topic', ru ? 'Домашнее задание' : 'Homework']).font = {
      bold: true,
    };
    for (const l of g.lessons) sheet.addRow([dot(l.date), l.topic ?? '', l.homework ?? '']);
  });
  if (grids.length === 0)
    book.addWorksheet(ru ? 'Журнал' : 'Journal').addRow([ru ? 'Нет данных' : 'No data']);
  return bytesOf(book, print.printedOn);
}

/** The сводная ведомость as XLSX: one sheet, a row per student, subjects' columns side by side. */
export async function renderSummaryXlsx(db: Kysely<DB>, print: JournalPrint): Promise<Buffer> {
  const sheetData = await readSummarySheet(db, print);
  const w = summaryWords[print.lang];
  const book = workbookOn(print.printedOn);
  const sheet = book.addWorksheet(print.lang === 'ru' ? 'Сводная ведомость' : 'Summary');
  sheet.addRow([summaryTitle(sheetData)]).font = { bold: true, size: 13 };
  sheet.addRow([sheetData.schoolName]);
  const marks = [...sheetData.terms.map((t) => termLabel(t.number)), w.year, w.exam, w.final];
  const groupRow = [w.student];
  const labelRow = [''];
  for (const s of sheetData.subjects) {
    groupRow.push(s.name, ...marks.slice(1).map(() => ''));
    labelRow.push(...marks);
  }
  groupRow.push(w.missed, '', '', '', w.council, '');
  labelRow.push(w.days, w.ofIllness, w.lessons, w.ofIllness, w.decision, w.dateProtocol);
  sheet.addRow(groupRow).font = { bold: true };
  sheet.addRow(labelRow).font = { bold: true };
  sheetData.students.forEach((s, i) => {
    sheet.addRow([
      `${i + 1}. ${s.name}${s.leftOn ? ` (${w.left} ${dot(s.leftOn)})` : ''}`,
      ...sheetData.subjects.flatMap((subject) => markCells(s.marks[subject.id], sheetData.terms.length)),
      s.missedDays,
      s.missedDaysIllness,
      s.missedLessons,
      s.missedLessonsIllness,
      s.decision?.decision ?? '',
      s.decision ? decisionDate(s.decision, print.lang) : '',
    ]);
  });
  sheet.getColumn(1).width = 30;
  return bytesOf(book, print.printedOn);
}
