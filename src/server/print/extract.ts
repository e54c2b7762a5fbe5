import { weightedAverage } from '../../domain/marks.ts';
import type { Db } from '../access/actor.ts';
import type { Lang } from '../http/messages.ts';
import { dotDate } from '../reports/export-cells.ts';
import { addPage, openPaper, pageSize, paperMargin } from './paper-doc.ts';
import type { StudentClass } from './report-card-access.ts';
import { drawPaperTable, numberPages, shortName, signatureLines } from './summary-table.ts';

const words = {
  ru: {
    title: 'Выписка текущих отметок',
    student: 'Обучающийся',
    subject: 'Предмет',
    marks: 'Отметки (дата, вид работы)',
    average: 'Средний балл',
    classTeacher: 'Классный руководитель',
    none: 'Отметок нет.',
  },
  en: {
    title: 'Extract of current marks',
    student: 'Student',
    subject: 'Subject',
    marks: 'Marks (date, kind of work)',
    average: 'Average',
    classTeacher: 'Class teacher',
    none: 'No marks.',
  },
} satisfies Record<Lang, Record<string, string>>;

/** A subject's marks of the extract. */
export interface ExtractSubject {
  subject: string;
  marks: { date: string; value: string; kind: string }[];
  average: number | null;
}

/** The student's marks from–to per subject (school order), with the weighted average. */
export async function readExtract(db: Db, studentId: number, range: { from: string; to: string }) {
  const rows = await db
    .selectFrom('marks')
    .innerJoin('lessons', 'lessons.id', 'marks.lessonId')
    .innerJoin('courses', 'courses.id', 'lessons.courseId')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .innerJoin('workKinds', 'workKinds.id', 'marks.workKindId')
    .select([
      'subjects.id as subjectId',
      'subjects.name as subject',
      'subjects.sortOrder',
      'lessons.date',
      'marks.value',
      'workKinds.shortName as kind',
      'workKinds.weight',
    ])
    .where('marks.studentId', '=', studentId)
    .where('marks.deletedAt', 'is', null)
    .where('lessons.cancelledAt', 'is', null)
    .where('lessons.date', '>=', range.from)
    .where('lessons.date', '<=', range.to)
    .orderBy('subjects.sortOrder')
    .orderBy('subjects.name')
    .orderBy('lessons.date')
    .orderBy('lessons.lessonNumber')
    .orderBy('marks.id')
    .execute();
  const bySubject = new Map<
    number,
    { subject: string; marks: ExtractSubject['marks']; weighted: { value: string; weight: number }[] }
  >();
  for (const r of rows) {
    const s = bySubject.get(r.subjectId) ?? { subject: r.subject, marks: [], weighted: [] };
    bySubject.set(r.subjectId, s);
    s.marks.push({ date: r.date, value: r.value, kind: r.kind });
    s.weighted.push({ value: r.value, weight: Number(r.weight) });
  }
  return [...bySubject.values()].map((s) => ({
    subject: s.subject,
    marks: s.marks,
    average: weightedAverage(s.weighted),
  }));
}

/** A number with two decimals, a decimal comma in Russian. */
function averageText(value: number | null, lang: Lang): string {
  if (value === null) return '';
  const text = value.toFixed(2);
  return lang === 'ru' ? text.replace('.', ',') : text;
}

/** The extract of a student's current marks from–to as PDF, with the class teacher's signature line. */
export async function renderExtract(
  db: Db,
  target: StudentClass,
  o: { from: string; to: string; label: string | null; printedOn: string; lang: Lang },
): Promise<Buffer> {
  const w = words[o.lang];
  const person = await db
    .selectFrom('persons')
    .select(['lastName', 'firstName', 'middleName'])
    .where('id', '=', target.studentId)
    .executeTakeFirstOrThrow();
  const cls = await db
    .selectFrom('classes')
    .innerJoin('schools', 'schools.id', 'classes.schoolId')
    .leftJoin('persons as t', 't.id', 'classes.classTeacherId')
    .select([
      'classes.grade',
      'classes.letter',
      'schools.name as school',
      't.lastName',
      't.firstName',
      't.middleName',
    ])
    .where('classes.id', '=', target.classId)
    .executeTakeFirstOrThrow();
  const subjects = await readExtract(db, target.studentId, o);
  const name = `${person.lastName} ${person.firstName} ${person.middleName}`.trim();
  const { paper, finish } = openPaper(`${w.title}: ${name}`, o.lang, o.printedOn);
  const { doc } = paper;
  addPage(paper, 'portrait');
  const textWidth = pageSize(paper).width - paperMargin.left - paperMargin.right;
  const range = `${dotDate(o.from)} – ${dotDate(o.to)}`;
  const heading = (first: boolean) => {
    doc
      .font('bold')
      .fontSize(first ? 14 : 9)
      .text(w.title, paperMargin.left, paperMargin.top, { width: textWidth });
    if (first) {
      doc.font('regular').fontSize(10);
      doc.text(`${w.student}: ${name}, ${cls.grade}${cls.letter}`, { width: textWidth });
      doc.text(`${cls.school} · ${o.label ? `${o.label}, ` : ''}${range}`, { width: textWidth });
    }
    return doc.y + 8;
  };
  let end: number;
  if (subjects.length === 0) {
    end = heading(true);
    doc.font('regular').fontSize(10).text(w.none, paperMargin.left, end, { width: textWidth });
    end = doc.y;
  } else
    end = drawPaperTable(
      paper,
      {
        stub: { label: w.subject, width: 130, align: 'left' },
        groups: [
          {
            label: '',
            columns: [
              { label: w.marks, width: textWidth - 130 - 60, align: 'left' },
              { label: w.average, width: 60 },
            ],
          },
        ],
        rows: subjects.map((s) => ({
          stub: s.subject,
          cells: [
            s.marks.map((m) => `${m.value} (${dotDate(m.date).slice(0, 5)}, ${m.kind})`).join('; '),
            averageText(s.average, o.lang),
          ],
        })),
        fontSize: 9,
      },
      heading,
      'portrait',
    );
  const teacher = cls.lastName ? `${cls.lastName} ${cls.firstName} ${cls.middleName}` : null;
  signatureLines(paper, end, [{ role: w.classTeacher, name: shortName(teacher) }], 'portrait');
  numberPages(paper);
  return finish();
}
