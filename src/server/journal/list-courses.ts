import type { z } from 'zod';
import type { journalCourseItem, journalCourseList } from '../../contract/journal.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { reachOf } from '../access/scopes.ts';
import { AppError } from '../http/app-error.ts';
import { shortName } from '../timetable/timetable.queries.ts';
import { type CourseAccess, personOf } from './journal.policy.ts';

type CourseItem = z.infer<typeof journalCourseItem>;

/** How many substituted lessons the list shows, the latest first. */
const substitutionsShown = 100;

/** The academic year of each school in force today (else the latest that has started, else the first). */
async function currentYears(db: Db, schoolIds: number[]) {
  const years = await db
    .selectFrom('academicYears')
    .select(['id', 'schoolId', 'startsOn', 'endsOn'])
    .where('schoolId', 'in', schoolIds)
    .orderBy('startsOn')
    .execute();
  const on = today();
  return schoolIds.flatMap((schoolId) => {
    const own = years.filter((y) => y.schoolId === schoolId);
    const year =
      own.find((y) => y.startsOn <= on && y.endsOn >= on) ??
      own.filter((y) => y.startsOn <= on).at(-1) ??
      own[0];
    return year ? [year] : [];
  });
}

/** The live courses of the years, with everything a list item shows and sorts by. */
function courseRows(db: Db, yearIds: number[]) {
  return db
    .selectFrom('courses')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .innerJoin('persons as t', 't.id', 'courses.teacherId')
    .leftJoin('classes', 'classes.id', 'groups.classId')
    .select([
      'courses.id',
      'courses.schoolId',
      'courses.academicYearId',
      'courses.teacherId',
      'courses.secondTeacherId',
      'courses.hoursPerWeek',
      'courses.groupId',
      'groups.classId',
      'groups.kind as groupKind',
      'groups.name as group',
      'subjects.name as subject',
      'subjects.sortOrder',
      'classes.grade',
      'classes.letter',
      'classes.classTeacherId',
      't.lastName',
      't.firstName',
      't.middleName',
    ])
    .where('courses.academicYearId', 'in', yearIds)
    .where('courses.archivedAt', 'is', null);
}

type Row = Awaited<ReturnType<ReturnType<typeof courseRows>['execute']>>[number];

/** The classes whose students belong to each cross-class group (any time in the year). */
async function crossClasses(db: Db, groupIds: number[]): Promise<Map<number, Set<number>>> {
  const out = new Map<number, Set<number>>();
  if (groupIds.length === 0) return out;
  const rows = await db
    .selectFrom('groupMemberships as gm')
    .innerJoin('groupMemberships as cm', 'cm.studentId', 'gm.studentId')
    .innerJoin('groups as cg', 'cg.id', 'cm.groupId')
    .select(['gm.groupId', 'cg.classId'])
    .distinct()
    .where('gm.groupId', 'in', groupIds)
    .where('cg.kind', '=', 'class')
    .execute();
  for (const r of rows) {
    if (r.classId === null) continue;
    const set = out.get(r.groupId) ?? new Set<number>();
    set.add(r.classId);
    out.set(r.groupId, set);
  }
  return out;
}

function item(row: Row, access: CourseAccess): CourseItem {
  return {
    id: row.id,
    subject: row.subject,
    group: row.group,
    className: row.grade === null ? null : `${row.grade}${row.letter}`,
    teacher: shortName(row),
    hoursPerWeek: row.hoursPerWeek,
    access,
    canEdit: access === 'teacher' || access === 'second',
  };
}

/**
 * The journals the actor may open: a teacher's own courses (and as second teacher), the courses of
 * the class they lead (read-only) and the lessons they substitute; the leadership's whole school.
 * `classId` narrows the list to one class (a cross-class group counts when a member is in it).
 * Families and staff without the journal are refused (403).
 */
