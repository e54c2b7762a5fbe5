import type { MissReason, StudentDay } from '../../domain/attendance-figures.ts';
import type { Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { entry, minDate } from './report-months.ts';
import type { ReportScope } from './report-scope.ts';

/** The held lessons in scope: not cancelled, of a course in scope, within the dates and not after today. */
function heldLessons(db: Db, scope: ReportScope, takenOnly: boolean) {
  const ids = scope.courses.map((c) => c.id);
  let q = db
    .selectFrom('lessons')
    .innerJoin('courses', 'courses.id', 'lessons.courseId')
    .where('lessons.schoolId', '=', scope.schoolId)
    .where('lessons.courseId', 'in', ids.length ? ids : [-1])
    .where('lessons.cancelledAt', 'is', null)
    .where('lessons.date', '>=', scope.from)
    .where('lessons.date', '<=', minDate(scope.to, today()));
  if (takenOnly) q = q.where('lessons.attendanceTakenAt', 'is not', null);
  return q;
}

/** A date on which a group had held lessons: how many, and (filled in by the callers) how many students were due. */
interface GroupDay {
  date: string;
  month: string;
  n: number;
  members: number;
}

/** Held lessons per group and date, counted in SQL; each group's days in date order. */
async function groupDays(db: Db, scope: ReportScope, takenOnly: boolean) {
  const rows = await heldLessons(db, scope, takenOnly)
    .select((eb) => ['courses.groupId', 'lessons.date', eb.fn.countAll<number>().as('n')])
    .groupBy(['courses.groupId', 'lessons.date'])
    .execute();
  const byGroup = new Map<number, GroupDay[]>();
  for (const r of rows)
    entry(byGroup, r.groupId, () => []).push({
      date: r.date,
      month: r.date.slice(0, 7),
      n: Number(r.n),
      members: 0,
    });
  for (const days of byGroup.values()) days.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  return byGroup;
}

/** The memberships of the groups in scope that overlap the dates. */
function memberships(db: Db, scope: ReportScope) {
  const groupIds = [...new Set(scope.courses.map((c) => c.groupId))];
  return db
    .selectFrom('groupMemberships')
    .select(['studentId', 'groupId', 'startsOn', 'endsOn'])
    .where('groupId', 'in', groupIds.length ? groupIds : [-1])
    .where('startsOn', '<=', minDate(scope.to, today()))
    .where((eb) => eb.or([eb('endsOn', 'is', null), eb('endsOn', '>=', scope.from)]))
    .execute();
}

type Membership = { studentId: number; groupId: number; startsOn: string; endsOn: string | null };

/** Whether a membership covers a date. */
const covers = (m: Membership, date: string) => m.startsOn <= date && (m.endsOn === null || m.endsOn >= date);

/** Whether a student was a member of a group on a date. */
function membershipCheck(members: readonly Membership[]) {
  const byKey = new Map<string, Membership[]>();
  for (const m of members) entry(byKey, `${m.studentId}|${m.groupId}`, () => []).push(m);
  return (studentId: number, groupId: number, date: string) =>
    (byKey.get(`${studentId}|${groupId}`) ?? []).some(
      (m) => m.startsOn <= date && (m.endsOn === null || m.endsOn >= date),
    );
}

/**
 * The attendance marks («н», «б», «уп», «оп») on held lessons in scope, counted per student,
 * group, date, value and reason in SQL; only those of students who were members of the lesson's
 * group that day are kept.
 */
async function attendanceMarks(
  db: Db,
  scope: ReportScope,
  takenOnly: boolean,
  members: readonly Membership[],
) {
  const rows = await heldLessons(db, scope, takenOnly)
    .innerJoin('attendance as a', 'a.lessonId', 'lessons.id')
    .where('a.deletedAt', 'is', null)
    .select((eb) => [
      'a.studentId',
      'courses.groupId',
      'lessons.date',
      'a.value',
      'a.reason',
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['a.studentId', 'courses.groupId', 'lessons.date', 'a.value', 'a.reason'])
    .execute();
  const member = membershipCheck(members);
  return rows.filter((r) => member(r.studentId, r.groupId, r.date));
}

const reasonOf = (reason: string | null): MissReason =>
  reason === 'illness' || reason === 'excused' || reason === 'unexcused' ? reason : 'none';

/** Student-lessons expected, absences and latenesses among them. */
export interface AttendanceTotals {
  expected: number;
  absent: number;
  late: number;
}

/**
 * The attendance figures of the held lessons in scope whose attendance was taken, per date
 * ('YYYY-MM-DD'): the student-lessons expected, the absences and the latenesses among them. Three
 * queries for the whole range; a caller cutting the range into parts (the dashboard's trend) sums
 * the dates of each part instead of asking again.
 */
export async function attendanceByDate(db: Db, scope: ReportScope): Promise<Map<string, AttendanceTotals>> {
  const [days, members] = await Promise.all([groupDays(db, scope, true), memberships(db, scope)]);
  for (const m of members) for (const d of days.get(m.groupId) ?? []) if (covers(m, d.date)) d.members += 1;
  const byDate = new Map<string, AttendanceTotals>();
  const on = (date: string) => entry(byDate, date, () => ({ expected: 0, absent: 0, late: 0 }));
  for (const list of days.values())
    for (const d of list) if (d.members > 0) on(d.date).expected += d.n * d.members;
  for (const m of await attendanceMarks(db, scope, true, members))
    if (m.value === 'absent') on(m.date).absent += Number(m.n);
    else if (m.value === 'late') on(m.date).late += Number(m.n);
  return byDate;
}

/** The sum of the figures of the dates from–to (inclusive) of `byDate`. */
export function attendanceBetween(
  byDate: ReadonlyMap<string, AttendanceTotals>,
  from: string,
  to: string,
): AttendanceTotals {
  const sum = { expected: 0, absent: 0, late: 0 };
  for (const [date, t] of byDate)
    if (date >= from && date <= to) {
      sum.expected += t.expected;
      sum.absent += t.absent;
      sum.late += t.late;
    }
  return sum;
}

/**
 * The attendance figures of the held lessons in scope whose attendance was taken: the
 * student-lessons expected, the absences and the latenesses among them. The attendance rate is
 * (expected − absent) / expected. For other reports (the dashboard, the district rollup).
 */
export async function attendanceTotals(db: Db, scope: ReportScope): Promise<AttendanceTotals> {
  return attendanceBetween(await attendanceByDate(db, scope), scope.from, scope.to);
}

/** A student's day with an absence or a lateness: the day's lessons and marks. */
export interface MarkedDay {
  studentId: number;
  date: string;
  late: number;
  day: StudentDay;
}

/**
 * The lessons each student should have attended per month ('YYYY-MM'), and their days with an
 * absence or a lateness. A handful of queries, none per student.
 */
export async function studentDays(db: Db, scope: ReportScope) {
  const [days, members] = await Promise.all([groupDays(db, scope, false), memberships(db, scope)]);
  const marks = await attendanceMarks(db, scope, false, members);
  const marked = new Map<string, MarkedDay>();
  const markedOf = new Map<number, Map<string, MarkedDay>>();
  for (const m of marks) {
    const d = entry(marked, `${m.studentId}|${m.date}`, () => {
      const day: MarkedDay = {
        studentId: m.studentId,
        date: m.date,
        late: 0,
        day: { lessons: 0, absent: { illness: 0, excused: 0, unexcused: 0, none: 0 } },
      };
      entry(markedOf, m.studentId, () => new Map<string, MarkedDay>()).set(m.date, day);
      return day;
    });
    if (m.value === 'absent') d.day.absent[reasonOf(m.reason)] += Number(m.n);
    else if (m.value === 'late') d.late += Number(m.n);
  }
  // Per membership, the group's days it covers, in date order: summed a month at a time, and
  // added to the student's marked days. No key is built per student and day.
  const expected = new Map<number, Map<string, number>>();
  for (const m of members) {
    const own = markedOf.get(m.studentId);
    let months: Map<string, number> | undefined;
    let month: string | null = null;
    let sum = 0;
    for (const d of days.get(m.groupId) ?? []) {
      if (!covers(m, d.date)) continue;
      if (d.month !== month) {
        months ??= entry(expected, m.studentId, () => new Map<string, number>());
        if (month !== null) months.set(month, (months.get(month) ?? 0) + sum);
        month = d.month;
        sum = 0;
      }
      sum += d.n;
      const day = own?.get(d.date);
      if (day) day.day.lessons += d.n;
    }
    if (months && month !== null) months.set(month, (months.get(month) ?? 0) + sum);
  }
  return { expected, days: [...marked.values()] };
}
