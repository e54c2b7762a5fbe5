import type { AttendanceReport } from '../../contract/report-hours.ts';
import {
  type AbsenceCounts,
  absentTotal,
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
import { studentDays } from './attendance.queries.ts';
import { attendanceTables } from './attendance-tables.ts';
import type { ReportDefinition } from './report-definition.ts';
import { entry } from './report-months.ts';
import { type ReportScope, rangeOf } from './report-scope.ts';

export { attendanceTotals } from './attendance.queries.ts';

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
  const [{ expected, days }, classes] = await Promise.all([
    studentDays(ctx.db, scope),
    studentsWithClasses(ctx.db, scope),
  ]);
  const unplaced = [...expected.keys()].filter((id) => !classes.has(id));
  const extra = new Map((await studentNames(ctx.db, unplaced)).map((p) => [p.id, p]));
  const tallies = new Map<number, StudentTally>();
  const tally = (studentId: number): StudentTally =>
    entry(tallies, studentId, () => {
      const placed = classes.get(studentId);
      const other = extra.get(studentId);
      return {
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
    });
  const monthOf = (t: StudentTally, month: string) =>
    entry(t.months, month, () => ({ expected: 0, missed: 0 }));
  for (const [studentId, months] of expected) {
    const t = tally(studentId);
    for (const [month, n] of months) {
      t.expected += n;
      monthOf(t, month).expected += n;
    }
  }
  for (const d of days) {
    const t = tally(d.studentId);
    t.late += d.late;
    addAbsences(t.absent, d.day.absent);
    t.days.push(d.day);
    monthOf(t, d.date.slice(0, 7)).missed += absentTotal(d.day.absent);
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
