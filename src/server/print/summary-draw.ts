import type { Lang } from '../http/messages.ts';
import { dotDate } from '../reports/export-cells.ts';
import { type PaperDoc, pageSize, paperMargin, startSection } from './paper-doc.ts';
import type { PrintedDecision, SubjectMarks, SummarySheet } from './summary-model.ts';
import { type ColumnGroup, drawPaperTable, type PaperTable } from './summary-table.ts';

/** The words of the сводная ведомость, report card and extract, in both languages. */
export const summaryWords = {
  ru: {
    title: 'Сводная ведомость учёта успеваемости обучающихся',
    classWord: 'класс',
    yearWord: 'учебный год',
    student: '№, фамилия, имя',
    year: 'Год',
    exam: 'Экз.',
    final: 'Итог',
    missed: 'Пропущено',
    days: 'дней',
    lessons: 'уроков',
    ofIllness: 'из них по болезни',
    council: 'Решение педагогического совета',
    decision: 'Решение',
    dateProtocol: 'Дата, протокол',
    protocol: 'протокол №',
    left: 'выбыл(а)',
    classTeacher: 'Классный руководитель',
    continued: 'продолжение',
    noStudents: 'В классе нет обучающихся.',
  },
  en: {
    title: 'Summary record of students’ progress',
    classWord: 'class',
    yearWord: 'academic year',
    student: 'No., surname, name',
    year: 'Year',
    exam: 'Exam',
    final: 'Final',
    missed: 'Missed',
    days: 'days',
    lessons: 'lessons',
    ofIllness: 'of them for illness',
    council: 'Teachers’ council decision',
    decision: 'Decision',
    dateProtocol: 'Date, minutes',
    protocol: 'minutes No.',
    left: 'left',
    classTeacher: 'Class teacher',
    continued: 'continued',
    noStudents: 'The class has no students.',
  },
} satisfies Record<Lang, Record<string, string>>;

const roman = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/** A term's column label: I, II, III, IV. */
export function termLabel(number: number): string {
  return roman[number - 1] ?? String(number);
}

/** «25.05.2027, протокол № 5». */
export function decisionDate(d: PrintedDecision, lang: Lang): string {
  const w = summaryWords[lang];
  return [d.decidedOn ? dotDate(d.decidedOn) : null, d.protocol ? `${w.protocol} ${d.protocol}` : null]
    .filter((p) => p !== null)
    .join(', ');
}

/** The title of the сводная ведомость of a class: «Сводная ведомость … 5А класс, 2026/2027 учебный год». */
export function summaryTitle(sheet: Pick<SummarySheet, 'lang' | 'className' | 'yearName'>): string {
  const w = summaryWords[sheet.lang];
  return sheet.lang === 'ru'
    ? `${w.title} ${sheet.className} ${w.classWord}, ${sheet.yearName} ${w.yearWord}`
    : `${w.title}, ${w.classWord} ${sheet.className}, ${w.yearWord} ${sheet.yearName}`;
}

/** The cells of a subject's marks: the terms, year, exam, final. */
export function markCells(marks: SubjectMarks | undefined, terms: number): string[] {
  const t = Array.from({ length: terms }, (_, i) => marks?.terms[i] ?? '');
  return [...t, marks?.year ?? '', marks?.exam ?? '', marks?.final ?? ''];
}

/** The сводная ведомость as a paper table: subjects' columns, then attendance, then the council decision. */
export function summaryTable(sheet: SummarySheet): PaperTable {
  const w = summaryWords[sheet.lang];
  const narrow = 17;
  const markColumns = [
    ...sheet.terms.map((t) => ({ label: termLabel(t.number), width: narrow })),
    { label: w.year, width: narrow + 3 },
    { label: w.exam, width: narrow + 3 },
    { label: w.final, width: narrow + 3 },
  ];
  const groups: ColumnGroup[] = sheet.subjects.map((s) => ({ label: s.name, columns: markColumns }));
  groups.push({
    label: w.missed,
    columns: [
      { label: w.days, width: 30 },
      { label: w.ofIllness, width: 38 },
      { label: w.lessons, width: 34 },
      { label: w.ofIllness, width: 38 },
    ],
  });
  groups.push({
    label: w.council,
    columns: [
      { label: w.decision, width: 170, align: 'left' },
      { label: w.dateProtocol, width: 90, align: 'left' },
    ],
  });
  const rows = sheet.students.map((s, i) => ({
    stub: `${i + 1}. ${s.name}${s.leftOn ? `\n${w.left} ${dotDate(s.leftOn)}` : ''}`,
    cells: [
      ...sheet.subjects.flatMap((subject) => markCells(s.marks[subject.id], sheet.terms.length)),
      String(s.missedDays),
      String(s.missedDaysIllness),
      String(s.missedLessons),
      String(s.missedLessonsIllness),
      s.decision?.decision ?? '',
      s.decision ? decisionDate(s.decision, sheet.lang) : '',
    ],
  }));
  return { stub: { label: w.student, width: 120, align: 'left' }, groups, rows, fontSize: 7 };
}

/**
 * Draws the сводная ведомость on new landscape pages of a paper document: the title on the first
 * page, «продолжение» on the next ones, the table with its headers on every page. Gives where
 * the table ends on the last page.
 */
export function drawSummary(paper: PaperDoc, sheet: SummarySheet, addFirst: () => void): number {
  const w = summaryWords[sheet.lang];
  const title = summaryTitle(sheet);
  addFirst();
  startSection(paper, title);
  const { doc } = paper;
  const textWidth = pageSize(paper).width - paperMargin.left - paperMargin.right;
  const heading = (first: boolean) => {
    doc.font('bold').fontSize(first ? 12 : 8);
    const line = first ? title : `${title} (${w.continued})`;
    doc.text(line, paperMargin.left, paperMargin.top, { width: textWidth });
    if (first) doc.font('regular').fontSize(9).text(sheet.schoolName, { width: textWidth });
    return doc.y + 6;
  };
  if (sheet.students.length === 0) {
    const top = heading(true);
    doc.font('regular').fontSize(10).text(w.noStudents, paperMargin.left, top, { width: textWidth });
    return doc.y;
  }
  return drawPaperTable(paper, summaryTable(sheet), heading);
}
