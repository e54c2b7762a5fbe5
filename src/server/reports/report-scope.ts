import type { ReportQuery } from '../../contract/reports.ts';
import { parseSchoolSettings, type SchoolSettings } from '../../contract/settings.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { reachOf } from '../access/scopes.ts';
import { AppError, forbidden, notFound } from '../http/app-error.ts';
import { settingsText } from '../settings/settings.queries.ts';
import { shortName } from '../timetable/timetable.queries.ts';

/** A course a report looks at, with the names its rows show. */
export interface ScopedCourse {
  id: number;
  subjectId: number;
  subject: string;
  subjectOrder: number;
  groupId: number;
  group: string;
  groupKind: 'class' | 'subgroup' | 'cross';
  /** The class of a class group or subgroup; null for a cross-class group. */
  classId: number | null;
  className: string | null;
  grade: number | null;
  teacherId: number;
  teacher: string;
  secondTeacherId: number | null;
  hoursPerWeek: number;
}

/** What a school report may look at: resolved once per request from the actor and the filters. */
export interface ReportScope {
  schoolId: number;
  yearId: number;
  yearStartsOn: string;
  yearEndsOn: string;
  from: string;
  to: string;
  periodId: number | null;
  /** The leadership sees the whole school; a teacher only their own courses (and led classes). */
  whole: boolean;
  /** The acting person. */
  me: number;
  /** The courses in scope after the filters, in the journal's order (class, subject, group). */
  courses: ScopedCourse[];
  /** Classes whose student-level figures the actor may see: null for every class of the school. */
  classIds: number[] | null;
  settings: SchoolSettings;
}

/** Options of a report: whether a class teacher sees the courses of the class they lead. */
export interface ScopeOptions {
  /** Results and attendance: a class teacher sees every course of their class, not only their own. */
  classLevel?: boolean;
}

function teacherSchool(ctx: Ctx): number | undefined {
  if (ctx.actor.kind !== 'person') return undefined;
  return ctx.actor.grants.find((g) => g.role === 'teacher' && g.schoolId !== null)?.schoolId ?? undefined;
}

/** The school whose reports the actor sees and whether wholly; 403 for other staff, 404 for families. */
export function reportSchool(ctx: Ctx): { schoolId: number; whole: boolean; me: number } {
  if (ctx.actor.kind !== 'person') throw notFound();
  const me = ctx.actor.personId;
  const leading = reachOf(ctx.actor, 'reports.view').schoolIds[0];
  if (leading !== undefined) return { schoolId: leading, whole: true, me };
  const teaching = teacherSchool(ctx);
  if (teaching !== undefined) return { schoolId: teaching, whole: false, me };
  if (reachOf(ctx.actor, 'reports.view').districtIds.length > 0) throw forbidden();
  if (reachOf(ctx.actor, 'school.view').schoolIds.length > 0) throw forbidden();
  throw notFound();
}

/** The academic year asked for (it must be the school's), else the one in force today. */
export async function reportYear(db: Db, schoolId: number, yearId: number | undefined) {
  const years = await db
    .selectFrom('academicYears')
    .select(['id', 'name', 'startsOn', 'endsOn'])
    .where('schoolId', '=', schoolId)
    .orderBy('startsOn')
    .execute();
  if (yearId !== undefined) {
    const year = years.find((y) => y.id === yearId);
    if (!year) throw notFound();
    return { year, years };
  }
  const on = today();
  const year =
    years.find((y) => y.startsOn <= on && y.endsOn >= on) ??
    years.filter((y) => y.startsOn <= on).at(-1) ??
    years[0];
  if (!year) throw new AppError('not_found', 'reportsNoYear');
  return { year, years };
}

/** The live courses of a school year with the names reports show, in the journal's order. */
export async function yearCourses(db: Db, schoolId: number, yearId: number): Promise<ScopedCourse[]> {
  const rows = await db
    .selectFrom('courses')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .innerJoin('persons as t', 't.id', 'courses.teacherId')
    .leftJoin('classes', 'classes.id', 'groups.classId')
    .select([
      'courses.id',
      'courses.subjectId',
      'subjects.name as subject',
      'subjects.sortOrder as subjectOrder',
      'courses.groupId',
      'groups.name as group',
      'groups.kind as groupKind',
      'groups.classId',
      'classes.grade',
      'classes.letter',
      'courses.teacherId',
      'courses.secondTeacherId',
      'courses.hoursPerWeek',
      't.lastName',
      't.firstName',
      't.middleName',
    ])
    .where('courses.schoolId', '=', schoolId)
    .where('courses.academicYearId', '=', yearId)
    .where('courses.archivedAt', 'is', null)
    .execute();
  const courses = rows.map(
    (r): ScopedCourse => ({
      id: r.id,
      subjectId: r.subjectId,
      subject: r.subject,
      subjectOrder: r.subjectOrder,
      groupId: r.groupId,
      group: r.group,
      groupKind: r.groupKind,
      classId: r.classId,
      className: r.grade === null ? null : `${r.grade}${r.letter}`,
      grade: r.grade,
      teacherId: r.teacherId,
      teacher: shortName(r),
      secondTeacherId: r.secondTeacherId,
      hoursPerWeek: Number(r.hoursPerWeek),
    }),
  );
  return courses.sort(
    (a, b) =>
      (a.grade ?? 99) - (b.grade ?? 99) ||
      (a.className ?? '').localeCompare(b.className ?? '', 'ru') ||
      a.subjectOrder - b.subjectOrder ||
      a.subject.localeCompare(b.subject, 'ru') ||
      a.group.localeCompare(b.group, 'ru'),
  );
}

