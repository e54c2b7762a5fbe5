import type { Db } from '../access/actor.ts';
import { classCourseIds } from './print-access.ts';
import type { JournalPrint } from './print-request.ts';
import { summaryWords, termLabel } from './summary-draw.ts';
import { yearPeriods } from './summary-load.ts';

/** A course's journal as a grid: its lessons, its students' cells per lesson and period marks. */
export interface JournalGrid {
  courseId: number;
  subject: string;
  group: string;
  teacher: string;
  lessons: { id: number; date: string; topic: string | null; homework: string | null }[];
  periods: { id: number; label: string }[];
  students: { id: number; name: string; cells: Map<number, string>; periodMarks: Map<number, string> }[];
}

const absenceLetter = (reason: string | null) =>
  reason === 'illness' ? 'б' : reason === 'excused' ? 'уп' : 'н';

/** The dates a print covers: its period, or the whole academic year. */
async function printRange(db: Db, print: JournalPrint) {
  if (print.periodId !== null) {
    const p = await db
      .selectFrom('periods')
      .select(['startsOn', 'endsOn'])
      .where('id', '=', print.periodId)
      .executeTakeFirstOrThrow();
    return { from: p.startsOn, to: p.endsOn };
  }
  const y = await db
    .selectFrom('academicYears')
    .select(['startsOn', 'endsOn'])
    .where('id', '=', print.academicYearId)
    .executeTakeFirstOrThrow();
  return { from: y.startsOn, to: y.endsOn };
}

/** The grids of the print's courses (every course of the class when it names none), in subject order. */
export async function journalGrids(db: Db, print: JournalPrint): Promise<JournalGrid[]> {
  const ids = print.courseIds ?? (await classCourseIds(db, print.classId));
  if (ids.length === 0) return [];
  const range = await printRange(db, print);
  const cls = await db
    .selectFrom('classes')
    .select('grade')
    .where('id', '=', print.classId)
    .executeTakeFirstOrThrow();
  const scheme = await db
    .selectFrom('gradeSchemes')
    .select('scheme')
    .where('academicYearId', '=', print.academicYearId)
    .where('grade', '=', cls.grade)
    .executeTakeFirst();
  const periods = await yearPeriods(db, print.schoolId, print.academicYearId, scheme?.scheme ?? 'quarters');
  const w = summaryWords[print.lang];
  const kindLabel = { year: w.year, exam: w.exam, final: w.final } as const;
  const termNumber = new Map(periods.terms.map((t) => [t.id, t.number]));
  const periodColumns = [...periods.kindOf.entries()].map(([id, k]) => ({
    id,
    label: k.kind === 'term' ? termLabel(termNumber.get(id)!) : kindLabel[k.kind],
  }));
  const courses = await db
    .selectFrom('courses')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .innerJoin('persons as t', 't.id', 'courses.teacherId')
    .select([
      'courses.id',
      'courses.groupId',
      'courses.subjectId',
      'subjects.name as subject',
      'groups.name as group',
      't.lastName',
      't.firstName',
      't.middleName',
    ])
    .where('courses.id', 'in', ids)
    .orderBy('subjects.sortOrder')
    .orderBy('subjects.name')
    .orderBy('courses.id')
    .execute();
  const grids: JournalGrid[] = [];
  for (const c of courses) {
    const lessons = await db
      .selectFrom('lessons')
      .select(['id', 'date', 'topic', 'homework'])
      .where('courseId', '=', c.id)
      .where('cancelledAt', 'is', null)
      .where('date', '>=', range.from)
      .where('date', '<=', range.to)
      .orderBy('date')
      .orderBy('lessonNumber')
      .execute();
    const members = await db
      .selectFrom('groupMemberships as m')
      .innerJoin('persons as p', 'p.id', 'm.studentId')
      .select(['p.id', 'p.lastName', 'p.firstName', 'p.sortKey'])
      .distinct()
      .where('m.groupId', '=', c.groupId)
      .where('m.startsOn', '<=', range.to)
      .where((eb) => eb.or([eb('m.endsOn', 'is', null), eb('m.endsOn', '>=', range.from)]))
      .orderBy('p.sortKey')
      .orderBy('p.id')
      .execute();
    const lessonIds = lessons.length ? lessons.map((l) => l.id) : [-1];
    const marks = await db
      .selectFrom('marks')
      .select(['lessonId', 'studentId', 'value'])
      .where('lessonId', 'in', lessonIds)
      .where('deletedAt', 'is', null)
      .orderBy('id')
      .execute();
    const absences = await db
      .selectFrom('attendance')
      .select(['lessonId', 'studentId', 'value', 'reason'])
      .where('lessonId', 'in', lessonIds)
      .where('deletedAt', 'is', null)
      .execute();
    const periodMarks = await db
      .selectFrom('periodMarks')
      .select(['studentId', 'periodId', 'value'])
      .where('subjectId', '=', c.subjectId)
      .where('deletedAt', 'is', null)
      .where('studentId', 'in', members.length ? members.map((m) => m.id) : [-1])
      .where('periodId', 'in', periodColumns.length ? periodColumns.map((p) => p.id) : [-1])
      .execute();
    const students = members.map((m) => ({
      id: m.id,
      name: `${m.lastName} ${m.firstName}`,
      cells: new Map<number, string>(),
      periodMarks: new Map<number, string>(),
    }));
    const byId = new Map(students.map((s) => [s.id, s]));
    for (const a of absences) {
      const text = a.value === 'late' ? 'оп' : absenceLetter(a.reason);
      byId.get(a.studentId)?.cells.set(a.lessonId, text);
    }
    for (const m of marks) {
      const s = byId.get(m.studentId);
      if (!s) continue;
      const was = s.cells.get(m.lessonId);
      s.cells.set(m.lessonId, was ? `${was} ${m.value}` : m.value);
    }
    for (const p of periodMarks) byId.get(p.studentId)?.periodMarks.set(p.periodId, p.value);
    grids.push({
      courseId: c.id,
      subject: c.subject,
      group: c.group,
      teacher: `${c.lastName} ${c.firstName} ${c.middleName}`.trim(),
      lessons,
      periods: periodColumns,
      students,
    });
  }
  return grids;
}
