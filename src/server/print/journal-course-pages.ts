import { setImmediate as nextTurn } from 'node:timers/promises';
import type { JournalCourse, JournalLesson, JournalPeriod } from './journal-data.ts';
import { contentBottom, fitText, gridLines, signatureLine, wrapText } from './journal-draw.ts';
import { dayMonth, fullName, initials, type JournalWords, monthName } from './journal-words.ts';
import { addPage, type PaperDoc, paperMargin, startSection } from './paper-doc.ts';

/** A column of a course's left page: a lesson's date, or a period's marks. */
export type GridColumn = { lesson: JournalLesson } | { period: JournalPeriod };

const numberWidth = 18;
const nameWidth = 150;
const lessonWidth = 22;
const periodWidth = 34;
const headerRow = 14;
const tableTop = paperMargin.top + 22;
const rowsTop = tableTop + 2 * headerRow;
const maxRow = 16;
const minRow = 11.5;

/**
 * The left page's columns in order: each term's lessons followed by that term's marks, then the
 * lessons after the last term, then the year (exam, final) marks.
 */
export function gridColumns(
  lessons: readonly JournalLesson[],
  periods: readonly JournalPeriod[],
): GridColumn[] {
  const columns: GridColumn[] = [];
  let next = 0;
  for (const p of periods.filter((q) => q.kind === 'term')) {
    while (next < lessons.length && lessons[next]!.date <= p.endsOn)
      columns.push({ lesson: lessons[next++]! });
    columns.push({ period: p });
  }
  while (next < lessons.length) columns.push({ lesson: lessons[next++]! });
  for (const p of periods.filter((q) => q.kind !== 'term')) columns.push({ period: p });
  return columns;
}