export async function listJournalCourses(
  ctx: Ctx,
  classId?: number,
): Promise<z.infer<typeof journalCourseList>> {
  const me = personOf(ctx);
  if (ctx.actor.kind !== 'person' || me === null) throw new AppError('forbidden', 'journalNotTeacher');
  const leading = reachOf(ctx.actor, 'journal.view').schoolIds;
  const teaching = ctx.actor.grants
    .filter((g) => g.role === 'teacher' && g.schoolId !== null)
    .map((g) => g.schoolId!);
  const schoolIds = [...new Set([...leading, ...teaching])];
  if (schoolIds.length === 0) throw new AppError('forbidden', 'journalNotTeacher');
  if (classId !== undefined) {
    const cls = await ctx.db
      .selectFrom('classes')
      .select('schoolId')
      .where('id', '=', classId)
      .executeTakeFirst();
    if (!cls || !schoolIds.includes(cls.schoolId)) throw new AppError('not_found', 'notFound');
  }
  const years = await currentYears(ctx.db, schoolIds);
  if (years.length === 0) return { courses: [], substitutions: [] };
  const rows = await courseRows(
    ctx.db,
    years.map((y) => y.id),
  ).execute();
  const cross = await crossClasses(
    ctx.db,
    rows.filter((r) => r.groupKind === 'cross').map((r) => r.groupId),
  );
  const classesOf = (r: Row) =>
    r.classId !== null ? new Set([r.classId]) : (cross.get(r.groupId) ?? new Set<number>());
  const ledClasses = new Set(
    (await ctx.db.selectFrom('classes').select('id').where('classTeacherId', '=', me).execute()).map(
      (c) => c.id,
    ),
  );
  const leadsAll = new Set(leading);
  const teacherYears = new Set(years.filter((y) => teaching.includes(y.schoolId)).map((y) => y.id));
  const courses: (CourseItem & { row: Row })[] = [];
  for (const row of rows) {
    const teaches = teacherYears.has(row.academicYearId);
    let access: CourseAccess | null = null;
    if (teaches && row.teacherId === me) access = 'teacher';
    else if (teaches && row.secondTeacherId === me) access = 'second';
    else if (leadsAll.has(row.schoolId)) access = 'school';
    else if (teaches && [...classesOf(row)].some((c) => ledClasses.has(c))) access = 'classTeacher';
    if (access === null) continue;
    if (classId !== undefined && !classesOf(row).has(classId)) continue;
    courses.push({ ...item(row, access), row });
  }
  courses.sort(
    (a, b) =>
      (a.row.grade ?? 99) - (b.row.grade ?? 99) ||
      (a.row.letter ?? '').localeCompare(b.row.letter ?? '', 'ru') ||
      a.row.sortOrder - b.row.sortOrder ||
      a.subject.localeCompare(b.subject, 'ru') ||
      a.group.localeCompare(b.group, 'ru'),
  );
  const substitutions = await substitutedLessons(
    ctx.db,
    me,
    years.filter((y) => teacherYears.has(y.id)),
  );
  return {
    courses: courses.map(({ row: _row, ...rest }) => rest),
    substitutions: classId === undefined ? substitutions : [],
  };
}

/** Lessons the person gives for someone else (not cancelled) since the year began, the latest first. */
async function substitutedLessons(db: Db, me: number, years: { id: number; startsOn: string }[]) {
  if (years.length === 0) return [];
  const from = years.map((y) => y.startsOn).sort()[0]!;
  const rows = await db
    .selectFrom('lessons')
    .innerJoin('courses', 'courses.id', 'lessons.courseId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .select([
      'lessons.id as lessonId',
      'lessons.courseId',
      'lessons.date',
      'lessons.lessonNumber',
      'subjects.name as subject',
      'groups.name as group',
    ])
    .where('lessons.teacherId', '=', me)
    .where('lessons.cancelledAt', 'is', null)
    .where('lessons.date', '>=', from)
    .where('courses.teacherId', '!=', me)
    .where((eb) =>
      eb.or([eb('courses.secondTeacherId', 'is', null), eb('courses.secondTeacherId', '!=', me)]),
    )
    .where(
      'courses.academicYearId',
      'in',
      years.map((y) => y.id),
    )
    .orderBy('lessons.date', 'desc')
    .orderBy('lessons.lessonNumber', 'desc')
    .limit(substitutionsShown)
    .execute();
  return rows;
}
