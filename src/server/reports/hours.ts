import { sql } from 'kysely';
import type { HoursReport } from '../../contract/report-hours.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import type { Lang } from '../http/messages.ts';
import { shortName } from '../timetable/timetable.queries.ts';
import type { ReportDefinition, ReportTable } from './report-definition.ts';
import { entry, minDate, monthName, monthsBetween } from './report-months.ts';
import { type ReportScope, rangeOf, type ScopedCourse, yearCourses } from './report-scope.ts';

type Counts = { planned: number; held: number; cancelled: number; given: number; received: number };
const zero = (): Counts => ({ planned: 0, held: 0, cancelled: 0, given: 0, received: 0 });
const countKeys = ['planned', 'held', 'cancelled', 'given', 'received'] as const;

function add(to: Counts, from: Partial<Counts>) {
  for (const k of countKeys) to[k] += from[k] ?? 0;
}

/** Lessons of a course given by a teacher in a month: planned, cancelled and held, counted in SQL. */
async function lessonCounts(db: Db, scope: ReportScope, courseIds: number[], teacherIds: number[]) {
  const heldUpTo = minDate(scope.to, today());
  const rows = await db
    .selectFrom('lessons')
    .innerJoin('courses', 'courses.id', 'lessons.courseId')
    .select((eb) => [
      'lessons.courseId',
      'lessons.teacherId',
      sql<string>`substr(cast(${eb.ref('lessons.date')} as text), 1, 7)`.as('month'),
      sql<number>`sum(case when ${eb.ref('lessons.origin')} = 'timetable' then 1 else 0 end)`.as('planned'),
      sql<number>`sum(case when ${eb.ref('lessons.cancelledAt')} is not null then 1 else 0 end)`.as(
        'cancelled',
      ),
      sql<number>`sum(case when ${eb.ref('lessons.cancelledAt')} is null and ${eb.ref('lessons.date')} <= ${heldUpTo} then 1 else 0 end)`.as(
        'held',
      ),
    ])
    .where('lessons.schoolId', '=', scope.schoolId)
    .where('courses.academicYearId', '=', scope.yearId)
    .where('lessons.date', '>=', scope.from)
    .where('lessons.date', '<=', scope.to)
    .where((eb) =>
      eb.or([
        eb('lessons.courseId', 'in', courseIds.length ? courseIds : [-1]),
        eb('lessons.teacherId', 'in', teacherIds.length ? teacherIds : [-1]),
      ]),
    )
    .groupBy([
      'lessons.courseId',
      'lessons.teacherId',
      sql`substr(cast(${sql.ref('lessons.date')} as text), 1, 7)`,
    ])
    .execute();
  return rows.map((r) => ({
    courseId: r.courseId,
    teacherId: r.teacherId,
    month: r.month,
    planned: Number(r.planned),
    cancelled: Number(r.cancelled),
    held: Number(r.held),
  }));
}

async function teacherNames(db: Db, ids: number[]): Promise<Map<number, { name: string; sortKey: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('persons')
    .select(['id', 'lastName', 'firstName', 'middleName', 'sortKey'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { name: shortName(r), sortKey: r.sortKey }]));
}

/**
 * «Учёт часов»: per teacher per calendar month, the lessons planned by the timetable in their own
 * courses, held by them (own courses and substitutions), cancelled, substitutions given and
 * received, with the per-course breakdown. The leadership sees every teacher of the courses in
 * scope and whoever substituted there; a teacher sees only their own row, with their
 * substitutions of other teachers' courses wherever these were.
 */
