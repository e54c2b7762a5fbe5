import { type ExpressionBuilder, sql } from 'kysely';
import type { AttendanceReport } from '../../contract/report-hours.ts';
import {
  type AbsenceCounts,
  attendancePercent,
  countMissedDays,
  isOverThreshold,
  type MissedDayCounts,
  type MissReason,
  missReasons,
  noAbsences,
  noMissedDays,
  overThresholdPercent,
  percentOf,
  type StudentDay,
} from '../../domain/attendance-figures.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import type { DB } from '../db/schema.ts';
import { attendanceTables } from './attendance-tables.ts';
import type { ReportDefinition } from './report-definition.ts';
import { entry, minDate } from './report-months.ts';
import { type ReportScope, rangeOf } from './report-scope.ts';

/**
 * The student-lessons of the held lessons in scope: each held (not cancelled, not after today)
 * lesson of a course in scope joined with the students who were members of the course's group on
 * the lesson's date.
 */
function studentLessons(db: Db, scope: ReportScope) {
  const ids = scope.courses.map((c) => c.id);
  return db
    .selectFrom('lessons')
    .innerJoin('courses', 'courses.id', 'lessons.courseId')
    .innerJoin('groupMemberships as gm', (join) =>
      join
        .onRef('gm.groupId', '=', 'courses.groupId')
        .onRef('gm.startsOn', '<=', 'lessons.date')
        .on((eb) => eb.or([eb('gm.endsOn', 'is', null), eb('gm.endsOn', '>=', eb.ref('lessons.date'))])),
    )
    .where('lessons.schoolId', '=', scope.schoolId)
    .where('lessons.courseId', 'in', ids.length ? ids : [-1])
    .where('lessons.cancelledAt', 'is', null)
    .where('lessons.date', '>=', scope.from)
    .where('lessons.date', '<=', minDate(scope.to, today()));
}

type Eb = ExpressionBuilder<DB & { a: DB['attendance'] }, 'a'>;
const when = (cond: ReturnType<typeof sql>) => sql<number>`sum(case when ${cond} then 1 else 0 end)`;
const absentFor = (eb: Eb, reason: MissReason) =>
  reason === 'none'
    ? when(
        sql`${eb.ref('a.value')} = 'absent' and (${eb.ref('a.reason')} is null or ${eb.ref('a.reason')} not in ('illness', 'excused', 'unexcused'))`,
      )
    : when(sql`${eb.ref('a.value')} = 'absent' and ${eb.ref('a.reason')} = ${reason}`);

/**
 * The attendance figures of the held lessons in scope whose attendance was taken: the
 * student-lessons expected, the absences and the latenesses among them. The attendance rate is
 * (expected − absent) / expected. For other reports (the dashboard, the district rollup).
 */
export async function attendanceTotals(
  db: Db,
  scope: ReportScope,
): Promise<{ expected: number; absent: number; late: number }> {
  const row = await studentLessons(db, scope)
    .leftJoin('attendance as a', (join) =>
      join
        .onRef('a.lessonId', '=', 'lessons.id')
        .onRef('a.studentId', '=', 'gm.studentId')
        .on('a.deletedAt', 'is', null),
    )
    .where('lessons.attendanceTakenAt', 'is not', null)
    .select((eb) => [
      sql<number>`count(*)`.as('expected'),
      when(sql`${eb.ref('a.value')} = 'absent'`).as('absent'),
      when(sql`${eb.ref('a.value')} = 'late'`).as('late'),
    ])
    .executeTakeFirst();
  return {
    expected: Number(row?.expected ?? 0),
    absent: Number(row?.absent ?? 0),
    late: Number(row?.late ?? 0),
  };
}

/** Held lessons per student per month. */
async function expectedByMonth(db: Db, scope: ReportScope) {
  const rows = await studentLessons(db, scope)
    .select((eb) => [
      'gm.studentId',
      sql<string>`substr(cast(${eb.ref('lessons.date')} as text), 1, 7)`.as('month'),
      sql<number>`count(*)`.as('expected'),
    ])
    .groupBy(['gm.studentId', sql`substr(cast(${sql.ref('lessons.date')} as text), 1, 7)`])
    .execute();
  return rows.map((r) => ({ studentId: r.studentId, month: r.month, expected: Number(r.expected) }));
}