/** The classes the person leads in the year. */
async function ledClasses(db: Db, me: number, yearId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('classes')
    .select('id')
    .where('classTeacherId', '=', me)
    .where('academicYearId', '=', yearId)
    .where('archivedAt', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

async function resolveDates(db: Db, scope: { schoolId: number; yearId: number }, q: ReportQuery) {
  if (q.periodId !== undefined) {
    const period = await db
      .selectFrom('periods')
      .select(['startsOn', 'endsOn'])
      .where('id', '=', q.periodId)
      .where('schoolId', '=', scope.schoolId)
      .where('academicYearId', '=', scope.yearId)
      .executeTakeFirst();
    if (!period) throw notFound();
    return { from: period.startsOn, to: period.endsOn };
  }
  return undefined;
}

/** 404 when a class, subject or teacher of the filters is not the school's (another school's id). */
async function requireOwnFilters(db: Db, schoolId: number, q: ReportQuery): Promise<void> {
  const own = (table: 'classes' | 'subjects' | 'persons', id: number | undefined) =>
    id === undefined
      ? true
      : db
          .selectFrom(table)
          .select('id')
          .where('id', '=', id)
          .where('schoolId', '=', schoolId)
          .executeTakeFirst()
          .then((row) => row !== undefined);
  const found = await Promise.all([
    own('classes', q.classId),
    own('subjects', q.subjectId),
    own('persons', q.teacherId),
  ]);
  if (found.includes(false)) throw notFound();
}

/** The school year, dates and settings of a report, before any course is chosen. */
async function baseScope(db: Db, schoolId: number, q: ReportQuery) {
  if (q.from !== undefined && q.to !== undefined && q.from > q.to)
    throw new AppError('validation', 'reportsRangeOrder', {}, { to: 'reportsRangeOrder' });
  await requireOwnFilters(db, schoolId, q);
  const { year } = await reportYear(db, schoolId, q.yearId);
  const period = await resolveDates(db, { schoolId, yearId: year.id }, q);
  const on = today();
  const from = period?.from ?? q.from ?? year.startsOn;
  const to = period?.to ?? q.to ?? (on < year.endsOn && on >= year.startsOn ? on : year.endsOn);
  if (from > to) throw new AppError('validation', 'reportsRangeOrder', {}, { to: 'reportsRangeOrder' });
  const settings = parseSchoolSettings(await settingsText(db, schoolId));
  return {
    schoolId,
    yearId: year.id,
    yearStartsOn: year.startsOn,
    yearEndsOn: year.endsOn,
    from,
    to,
    periodId: q.periodId ?? null,
    settings,
  };
}

/** Narrows courses by the filters of the query. */
function filtered(courses: ScopedCourse[], q: ReportQuery): ScopedCourse[] {
  return courses.filter(
    (c) =>
      (q.courseId === undefined || c.id === q.courseId) &&
      (q.classId === undefined || c.classId === q.classId) &&
      (q.subjectId === undefined || c.subjectId === q.subjectId) &&
      (q.teacherId === undefined || c.teacherId === q.teacherId || c.secondTeacherId === q.teacherId),
  );
}

/**
 * Resolves who may see what for a school report: the school, the year, the dates and the courses
 * in scope. A teacher sees only the courses they teach (or co-teach), and with `classLevel` those
 * of the classes they lead; asking for another teacher's figures is refused (403). A year, period,
 * class, subject, teacher or course of another school is 404.
 */
export async function resolveReportScope(
  ctx: Ctx,
  q: ReportQuery,
  options: ScopeOptions = {},
): Promise<ReportScope> {
  const { schoolId, whole, me } = reportSchool(ctx);
  const base = await baseScope(ctx.db, schoolId, q);
  const all = await yearCourses(ctx.db, schoolId, base.yearId);
  let courses = all;
  let classIds: number[] | null = null;
  if (!whole) {
    if (q.teacherId !== undefined && q.teacherId !== me) throw forbidden();
    const led = options.classLevel ? await ledClasses(ctx.db, me, base.yearId) : [];
    if (q.classId !== undefined && options.classLevel && !led.includes(q.classId)) {
      const teachesThere = all.some(
        (c) => c.classId === q.classId && (c.teacherId === me || c.secondTeacherId === me),
      );
      if (!teachesThere) throw forbidden();
    }
    classIds = led;
    courses = all.filter(
      (c) =>
        c.teacherId === me || c.secondTeacherId === me || (c.classId !== null && led.includes(c.classId)),
    );
  }
  if (q.courseId !== undefined && !courses.some((c) => c.id === q.courseId))
    throw all.some((c) => c.id === q.courseId) ? forbidden() : notFound();
  return { ...base, whole, me, courses: filtered(courses, q), classIds };
}

/**
 * The scope of a whole school with no actor: for the district rollup and jobs, which must check
 * the actor's reach themselves before calling it. `me` is 0: no person.
 */
export async function wholeSchoolScope(db: Db, schoolId: number, q: ReportQuery = {}): Promise<ReportScope> {
  const base = await baseScope(db, schoolId, q);
  const courses = filtered(await yearCourses(db, schoolId, base.yearId), q);
  return { ...base, whole: true, me: 0, courses, classIds: null };
}

/** The range every report echoes. */
export function rangeOf(scope: ReportScope) {
  return {
    schoolId: scope.schoolId,
    yearId: scope.yearId,
    from: scope.from,
    to: scope.to,
    periodId: scope.periodId,
  };
}