/** Splits the columns into pages that fit the width left of the names. */
export function columnPages(columns: readonly GridColumn[], room: number): GridColumn[][] {
  const pages: GridColumn[][] = [];
  let page: GridColumn[] = [];
  let used = 0;
  for (const c of columns) {
    const w = 'lesson' in c ? lessonWidth : periodWidth;
    if (used + w > room && page.length > 0) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(c);
    used += w;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/** The page heading of a course: subject, class and teacher. */
function courseHeading(paper: PaperDoc, course: JournalCourse, classLabel: string, note: string): void {
  const doc = paper.doc;
  const width = doc.page.width - paperMargin.left - paperMargin.right;
  const group = course.group ? `, ${course.group}` : '';
  const title = `${course.subject} — ${classLabel}${group}${note ? ` (${note})` : ''}`;
  fitText(doc, title, {
    x: paperMargin.left,
    y: paperMargin.top,
    width: width * 0.6,
    height: 16,
    size: 11,
    font: 'bold',
  });
  const teacher = [course.teacher, course.secondTeacher].flatMap((t) => (t ? [initials(t)] : [])).join(', ');
  fitText(doc, teacher, {
    x: paperMargin.left + width * 0.6,
    y: paperMargin.top,
    width: width * 0.4,
    height: 16,
    size: 9,
    align: 'right',
  });
}

/** A left page: the students (rows `first`…) × the columns, with month and day headers. */
function leftPage(
  paper: PaperDoc,
  course: JournalCourse,
  columns: readonly GridColumn[],
  first: number,
  rows: number,
  rowHeight: number,
  w: JournalWords,
): void {
  const doc = paper.doc;
  const x0 = paperMargin.left;
  const xs = [x0, x0 + numberWidth, x0 + numberWidth + nameWidth];
  for (const c of columns) xs.push(xs.at(-1)! + ('lesson' in c ? lessonWidth : periodWidth));
  const students = course.students.slice(first, first + rows);
  const ys = [tableTop, tableTop + headerRow, rowsTop];
  for (let i = 0; i < students.length; i++) ys.push(rowsTop + (i + 1) * rowHeight);
  // Header: «Месяц» over the month names, «Число» over the days; periods take both rows.
  fitText(doc, w.number, {
    x: xs[0]!,
    y: tableTop,
    width: numberWidth,
    height: 2 * headerRow,
    size: 7,
    font: 'bold',
    align: 'center',
  });
  fitText(doc, w.month, {
    x: xs[1]!,
    y: tableTop,
    width: nameWidth,
    height: headerRow,
    size: 7,
    font: 'bold',
    align: 'right',
  });
  fitText(doc, w.student, {
    x: xs[1]!,
    y: tableTop + headerRow,
    width: nameWidth,
    height: headerRow,
    size: 7,
    font: 'bold',
  });
  let i = 0;
  while (i < columns.length) {
    const c = columns[i]!;
    if ('period' in c) {
      wrapText(doc, c.period.name, {
        x: xs[i + 2]!,
        y: tableTop,
        width: periodWidth,
        height: 2 * headerRow,
        size: 6,
        font: 'bold',
        align: 'center',
        lines: 3,
      });
      i++;
      continue;
    }
    const month = c.lesson.date.slice(0, 7);
    let j = i;
    while (
      j < columns.length &&
      'lesson' in columns[j]! &&
      (columns[j] as { lesson: JournalLesson }).lesson.date.slice(0, 7) === month
    )
      j++;
    fitText(doc, monthName(c.lesson.date, paper.lang), {
      x: xs[i + 2]!,
      y: tableTop,
      width: xs[j + 2]! - xs[i + 2]!,
      height: headerRow,
      size: 7,
      font: 'bold',
      align: 'center',
    });
    for (let k = i; k < j; k++) {
      const lesson = (columns[k] as { lesson: JournalLesson }).lesson;
      fitText(doc, String(Number(lesson.date.slice(8, 10))), {
        x: xs[k + 2]!,
        y: tableTop + headerRow,
        width: lessonWidth,
        height: headerRow,
        size: 7,
        align: 'center',
      });
    }
    i = j;
  }
  students.forEach((s, r) => {
    const y = rowsTop + r * rowHeight;
    fitText(doc, String(first + r + 1), {
      x: xs[0]!,
      y,
      width: numberWidth,
      height: rowHeight,
      size: 7.5,
      align: 'center',
    });
    fitText(doc, `${s.lastName} ${s.firstName}`, {
      x: xs[1]!,
      y,
      width: nameWidth,
      height: rowHeight,
      size: 8.5,
    });
    columns.forEach((c, k) => {
      const text =
        'lesson' in c
          ? course.cells.get(`${c.lesson.id}:${s.id}`)
          : course.periodMarks.get(`${c.period.id}:${s.id}`);
      if (text)
        fitText(doc, text, {
          x: xs[k + 2]!,
          y,
          width: xs[k + 3]! - xs[k + 2]!,
          height: rowHeight,
          size: 8,
          font: 'period' in c ? 'bold' : 'regular',
          align: 'center',
          spread: 0.35,
        });
    });
  });
  // The month row is one cell per month: draw its lines apart from the day row's.
  gridLines(doc, xs, ys.slice(1));
  gridLines(doc, [xs[0]!, xs[1]!, xs.at(-1)!], ys.slice(0, 2));
  doc.lineWidth(0.4);
  for (let k = 0; k < columns.length; k++) {
    const boundary =
      k === 0 ||
      !('lesson' in columns[k]!) ||
      !('lesson' in columns[k - 1]!) ||
      (columns[k] as { lesson: JournalLesson }).lesson.date.slice(0, 7) !==
        (columns[k - 1] as { lesson: JournalLesson }).lesson.date.slice(0, 7);
    if (boundary) doc.moveTo(xs[k + 2]!, tableTop).lineTo(xs[k + 2]!, tableTop + headerRow);
  }
  doc.stroke();
}

/** A right page: per lesson its date, what was done (kinds of work, topic), homework and hours. */
function rightPage(
  paper: PaperDoc,
  course: JournalCourse,
  lessons: readonly JournalLesson[],
  w: JournalWords,
): void {
  const doc = paper.doc;
  const x0 = paperMargin.left;
  const width = doc.page.width - paperMargin.left - paperMargin.right;
  const widths = [40, 0, width * 0.36, 30];
  widths[1] = width - widths[0]! - widths[2]! - widths[3]!;
  const xs = [x0];
  for (const cw of widths) xs.push(xs.at(-1)! + cw);
  const headerTop = tableTop;
  const top = headerTop + 2 * headerRow;
  const bottom = contentBottom(doc) - 34;
  const rowHeight = Math.min(24, (bottom - top) / Math.max(1, lessons.length));
  const labels = [w.date, w.topic, w.homework, w.hours];
  labels.forEach((label, k) => {
    fitText(doc, label, {
      x: xs[k]!,
      y: headerTop,
      width: widths[k]!,
      height: 2 * headerRow,
      size: 8,
      font: 'bold',
      align: 'center',
    });
  });
  const ys = [headerTop, top];
  lessons.forEach((l, r) => {
    const y = top + r * rowHeight;
    ys.push(y + rowHeight);
    const lines = rowHeight >= 19 ? 2 : 1;
    fitText(doc, dayMonth(l.date), {
      x: xs[0]!,
      y,
      width: widths[0]!,
      height: rowHeight,
      size: 8,
      align: 'center',
    });
    const topic = [l.workKinds.join(', '), l.topic ?? ''].filter(Boolean).join('. ');
    wrapText(doc, topic, { x: xs[1]!, y, width: widths[1]!, height: rowHeight, size: 7.5, lines });
    wrapText(doc, l.homework ?? '', { x: xs[2]!, y, width: widths[2]!, height: rowHeight, size: 7.5, lines });
    fitText(doc, '1', { x: xs[3]!, y, width: widths[3]!, height: rowHeight, size: 8, align: 'center' });
  });
  if (lessons.length === 0) {
    fitText(doc, w.noLessons, { x: xs[1]!, y: top, width: widths[1]!, height: 16, size: 9 });
  }
  gridLines(doc, xs, ys);
  const teachers = [course.teacher, course.secondTeacher].flatMap((t) => (t ? [t] : []));
  teachers.forEach((t, k) => {
    signatureLine(doc, x0 + k * (width / 2), bottom + 12, w.teacher, fullName(t), w.signature);
  });
}

/**
 * A course's pages: left pages (students × dates, continued over as many pages as the dates and
 * students need) each followed by its right page (those lessons' topics and homework). Landscape
 * A4. Yields to the event loop between pages.
 */
export async function drawCoursePages(
  paper: PaperDoc,
  course: JournalCourse,
  periods: readonly JournalPeriod[],
  classLabel: string,
  w: JournalWords,
): Promise<void> {
  const room = 841.89 - paperMargin.left - paperMargin.right - numberWidth - nameWidth;
  const pages = columnPages(gridColumns(course.lessons, periods), room);
  const rowsRoom = 595.28 - paperMargin.bottom - 6 - rowsTop;
  const perPage = Math.max(1, Math.floor(rowsRoom / minRow));
  const rows = Math.min(perPage, Math.max(1, course.students.length));
  const rowHeight = Math.min(maxRow, rowsRoom / rows);
  let first = true;
  for (const [n, columns] of pages.entries()) {
    const note = n === 0 ? '' : w.continued;
    for (let start = 0; start === 0 || start < course.students.length; start += perPage) {
      addPage(paper, 'landscape');
      if (first)
        startSection(
          paper,
          `${course.subject}${course.group ? ` (${course.group})` : ''} — ${fullName(course.teacher)}`,
        );
      first = false;
      courseHeading(paper, course, classLabel, note);
      leftPage(paper, course, columns, start, perPage, rowHeight, w);
      await nextTurn();
    }
    addPage(paper, 'landscape');
    courseHeading(paper, course, classLabel, note);
    rightPage(
      paper,
      course,
      columns.flatMap((c) => ('lesson' in c ? [c.lesson] : [])),
      w,
    );
    await nextTurn();
  }
}