/** The school days on which a student was absent or late at least once: lessons and marks by reason. */
async function markedDays(db: Db, scope: ReportScope) {
  const rows = await studentLessons(db, scope)
    .leftJoin('attendance as a', (join) =>
      join
        .onRef('a.lessonId', '=', 'lessons.id')
        .onRef('a.studentId', '=', 'gm.studentId')
        .on('a.deletedAt', 'is', null),
    )
    .select((eb) => [
      'gm.studentId',
      'lessons.date',
      sql<number>`count(*)`.as('lessons'),
      when(sql`${eb.ref('a.value')} = 'late'`).as('late'),
      absentFor(eb as unknown as Eb, 'illness').as('illness'),
      absentFor(eb as unknown as Eb, 'excused').as('excused'),
      absentFor(eb as unknown as Eb, 'unexcused').as('unexcused'),
      absentFor(eb as unknown as Eb, 'none').as('none'),
    ])
    .groupBy(['gm.studentId', 'lessons.date'])
    .having(sql<boolean>`count(${sql.ref('a.id')}) > 0`)
    .execute();
  return rows.map((r) => ({
    studentId: r.studentId,
    date: r.date,
    late: Number(r.late),
    day: {
      lessons: Number(r.lessons),
      absent: {
        illness: Number(r.illness),
        excused: Number(r.excused),
        unexcused: Number(r.unexcused),
        none: Number(r.none),
      },
    } satisfies StudentDay,
  }));
}

/** The students of the year with their names and the class they were last in within the dates. */
async function studentsWithClasses(db: Db, scope: ReportScope) {
  const rows = await db
    .selectFrom('groupMemberships as gm')
    .innerJoin('groups', 'groups.id', 'gm.groupId')
    .innerJoin('classes', 'classes.id', 'groups.classId')
    .innerJoin('persons', 'persons.id', 'gm.studentId')
    .select([
      'gm.studentId',
      'gm.startsOn',
      'classes.id as classId',
      'classes.grade',
      'classes.letter',
      'persons.lastName',
      'persons.firstName',
      'persons.sortKey',
    ])
    .where('gm.schoolId', '=', scope.schoolId)
    .where('groups.kind', '=', 'class')
    .where('groups.academicYearId', '=', scope.yearId)
    .where('gm.startsOn', '<=', scope.to)
    .where((eb) => eb.or([eb('gm.endsOn', 'is', null), eb('gm.endsOn', '>=', scope.from)]))
    .execute();
  const out = new Map<
    number,
    { name: string; sortKey: string; classId: number; className: string; grade: number; startsOn: string }
  >();
  for (const r of rows) {
    const seen = out.get(r.studentId);
    if (seen && seen.startsOn >= r.startsOn) continue;
    out.set(r.studentId, {
      name: `${r.lastName} ${r.firstName}`,
      sortKey: r.sortKey,
      classId: r.classId,
      className: `${r.grade}${r.letter}`,
      grade: r.grade,
      startsOn: r.startsOn,
    });
  }
  return out;
}

async function studentNames(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('persons')
    .select(['id', 'lastName', 'firstName', 'sortKey'])
    .where('id', 'in', ids)
    .execute();
}

interface StudentTally {
  studentId: number;
  name: string;
  sortKey: string;
  classId: number | null;
  className: string;
  grade: number;
  expected: number;
  absent: AbsenceCounts;
  late: number;
  days: StudentDay[];
  months: Map<string, { expected: number; missed: number }>;
}

const addAbsences = (to: AbsenceCounts, from: Record<MissReason, number>) => {
  for (const r of missReasons) {
    to[r] += from[r];
    to.total += from[r];
  }
};
const addDays = (to: MissedDayCounts, from: MissedDayCounts) => {
  for (const k of [...missReasons, 'mixed', 'total'] as const) to[k] += from[k];
};

/**
 * «Посещаемость»: missed lessons by reason and lateness per student and per class, missed days,
 * and the students who missed over 30 % of a month's lessons, over the held lessons of the
 * courses in scope (a subject teacher: their own courses; a class teacher: also their class's).
 */
