import { countMissedDays, type MissReason, type StudentDay } from '../../domain/attendance-figures.ts';
import type { Db } from '../access/actor.ts';
import { classCourseIds } from './print-access.ts';
import type { JournalPrint } from './print-request.ts';
import type { PrintedDecision, SubjectMarks, SummarySheet, SummaryStudent } from './summary-model.ts';

type Membership = { studentId: number; groupId: number; startsOn: string; endsOn: string | null };

const covers = (m: Membership, date: string) => m.startsOn <= date && (m.endsOn === null || m.endsOn >= date);

const reasonOf = (reason: string | null): MissReason =>
  reason === 'illness' || reason === 'excused' || reason === 'unexcused' ? reason : 'none';

/** The class, its school, its year and its class teacher. */
async function classHead(db: Db, print: JournalPrint) {
  const cls = await db
    .selectFrom('classes')
    .innerJoin('schools', 'schools.id', 'classes.schoolId')
    .innerJoin('academicYears as y', 'y.id', 'classes.academicYearId')
    .leftJoin('persons as t', 't.id', 'classes.classTeacherId')
    .select([
      'classes.grade',
      'classes.letter',
      'schools.name as schoolName',
      'y.name as yearName',
      'y.startsOn',
      'y.endsOn',
      't.lastName',
      't.firstName',
      't.middleName',
    ])
    .where('classes.id', '=', print.classId)
    .where('classes.schoolId', '=', print.schoolId)
    .executeTakeFirstOrThrow();
  const scheme = await db
    .selectFrom('gradeSchemes')
    .select('scheme')
    .where('academicYearId', '=', print.academicYearId)
    .where('grade', '=', cls.grade)
    .executeTakeFirst();
  return { ...cls, scheme: scheme?.scheme ?? 'quarters' };
}

/** The students who were in the class during the year, in Russian order, with the date they left. */
export async function classStudents(db: Db, classId: number, yearEndsOn: string) {
  const rows = await db
    .selectFrom('groupMemberships as m')
    .innerJoin('groups as g', 'g.id', 'm.groupId')
    .innerJoin('persons as p', 'p.id', 'm.studentId')
    .select(['p.id', 'p.lastName', 'p.firstName', 'p.sortKey', 'm.endsOn'])
    .where('g.classId', '=', classId)
    .where('g.kind', '=', 'class')
    .orderBy('p.sortKey')
    .orderBy('p.id')
    .execute();
  const byId = new Map<number, { id: number; name: string; leftOn: string | null; open: boolean }>();
  for (const r of rows) {
    const s = byId.get(r.id) ?? { id: r.id, name: `${r.lastName} ${r.firstName}`, leftOn: null, open: false };
    if (r.endsOn === null) s.open = true;
    else if (s.leftOn === null || r.endsOn > s.leftOn) s.leftOn = r.endsOn;
    byId.set(r.id, s);
  }
  return [...byId.values()].map((s) => ({
    id: s.id,
    name: s.name,
    leftOn: !s.open && s.leftOn !== null && s.leftOn < yearEndsOn ? s.leftOn : null,
  }));
}

/** Missed days and lessons (all, and for illness) per student, from the held lessons of the courses. */
export async function missedCounts(
  db: Db,
  courseIds: readonly number[],
  studentIds: readonly number[],
  range: { from: string; to: string },
) {
  const ids = courseIds.length ? [...courseIds] : [-1];
  const students = studentIds.length ? [...studentIds] : [-1];
  const held = db
    .selectFrom('lessons')
    .innerJoin('courses', 'courses.id', 'lessons.courseId')
    .where('lessons.courseId', 'in', ids)
    .where('lessons.cancelledAt', 'is', null)
    .where('lessons.date', '>=', range.from)
    .where('lessons.date', '<=', range.to);
  const absences = await held
    .innerJoin('attendance as a', 'a.lessonId', 'lessons.id')
    .select(['a.studentId', 'courses.groupId', 'lessons.date', 'a.reason'])
    .where('a.deletedAt', 'is', null)
    .where('a.value', '=', 'absent')
    .where('a.studentId', 'in', students)
    .execute();
  const perGroupDay = await held
    .select((eb) => ['courses.groupId', 'lessons.date', eb.fn.countAll<number>().as('n')])
    .groupBy(['courses.groupId', 'lessons.date'])
    .execute();
  const lessonsOn = new Map(perGroupDay.map((r) => [`${r.groupId}|${r.date}`, Number(r.n)]));
  const groupIds = [...new Set(perGroupDay.map((r) => r.groupId))];
  const members: Membership[] = await db
    .selectFrom('groupMemberships')
    .select(['studentId', 'groupId', 'startsOn', 'endsOn'])
    .where('groupId', 'in', groupIds.length ? groupIds : [-1])
    .where('studentId', 'in', students)
    .execute();
  const memberOf = (studentId: number, groupId: number, date: string) =>
    members.some((m) => m.studentId === studentId && m.groupId === groupId && covers(m, date));
  const days = new Map<string, { studentId: number; day: StudentDay }>();
  const out = new Map<
    number,
    { days: number; daysIllness: number; lessons: number; lessonsIllness: number }
  >();
  for (const a of absences) {
    if (!memberOf(a.studentId, a.groupId, a.date)) continue;
    const key = `${a.studentId}|${a.date}`;
    let d = days.get(key);
    if (!d) {
      const lessons = members
        .filter((m) => m.studentId === a.studentId && covers(m, a.date))
        .reduce((sum, m) => sum + (lessonsOn.get(`${m.groupId}|${a.date}`) ?? 0), 0);
      d = {
        studentId: a.studentId,
        day: { lessons, absent: { illness: 0, excused: 0, unexcused: 0, none: 0 } },
      };
      days.set(key, d);
    }
    d.day.absent[reasonOf(a.reason)] += 1;
  }
  const byStudent = new Map<number, StudentDay[]>();
  for (const d of days.values()) byStudent.set(d.studentId, [...(byStudent.get(d.studentId) ?? []), d.day]);
  for (const [studentId, list] of byStudent) {
    const missed = countMissedDays(list);
    out.set(studentId, {
      days: missed.total,
      daysIllness: missed.illness,
      lessons: list.reduce(
        (sum, d) => sum + d.absent.illness + d.absent.excused + d.absent.unexcused + d.absent.none,
        0,
      ),
      lessonsIllness: list.reduce((sum, d) => sum + d.absent.illness, 0),
    });
  }
  return out;
}

