import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ClassSections, StudentInfo } from './journal-class-data.ts';
import type { JournalData, JournalPeriod } from './journal-data.ts';
import { contentBottom, fitText, gridLines, pageHeading, wrapText } from './journal-draw.ts';
import { dayMonthYear, fullName, initials, type JournalWords } from './journal-words.ts';
import { a4, addPage, type PaperDoc, paperMargin, startSection } from './paper-doc.ts';

const portraitWidth = a4.short - paperMargin.left - paperMargin.right;
const landscapeWidth = a4.long - paperMargin.left - paperMargin.right;
/** Lines of the contents on one page. */
export const contentsPerPage = 32;

/** The title page: «Классный журнал», the school, class, year, class teacher, period, date printed. */
export function drawTitlePage(paper: PaperDoc, data: JournalData, printedOn: string, w: JournalWords): void {
  addPage(paper, 'portrait');
  const doc = paper.doc;
  const line = (text: string, y: number, size: number, font: 'regular' | 'bold' = 'regular') =>
    wrapText(doc, text, {
      x: paperMargin.left,
      y,
      width: portraitWidth,
      height: size * 3,
      size,
      font,
      align: 'center',
      lines: 2,
    });
  line(data.school, 120, 14);
  line(w.title, 260, 32, 'bold');
  line(w.classOf(data.grade, data.letter), 310, 20);
  line(w.schoolYear(data.year.name), 350, 16);
  const facts: [string, string][] = [
    [w.classTeacher, data.classTeacher ? fullName(data.classTeacher) : ''],
    [w.printedPeriod, data.period?.name ?? w.wholeYear],
    [w.printedOn, dayMonthYear(printedOn)],
  ];
  facts.forEach(([label, value], i) => {
    const y = 560 + i * 24;
    fitText(doc, `${label}:`, {
      x: paperMargin.left + 40,
      y,
      width: 180,
      height: 18,
      size: 11,
      font: 'bold',
    });
    fitText(doc, value, { x: paperMargin.left + 220, y, width: portraitWidth - 260, height: 18, size: 11 });
  });
}

/** Adds the (empty) pages the contents will be written on; returns the first one's index (0-based). */
export function reserveContents(paper: PaperDoc, entries: number): number {
  const first = paper.doc.bufferedPageRange().count;
  const pages = Math.max(1, Math.ceil(entries / contentsPerPage));
  for (let i = 0; i < pages; i++) addPage(paper, 'portrait');
  return first;
}

/** Writes the contents (each section with its first page) on the reserved pages. */
export function writeContents(paper: PaperDoc, firstPage: number, w: JournalWords): void {
  const doc = paper.doc;
  paper.outline.forEach((entry, i) => {
    const page = firstPage + Math.floor(i / contentsPerPage);
    doc.switchToPage(page);
    const row = i % contentsPerPage;
    if (row === 0) pageHeading(paper, w.contents);
    const y = paperMargin.top + 34 + row * 22;
    fitText(doc, entry.title, { x: paperMargin.left, y, width: portraitWidth - 50, height: 18, size: 10.5 });
    fitText(doc, String(entry.page), {
      x: paperMargin.left + portraitWidth - 50,
      y,
      width: 50,
      height: 18,
      size: 10.5,
      align: 'right',
    });
    doc
      .lineWidth(0.3)
      .dash(1, { space: 2 })
      .moveTo(paperMargin.left, y + 16)
      .lineTo(paperMargin.left + portraitWidth, y + 16)
      .stroke()
      .undash();
  });
}

/** A table over as many pages as its rows need; `cells(i)` gives row i's cells. */
async function table(
  paper: PaperDoc,
  heading: string,
  labels: string[],
  widths: number[],
  count: number,
  rowHeight: number,
  cells: (i: number) => string[],
  layout: 'portrait' | 'landscape',
): Promise<void> {
  const doc = paper.doc;
  let i = 0;
  do {
    addPage(paper, layout);
    if (i === 0) startSection(paper, heading);
    const top = pageHeading(paper, heading);
    const xs = [paperMargin.left];
    for (const cw of widths) xs.push(xs.at(-1)! + cw);
    const header = 26;
    labels.forEach((label, k) => {
      wrapText(doc, label, {
        x: xs[k]!,
        y: top,
        width: widths[k]!,
        height: header,
        size: 7.5,
        font: 'bold',
        align: 'center',
        lines: 2,
      });
    });
    const ys = [top, top + header];
    while (i < count && ys.at(-1)! + rowHeight <= contentBottom(doc) - 4) {
      const y = ys.at(-1)!;
      cells(i).forEach((text, k) => {
        wrapText(doc, text, {
          x: xs[k]!,
          y,
          width: widths[k]!,
          height: rowHeight,
          size: 7.5,
          lines: Math.max(1, Math.floor((rowHeight - 2) / 9)),
        });
      });
      ys.push(y + rowHeight);
      i++;
    }
    gridLines(doc, xs, ys);
    await nextTurn();
  } while (i < count);
}