export async function computeHours(ctx: Ctx, scope: ReportScope): Promise<HoursReport> {
  const all = await yearCourses(ctx.db, scope.schoolId, scope.yearId);
  const byId = new Map<number, ScopedCourse>(all.map((c) => [c.id, c]));
  const position = new Map(all.map((c, i) => [c.id, i]));
  const inScope = new Set(scope.courses.map((c) => c.id));
  const owners = new Set<number>();
  for (const c of scope.courses) {
    owners.add(c.teacherId);
    if (c.secondTeacherId !== null) owners.add(c.secondTeacherId);
  }
  const focus = scope.whole ? [...owners] : [scope.me];
  const rows = await lessonCounts(ctx.db, scope, [...inScope], focus);
  // teacher → month → course → counts
  const cells = new Map<number, Map<string, Map<number, Counts>>>();
  const cell = (teacherId: number, month: string, courseId: number) =>
    entry(
      entry(
        entry(cells, teacherId, () => new Map()),
        month,
        () => new Map(),
      ),
      courseId,
      zero,
    );
  const counted = (teacherId: number, courseId: number) =>
    scope.whole ? inScope.has(courseId) || owners.has(teacherId) : teacherId === scope.me;
  for (const r of rows) {
    const course = byId.get(r.courseId);
    if (!course) continue;
    const own = [course.teacherId, ...(course.secondTeacherId === null ? [] : [course.secondTeacherId])];
    const substitution = !own.includes(r.teacherId);
    if (inScope.has(r.courseId))
      for (const t of own) {
        if (!counted(t, r.courseId)) continue;
        add(cell(t, r.month, r.courseId), {
          planned: r.planned,
          cancelled: r.cancelled,
          received: substitution ? r.held : 0,
        });
      }
    if (r.held > 0 && counted(r.teacherId, r.courseId) && (inScope.has(r.courseId) || substitution))
      add(cell(r.teacherId, r.month, r.courseId), { held: r.held, given: substitution ? r.held : 0 });
  }
  const names = await teacherNames(ctx.db, [...cells.keys()]);
  const months = monthsBetween(scope.from, scope.to);
  const teachers = [...cells.entries()].map(([teacherId, byMonth]) => {
    const total = zero();
    const list = months
      .filter((m) => byMonth.has(m))
      .map((month) => {
        const sum = zero();
        const courses = [...byMonth.get(month)!.entries()]
          .map(([courseId, counts]) => {
            add(sum, counts);
            const c = byId.get(courseId)!;
            const own = c.teacherId === teacherId || c.secondTeacherId === teacherId;
            const group =
              c.className && !c.group.startsWith(c.className) ? `${c.className}, ${c.group}` : c.group;
            return { courseId, subject: c.subject, group, own, ...counts };
          })
          .sort(
            (a, b) =>
              Number(b.own) - Number(a.own) ||
              (position.get(a.courseId) ?? 0) - (position.get(b.courseId) ?? 0),
          );
        add(total, sum);
        return { month, ...sum, courses };
      });
    const who = names.get(teacherId);
    return { teacherId, teacher: who?.name ?? '', sortKey: who?.sortKey ?? '', months: list, total };
  });
  teachers.sort(
    (a, b) => a.sortKey.localeCompare(b.sortKey, 'ru') || a.teacher.localeCompare(b.teacher, 'ru'),
  );
  return { range: rangeOf(scope), months, teachers: teachers.map(({ sortKey: _, ...t }) => t) };
}

const labels = {
  ru: {
    teacher: 'Учитель',
    month: 'Месяц',
    subject: 'Предмет',
    group: 'Класс / группа',
    planned: 'По расписанию',
    held: 'Проведено',
    cancelled: 'Отменено',
    given: 'Замещал',
    received: 'Замещали',
    total: 'Итого',
    byMonth: 'Часы по месяцам',
    byCourse: 'Часы по журналам',
  },
  en: {
    teacher: 'Teacher',
    month: 'Month',
    subject: 'Subject',
    group: 'Class / group',
    planned: 'Timetabled',
    held: 'Held',
    cancelled: 'Cancelled',
    given: 'Substituted for others',
    received: 'Substituted by others',
    total: 'Total',
    byMonth: 'Hours by month',
    byCourse: 'Hours by journal',
  },
} as const;

/** The tables of the hours export: per teacher per month with totals, and per course. */
export function hoursTables(answer: HoursReport, lang: Lang): ReportTable[] {
  const l = labels[lang];
  const figures = countKeys.map((key) => ({ key, label: l[key], kind: 'number' as const }));
  const byMonth: ReportTable = {
    title: l.byMonth,
    columns: [{ key: 'teacher', label: l.teacher }, { key: 'month', label: l.month }, ...figures],
    rows: answer.teachers.flatMap((t) => [
      ...t.months.map((m) => ({ teacher: t.teacher, month: monthName(m.month, lang), ...pick(m) })),
      { teacher: t.teacher, month: l.total, ...pick(t.total) },
    ]),
  };
  const byCourse: ReportTable = {
    title: l.byCourse,
    columns: [
      { key: 'teacher', label: l.teacher },
      { key: 'month', label: l.month },
      { key: 'subject', label: l.subject },
      { key: 'group', label: l.group },
      ...figures,
    ],
    rows: answer.teachers.flatMap((t) =>
      t.months.flatMap((m) =>
        m.courses.map((c) => ({
          teacher: t.teacher,
          month: monthName(m.month, lang),
          subject: c.subject,
          group: c.group,
          ...pick(c),
        })),
      ),
    ),
  };
  return [byMonth, byCourse];
}

function pick(c: Counts): Counts {
  return { planned: c.planned, held: c.held, cancelled: c.cancelled, given: c.given, received: c.received };
}

/** The hours report, for the reports page and its exports. */
export const hoursDefinition: ReportDefinition<HoursReport> = {
  name: 'hours',
  title: { ru: 'Учёт часов учителей', en: 'Teachers’ hours' },
  compute: computeHours,
  tables: hoursTables,
};