/** The council decisions of the year for some students. */
export async function decisionsOf(db: Db, academicYearId: number, studentIds: readonly number[]) {
  const rows = await db
    .selectFrom('councilDecisions')
    .select(['studentId', 'decision', 'decidedOn', 'protocol'])
    .where('academicYearId', '=', academicYearId)
    .where('studentId', 'in', studentIds.length ? [...studentIds] : [-1])
    .execute();
  return new Map<number, PrintedDecision>(
    rows.map((r) => [r.studentId, { decision: r.decision, decidedOn: r.decidedOn, protocol: r.protocol }]),
  );
}

/** The periods of the year for marks: the terms of a scheme, then the year, exam and final ones. */
export async function yearPeriods(db: Db, schoolId: number, academicYearId: number, scheme: string) {
  const rows = await db
    .selectFrom('periods')
    .select(['id', 'kind', 'scheme', 'number', 'startsOn'])
    .where('schoolId', '=', schoolId)
    .where('academicYearId', '=', academicYearId)
    .orderBy('startsOn')
    .orderBy('id')
    .execute();
  const terms = rows
    .filter((p) => p.kind === 'term' && p.scheme === scheme)
    .sort((a, b) => a.number - b.number);
  const kindOf = new Map<number, { kind: 'term' | 'year' | 'exam' | 'final'; index: number }>();
  for (const [index, t] of terms.entries()) kindOf.set(t.id, { kind: 'term', index });
  for (const p of rows) if (p.kind !== 'term') kindOf.set(p.id, { kind: p.kind, index: 0 });
  return { terms: terms.map((t) => ({ id: t.id, number: t.number })), kindOf };
}

/** Period marks of students in subjects, placed by the kind of their period. */
export async function periodMarksOf(
  db: Db,
  studentIds: readonly number[],
  periods: Awaited<ReturnType<typeof yearPeriods>>,
) {
  const ids = [...periods.kindOf.keys()];
  const rows = await db
    .selectFrom('periodMarks')
    .select(['studentId', 'subjectId', 'periodId', 'value'])
    .where('deletedAt', 'is', null)
    .where('studentId', 'in', studentIds.length ? [...studentIds] : [-1])
    .where('periodId', 'in', ids.length ? ids : [-1])
    .orderBy('id')
    .execute();
  const out = new Map<number, Record<number, SubjectMarks>>();
  for (const r of rows) {
    const place = periods.kindOf.get(r.periodId)!;
    const own = out.get(r.studentId) ?? {};
    out.set(r.studentId, own);
    own[r.subjectId] ??= { terms: periods.terms.map(() => null), year: null, exam: null, final: null };
    const cell = own[r.subjectId]!;
    if (place.kind === 'term') cell.terms[place.index] = r.value;
    else cell[place.kind] = r.value;
  }
  return out;
}

/** Reads the сводная ведомость of a print's class for its whole year. */
export async function readSummarySheet(db: Db, print: JournalPrint): Promise<SummarySheet> {
  const head = await classHead(db, print);
  const courseIds = print.courseIds ?? (await classCourseIds(db, print.classId));
  const subjects = await db
    .selectFrom('courses')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .select(['subjects.id', 'subjects.name', 'subjects.sortOrder'])
    .distinct()
    .where('courses.id', 'in', courseIds.length ? courseIds : [-1])
    .orderBy('subjects.sortOrder')
    .orderBy('subjects.name')
    .orderBy('subjects.id')
    .execute();
  const students = await classStudents(db, print.classId, head.endsOn);
  const ids = students.map((s) => s.id);
  const periods = await yearPeriods(db, print.schoolId, print.academicYearId, head.scheme);
  const marks = await periodMarksOf(db, ids, periods);
  const missed = await missedCounts(db, courseIds, ids, { from: head.startsOn, to: head.endsOn });
  const decisions = await decisionsOf(db, print.academicYearId, ids);
  const rows: SummaryStudent[] = students.map((s) => {
    const m = missed.get(s.id);
    return {
      ...s,
      marks: marks.get(s.id) ?? {},
      missedDays: m?.days ?? 0,
      missedDaysIllness: m?.daysIllness ?? 0,
      missedLessons: m?.lessons ?? 0,
      missedLessonsIllness: m?.lessonsIllness ?? 0,
      decision: decisions.get(s.id) ?? null,
    };
  });
  const teacher = head.lastName ? `${head.lastName} ${head.firstName} ${head.middleName}`.trim() : null;
  return {
    lang: print.lang,
    schoolName: head.schoolName,
    className: `${head.grade}${head.letter}`,
    yearName: head.yearName,
    printedOn: print.printedOn,
    classTeacher: teacher,
    terms: periods.terms,
    subjects: subjects.map((s) => ({ id: s.id, name: s.name })),
    students: rows,
  };
}
