import type { SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import type { journalGrid } from '../../contract/journal.ts';
import { withinEditWindow } from '../../domain/journal-rules.ts';
import { suggestMark, weightedAverage } from '../../domain/marks.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/app-error.ts';
import { shortName } from '../timetable/timetable.queries.ts';
import { parseColumns } from './add-column.ts';
import { type JournalCourse, mayWriteLesson, requireCourse } from './journal.policy.ts';
import { presentAttendance, presentMark, presentPeriodMark, studentName } from './journal.present.ts';
import { coursePeriods, courseRules, defaultPeriod } from './journal.queries.ts';

type Grid = z.infer<typeof journalGrid>;
/** A subquery giving the grid's students' ids. */
type MembersQuery = SelectQueryBuilder<DB, 'groupMemberships', { studentId: number }>;

/** The students who were in the group at any time of the period, in Russian name order, with their spans. */
async function studentsDuring(db: Db, groupId: number, from: string, to: string): Promise<Grid['students']> {
  const rows = await db
    .selectFrom('groupMemberships as gm')
    .innerJoin('persons as p', 'p.id', 'gm.studentId')
    .select(['p.id', 'p.lastName', 'p.firstName', 'gm.startsOn', 'gm.endsOn'])
    .where('gm.groupId', '=', groupId)
    .where('gm.startsOn', '<=', to)
    .where((eb) => eb.or([eb('gm.endsOn', 'is', null), eb('gm.endsOn', '>=', from)]))
    .orderBy('p.sortKey')
    .orderBy('p.id')
    .orderBy('gm.startsOn')
    .execute();
  const out: Grid['students'] = [];
  for (const r of rows) {
    const last = out.at(-1);
    const span = { startsOn: r.startsOn, endsOn: r.endsOn };
    if (last?.id === r.id) last.spans.push(span);
    else out.push({ id: r.id, name: studentName(r), spans: [span] });
  }
  return out;
}

/**
 * The journal of a course for a study period (the current one by default): its students by the
 * days they were in the group, its lessons with their mark columns, the marks, attendance and
 * period marks, and the suggested period mark of each student, counting every mark of the
 * subject in the period, in this group or one they have left. Reads only: nothing is written.
 */
export async function getGrid(ctx: Ctx, courseId: number, periodId?: number): Promise<Grid> {
  const course = await requireCourse(ctx, courseId);
  const db = ctx.db;
  const [r, kinds] = await Promise.all([
    courseRules(db, course),
    db
      .selectFrom('workKinds')
      .select(['id', 'name', 'shortName', 'weight', 'archivedAt'])
      .where('schoolId', '=', course.schoolId)
      .orderBy('id')
      .execute(),
  ]);
  const first = kinds.find((k) => k.archivedAt === null)?.id ?? null;
  const { terms, finals } = await coursePeriods(db, course, r);
  const chosen = periodId === undefined ? defaultPeriod(terms) : terms.find((p) => p.id === periodId);
  if (periodId !== undefined && !chosen)
    throw new AppError(
      'validation',
      'journalPeriodNotForCourse',
      {},
      { periodId: 'journalPeriodNotForCourse' },
    );
  const period = chosen ?? (await wholeYear(db, course));
  const { startsOn: from, endsOn: to } = period;

  // The grid's students, as a subquery: everything below is read at once.
  const members = db
    .selectFrom('groupMemberships')
    .select('groupMemberships.studentId')
    .where('groupMemberships.groupId', '=', course.groupId)
    .where('groupMemberships.startsOn', '<=', to)
    .where((eb) =>
      eb.or([eb('groupMemberships.endsOn', 'is', null), eb('groupMemberships.endsOn', '>=', from)]),
    );
  const [students, lessonRows, marks, attendance, periodMarks, elsewhere] = await Promise.all([
    studentsDuring(db, course.groupId, from, to),
    db
      .selectFrom('lessons')
      .leftJoin('persons as lt', 'lt.id', 'lessons.teacherId')
      .select([
        'lessons.id',
        'lessons.date',
        'lessons.lessonNumber',
        'lessons.topic',
        'lessons.homework',
        'lessons.markColumns',
        'lessons.attendanceTakenAt',
        'lessons.teacherId',
        'lt.lastName',
        'lt.firstName',
        'lt.middleName',
      ])
      .where('lessons.courseId', '=', course.id)
      .where('lessons.date', '>=', from)
      .where('lessons.date', '<=', to)
      .where('lessons.cancelledAt', 'is', null)
      .orderBy('lessons.date')
      .orderBy('lessons.lessonNumber')
      .execute(),
    db
      .selectFrom('marks')
      .innerJoin('lessons', 'lessons.id', 'marks.lessonId')
      .select([
        'marks.lessonId',
        'marks.studentId',
        'marks.workKindId',
        'marks.value',
        'marks.comment',
        'marks.version',
      ])
      .where('lessons.courseId', '=', course.id)
      .where('lessons.date', '>=', from)
      .where('lessons.date', '<=', to)
      .where('lessons.cancelledAt', 'is', null)
      .where('marks.deletedAt', 'is', null)
      .execute(),
    db
      .selectFrom('attendance')
      .innerJoin('lessons', 'lessons.id', 'attendance.lessonId')
      .select([
        'attendance.lessonId',
        'attendance.studentId',
        'attendance.value',
        'attendance.reason',
        'attendance.version',
      ])
      .where('lessons.courseId', '=', course.id)
      .where('lessons.date', '>=', from)
      .where('lessons.date', '<=', to)
      .where('lessons.cancelledAt', 'is', null)
      .where('attendance.deletedAt', 'is', null)
      .execute(),
    db
      .selectFrom('periodMarks')
      .select(['studentId', 'periodId', 'value', 'version'])
      .where('subjectId', '=', course.subjectId)
      .where('studentId', 'in', members)
      .where('periodId', 'in', [period.id, ...finals.map((p) => p.id)])
      .where('deletedAt', 'is', null)
      .execute(),
    marksElsewhere(db, course, members, from, to),
  ]);
  const studentIds = students.map((s) => s.id);
  // The school's live work kinds, and archived ones only where a mark of this grid still has one.
  const used = new Set(marks.map((m) => m.workKindId));
  const workKinds = kinds
    .filter((k) => k.archivedAt === null || used.has(k.id))
    .map(({ archivedAt: _, ...k }) => k);
  const inGrid = new Set(studentIds);
  const weightOf = new Map(kinds.map((k) => [k.id, k.weight]));
  const counted = [
    ...marks.map((m) => ({ ...m, weight: weightOf.get(m.workKindId) ?? 1 })),
    ...elsewhere.filter((m) => inGrid.has(m.studentId)),
  ];
  const suggestions = suggest(studentIds, counted, r.settings.roundingThresholds);
  const courseTeachers = [course.teacherId, course.secondTeacherId];
  const on = today();
  const kindsIn = new Map<number, number[]>();
  for (const m of marks) {
    const list = kindsIn.get(m.lessonId) ?? [];
    if (!list.includes(m.workKindId)) list.push(m.workKindId);
    kindsIn.set(m.lessonId, list);
  }
  const lessons: Grid['lessons'] = lessonRows.map((l) => {
    const columns = parseColumns(l.markColumns) ?? (first === null ? [] : [first]);
    for (const kind of kindsIn.get(l.id) ?? []) if (!columns.includes(kind)) columns.push(kind);
    return {
      id: l.id,
      date: l.date,
      lessonNumber: l.lessonNumber,
      topic: l.topic,
      homework: l.homework,
      columns,
      attendanceTaken: l.attendanceTakenAt !== null,
      substitute:
        courseTeachers.includes(l.teacherId) || l.lastName === null
          ? null
          : shortName({ lastName: l.lastName, firstName: l.firstName ?? '', middleName: l.middleName ?? '' }),
      canEdit: !course.archived && mayWriteLesson(ctx, course, l.teacherId),
      needsReason: !withinEditWindow(l.date, on, r.settings.editWindowDays),
    };
  });
  return {
    course: {
      id: course.id,
      subjectId: course.subjectId,
      classId: course.classId,
      ...r.names,
      access: course.access,
      canEdit: course.ownsCourse && !course.archived,
    },
    period,
    periods: terms,
    finalPeriods: finals,
    workKinds,
    rules: { ...r.rules, editWindowDays: r.settings.editWindowDays, marked: r.marked },
    students,
    lessons,
    marks: marks.map(presentMark),
    attendance: attendance.map(presentAttendance),
    periodMarks: periodMarks.map(presentPeriodMark),
    suggestions,
    canSetPeriodMarks: course.ownsCourse && !course.archived && r.marked && !period.closed,
  };
}

/** The year as a period, for a year whose calendar has no study periods yet. */
async function wholeYear(db: Db, course: JournalCourse): Promise<Grid['period']> {
  const year = await db
    .selectFrom('academicYears')
    .select(['name', 'startsOn', 'endsOn'])
    .where('id', '=', course.academicYearId)
    .executeTakeFirstOrThrow();
  return {
    id: 0,
    name: year.name,
    kind: 'year',
    startsOn: year.startsOn,
    endsOn: year.endsOn,
    closed: false,
  };
}

/**
 * Live marks in the subject from `from` to `to` in the year's other courses of the subject whose
 * groups the grid's students have been in (a subgroup they have left, say). Read by those courses'
 * lessons (few), not by student; the caller keeps the grid's students' marks.
 */
function marksElsewhere(db: Db, course: JournalCourse, members: MembersQuery, from: string, to: string) {
  return db
    .selectFrom('lessons')
    .innerJoin('marks', 'marks.lessonId', 'lessons.id')
    .innerJoin('workKinds', 'workKinds.id', 'marks.workKindId')
    .select(['marks.studentId', 'marks.value', 'workKinds.weight'])
    .where('lessons.courseId', 'in', (eb) =>
      eb
        .selectFrom('courses')
        .select('courses.id')
        .where('courses.subjectId', '=', course.subjectId)
        .where('courses.academicYearId', '=', course.academicYearId)
        .where('courses.id', '!=', course.id)
        .where('courses.groupId', 'in', (g) =>
          g
            .selectFrom('groupMemberships')
            .select('groupMemberships.groupId')
            .where('groupMemberships.studentId', 'in', members),
        ),
    )
    .where('lessons.date', '>=', from)
    .where('lessons.date', '<=', to)
    .where('lessons.cancelledAt', 'is', null)
    .where('marks.deletedAt', 'is', null)
    .execute();
}

/**
 * Each student's weighted average over their marks in the subject for the period (this course's
 * and the others'), and the mark it suggests at the school's thresholds.
 */
function suggest(
  studentIds: number[],
  marks: { studentId: number; value: string; weight: number }[],
  thresholds: { five: number; four: number; three: number },
): Grid['suggestions'] {
  const byStudent = new Map<number, { value: string; weight: number }[]>();
  for (const mark of marks) {
    const list = byStudent.get(mark.studentId) ?? [];
    list.push(mark);
    byStudent.set(mark.studentId, list);
  }
  return studentIds.map((studentId) => {
    const average = weightedAverage(byStudent.get(studentId) ?? []);
    return {
      studentId,
      average: average === null ? null : Math.round(average * 100) / 100,
      suggested: suggestMark(average, thresholds),
    };
  });
}