export async function computeAttendance(ctx: Ctx, scope: ReportScope): Promise<AttendanceReport> {
  const [expected, days, classes] = await Promise.all([
    expectedByMonth(ctx.db, scope),
    markedDays(ctx.db, scope),
    studentsWithClasses(ctx.db, scope),
  ]);
  const unplaced = [...new Set(expected.map((e) => e.studentId))].filter((id) => !classes.has(id));
  const extra = new Map((await studentNames(ctx.db, unplaced)).map((p) => [p.id, p]));
  const tallies = new Map<number, StudentTally>();
  const tally = (studentId: number): StudentTally => {
    let t = tallies.get(studentId);
    if (t) return t;
    const placed = classes.get(studentId);
    const other = extra.get(studentId);
    t = {
      studentId,
      name: placed?.name ?? (other ? `${other.lastName} ${other.firstName}` : ''),
      sortKey: placed?.sortKey ?? other?.sortKey ?? '',
      classId: placed?.classId ?? null,
      className: placed?.className ?? '—',
      grade: placed?.grade ?? 99,
      expected: 0,
      absent: noAbsences(),
      late: 0,
      days: [],
      months: new Map(),
    };
    tallies.set(studentId, t);
    return t;
  };
  const monthOf = (t: StudentTally, month: string) =>
    entry(t.months, month, () => ({ expected: 0, missed: 0 }));
  for (const e of expected) {
    const t = tally(e.studentId);
    t.expected += e.expected;
    monthOf(t, e.month).expected += e.expected;
  }
  for (const d of days) {
    const t = tally(d.studentId);
    t.late += d.late;
    addAbsences(t.absent, d.day.absent);
    t.days.push(d.day);
    monthOf(t, d.date.slice(0, 7)).missed += missReasons.reduce((s, r) => s + d.day.absent[r], 0);
  }
  const students = [...tallies.values()].sort(
    (a, b) =>
      a.grade - b.grade ||
      a.className.localeCompare(b.className, 'ru') ||
      a.sortKey.localeCompare(b.sortKey, 'ru') ||
      a.name.localeCompare(b.name, 'ru'),
  );
  const byClass = new Map<string, AttendanceReport['classes'][number]>();
  const over: AttendanceReport['over'] = [];
  const listed: AttendanceReport['students'] = [];
  for (const t of students) {
    const missedDays = countMissedDays(t.days);
    const months = [...t.months.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, m]) => ({
        month,
        expected: m.expected,
        missed: m.missed,
        percent: percentOf(m.missed, m.expected),
        over: isOverThreshold(m.missed, m.expected),
      }));
    for (const m of months)
      if (m.over)
        over.push({
          studentId: t.studentId,
          name: t.name,
          className: t.className,
          month: m.month,
          expected: m.expected,
          missed: m.missed,
          percent: m.percent ?? 0,
        });
    const c = entry(byClass, t.className, () => ({
      classId: t.classId,
      className: t.className,
      students: 0,
      expected: 0,
      absent: noAbsences(),
      late: 0,
      missedDays: noMissedDays(),
      attendancePercent: null as number | null,
    }));
    c.students += 1;
    c.expected += t.expected;
    addAbsences(c.absent, t.absent);
    c.late += t.late;
    addDays(c.missedDays, missedDays);
    if (t.absent.total > 0 || t.late > 0)
      listed.push({
        studentId: t.studentId,
        name: t.name,
        classId: t.classId,
        className: t.className,
        expected: t.expected,
        absent: t.absent,
        late: t.late,
        missedDays,
        months,
      });
  }
  for (const c of byClass.values()) c.attendancePercent = attendancePercent(c.expected, c.absent.total);
  over.sort((a, b) => a.month.localeCompare(b.month) || b.percent - a.percent);
  return {
    range: rangeOf(scope),
    thresholdPercent: overThresholdPercent,
    classes: [...byClass.values()],
    students: listed,
    over,
  };
}

/** The attendance report, for the reports page and its exports. */
export const attendanceDefinition: ReportDefinition<AttendanceReport> = {
  name: 'attendance',
  title: { ru: 'Посещаемость', en: 'Attendance' },
  options: { classLevel: true },
  compute: computeAttendance,
  tables: attendanceTables,
};
