import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { loadClassSections } from './journal-class-data.ts';
import {
  drawAttendanceSummary,
  drawCertificate,
  drawGeneralInfo,
  drawRemarks,
  drawTitlePage,
  reserveContents,
  writeContents,
} from './journal-class-pages.ts';
import { drawCoursePages } from './journal-course-pages.ts';
import { loadJournal } from './journal-data.ts';
import { numberPages } from './journal-draw.ts';
import { journalWords } from './journal-words.ts';
import { openPaper, type Progress } from './paper-doc.ts';
import { classCourseIds } from './print-access.ts';
import type { JournalPrint } from './print-request.ts';
import { drawSummarySheet, loadSummarySheet } from './summary-sheet.ts';

/** Sections of the whole journal besides the courses: general information, summary, attendance, remarks, certificate. */
const classSectionCount = 5;

/**
 * The class journal in the layout of the paper journal, as PDF: the title page, the contents,
 * each course's left pages (students × dates, period marks) and right pages (topics, homework),
 * and for the whole journal (`courseIds` null) the class's sections and the closing certificate;
 * every page numbered. Reports progress after each course and section; the same data and
 * `printedOn` give the same bytes.
 */
export async function renderClassJournal(
  db: Kysely<DB>,
  print: JournalPrint,
  progress?: Progress,
): Promise<Buffer> {
  const whole = print.courseIds === null;
  const courseIds = print.courseIds ?? (await classCourseIds(db, print.classId));
  const data = await loadJournal(db, print, courseIds);
  const w = journalWords(print.lang);
  const classLabel = `${data.grade} «${data.letter}»`;
  const { paper, finish } = openPaper(
    `${w.title} ${classLabel} ${data.year.name}`,
    print.lang,
    print.printedOn,
  );
  const total = data.courses.length + (whole ? classSectionCount : 0) + 1;
  let done = 0;
  const step = async () => {
    done += 1;
    await progress?.(done, total);
  };
  drawTitlePage(paper, data, print.printedOn, w);
  const contents = reserveContents(paper, data.courses.length + (whole ? classSectionCount : 0));
  for (const course of data.courses) {
    await drawCoursePages(paper, course, data.periods, classLabel, w);
    await step();
  }
  if (whole) {
    const terms = data.periods.filter((p) => p.kind === 'term');
    const sections = await loadClassSections(db, print, courseIds, terms);
    await drawGeneralInfo(paper, sections, w);
    await step();
    drawSummarySheet(paper, await loadSummarySheet(db, print));
    await step();
    await drawAttendanceSummary(paper, sections, terms, w);
    await step();
    await drawRemarks(paper, sections, w);
    await step();
    drawCertificate(paper, sections, print.printedOn, w);
    await step();
  }
  writeContents(paper, contents, w);
  numberPages(paper);
  const pdf = await finish();
  await step();
  return pdf;
}
