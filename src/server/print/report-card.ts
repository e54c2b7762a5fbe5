import type { Db } from '../access/actor.ts';
import type { Lang } from '../http/messages.ts';
import { dotDate } from '../reports/export-cells.ts';
import { addPage, openPaper, pageSize, paperMargin } from './paper-doc.ts';
import type { StudentClass } from './report-card-access.ts';
import { decisionDate, markCells, summaryWords, termLabel } from './summary-draw.ts';
import { readSummarySheet } from './summary-load.ts';
import { drawPaperTable, numberPages, shortName, signatureLines } from './summary-table.ts';

const words = {
  ru: {
    title: 'Табель успеваемости',
    subject: 'Предмет',
    marks: 'Отметки',
    student: 'Обучающийся',
    missed: 'Пропущено',
    decision: 'Решение педагогического совета',
    parent: 'Подпись родителя',
    none: 'нет',
  },
  en: {
    title: 'Report card',
    subject: 'Subject',
    marks: 'Marks',
    student: 'Student',
    missed: 'Missed',
    decision: 'Teachers’ council decision',
    parent: 'Parent’s signature',
    none: 'none',
  },
} satisfies Record<Lang, Record<string, string>>;

/** A student's report card (табель успеваемости) for a year as PDF: subjects × terms, year, exam, final. */
export async function renderReportCard(
  db: Db,
  target: StudentClass,
  o: { printedOn: string; lang: Lang },
): Promise<Buffer> {
  const sheet = await readSummarySheet(db, {
    schoolId: target.schoolId,
    classId: target.classId,
    academicYearId: target.academicYearId,
    periodId: null,
    courseIds: null,
    printedOn: o.printedOn,
    lang: o.lang,
  });
  const student = sheet.students.find((s) => s.id === target.studentId);
  const w = words[o.lang];
  const sw = summaryWords[o.lang];
  const title = `${w.title}: ${student?.name ?? ''}`;
  const { paper, finish } = openPaper(title, o.lang, o.printedOn);
  const { doc } = paper;
  addPage(paper, 'portrait');
  const textWidth = pageSize(paper).width - paperMargin.left - paperMargin.right;
  const heading = (first: boolean) => {
    doc
      .font('bold')
      .fontSize(first ? 14 : 9)
      .text(w.title, paperMargin.left, paperMargin.top, { width: textWidth });
    if (first) {
      doc.font('regular').fontSize(10);
      doc.text(`${w.student}: ${student?.name ?? ''}`, { width: textWidth });
      const cls =
        o.lang === 'ru' ? `${sheet.className} ${sw.classWord}` : `${sw.classWord} ${sheet.className}`;
      doc.text(`${sheet.schoolName} · ${cls} · ${sheet.yearName}`, { width: textWidth });
      if (student?.leftOn) doc.text(`${sw.left} ${dotDate(student.leftOn)}`, { width: textWidth });
    }
    return doc.y + 8;
  };
  const columns = [
    ...sheet.terms.map((t) => ({ label: termLabel(t.number), width: 44 })),
    { label: sw.year, width: 44 },
    { label: sw.exam, width: 44 },
    { label: sw.final, width: 44 },
  ];
  const end = drawPaperTable(
    paper,
    {
      stub: { label: w.subject, width: 180, align: 'left' },
      groups: [{ label: w.marks, columns }],
      rows: sheet.subjects.map((subject) => ({
        stub: subject.name,
        cells: markCells(student?.marks[subject.id], sheet.terms.length),
      })),
      fontSize: 9,
    },
    heading,
    'portrait',
  );
  doc.font('regular').fontSize(10);
  const missed = student
    ? `${w.missed}: ${sw.days} — ${student.missedDays} (${sw.ofIllness} ${student.missedDaysIllness}), ${sw.lessons} — ${student.missedLessons} (${sw.ofIllness} ${student.missedLessonsIllness})`
    : '';
  doc.text(missed, paperMargin.left, end + 10, { width: textWidth });
  const decision = student?.decision
    ? `${student.decision.decision}${decisionDate(student.decision, o.lang) ? ` (${decisionDate(student.decision, o.lang)})` : ''}`
    : w.none;
  doc.text(`${w.decision}: ${decision}`, { width: textWidth });
  signatureLines(
    paper,
    doc.y,
    [
      { role: sw.classTeacher, name: shortName(sheet.classTeacher) },
      { role: w.parent, name: null },
    ],
    'portrait',
  );
  numberPages(paper);
  return finish();
}