/** «Общие сведения об учащихся»: a line per student with their personal file and parents (landscape). */
export async function drawGeneralInfo(
  paper: PaperDoc,
  sections: ClassSections,
  w: JournalWords,
): Promise<void> {
  const widths = [20, 150, 55, 55, 150, 0, 45];
  widths[5] = landscapeWidth - widths.reduce((a, b) => a + b, 0);
  const parents = (s: StudentInfo) =>
    s.parents.map((p) => [fullName(p), p.workplace, p.phone].filter(Boolean).join(', ')).join('; ');
  await table(
    paper,
    w.general,
    [w.number, w.fullName, w.birthDate, w.fileNumber, w.address, w.parents, w.healthGroup],
    widths,
    sections.students.length,
    28,
    (i) => {
      const s = sections.students[i]!;
      return [
        String(i + 1),
        fullName(s),
        s.birthDate ? dayMonthYear(s.birthDate) : '',
        s.fileNumber ?? '',
        s.address ?? '',
        parents(s),
        s.healthGroup ?? '',
      ];
    },
    'landscape',
  );
}

/** «Сводная ведомость посещаемости»: per student per term the lessons missed and of them for illness. */
export async function drawAttendanceSummary(
  paper: PaperDoc,
  sections: ClassSections,
  terms: readonly JournalPeriod[],
  w: JournalWords,
): Promise<void> {
  const fixed = [20, 150];
  const rest = landscapeWidth - 170;
  const per = rest / (2 * (terms.length + 1));
  const widths = [...fixed, ...Array.from({ length: 2 * (terms.length + 1) }, () => per)];
  const labels = [
    w.number,
    w.fullName,
    ...[...terms.map((t) => t.name), w.total].flatMap((name) => [`${name}: ${w.missed}`, w.ofIllness]),
  ];
  await table(
    paper,
    w.attendance,
    labels,
    widths,
    sections.students.length,
    13,
    (i) => {
      const s = sections.students[i]!;
      let missed = 0;
      let illness = 0;
      const counts = terms.flatMap((t) => {
        const c = sections.missed.get(`${t.id}:${s.id}`);
        missed += c?.missed ?? 0;
        illness += c?.illness ?? 0;
        return [String(c?.missed ?? 0), String(c?.illness ?? 0)];
      });
      return [String(i + 1), `${s.lastName} ${s.firstName}`, ...counts, String(missed), String(illness)];
    },
    'landscape',
  );
}

/** «Замечания по ведению журнала»: date, subject, remark, status (portrait). */
export async function drawRemarks(paper: PaperDoc, sections: ClassSections, w: JournalWords): Promise<void> {
  const widths = [60, 110, 0, 90];
  widths[2] = portraitWidth - 260;
  const status = { open: w.open, fixed: w.fixed, closed: w.closed };
  const rows = sections.remarks;
  await table(
    paper,
    w.remarks,
    [w.remarkDate, w.course, w.remark, w.status],
    widths,
    rows.length,
    30,
    (i) => {
      const r = rows[i]!;
      return [dayMonthYear(r.date), r.subject, r.text, status[r.status]];
    },
    'portrait',
  );
  if (rows.length === 0) {
    fitText(paper.doc, w.noRemarks, {
      x: paperMargin.left,
      y: paperMargin.top + 80,
      width: portraitWidth,
      height: 18,
      size: 10,
    });
  }
}

/**
 * The closing certificate, the journal's last page: «В журнале пронумеровано, прошнуровано и
 * скреплено печатью N (words) страниц», the director's signature, «М.П.» and the date.
 */
export function drawCertificate(
  paper: PaperDoc,
  sections: ClassSections,
  printedOn: string,
  w: JournalWords,
): void {
  addPage(paper, 'portrait');
  startSection(paper, w.certificate);
  const doc = paper.doc;
  const pages = doc.bufferedPageRange().count;
  const top = pageHeading(paper, w.certificate);
  wrapText(doc, w.certify(pages), {
    x: paperMargin.left + 20,
    y: top + 40,
    width: portraitWidth - 40,
    height: 60,
    size: 12,
    lines: 3,
  });
  const y = top + 140;
  const director = sections.director ? initials(sections.director) : '';
  fitText(doc, w.director, { x: paperMargin.left + 20, y, width: 80, height: 18, size: 12 });
  doc
    .lineWidth(0.5)
    .moveTo(paperMargin.left + 110, y + 15)
    .lineTo(paperMargin.left + 250, y + 15)
    .stroke();
  fitText(doc, `/${director || '                    '}/`, {
    x: paperMargin.left + 260,
    y,
    width: 200,
    height: 18,
    size: 12,
  });
  fitText(doc, w.stamp, { x: paperMargin.left + 20, y: y + 40, width: 80, height: 18, size: 12 });
  fitText(doc, dayMonthYear(printedOn), {
    x: paperMargin.left + 20,
    y: y + 80,
    width: 120,
    height: 18,
    size: 12,
  });
}
