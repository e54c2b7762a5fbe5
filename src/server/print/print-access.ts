import type { Ctx, Db } from '../access/actor.ts';
import { reachOf } from '../access/scopes.ts';
import { forbidden, notFound } from '../http/app-error.ts';

/** A class whose journal the actor may print, and which of its courses. */
export interface ClassPrintAccess {
  schoolId: number;
  classId: number;
  academicYearId: number;
  grade: number;
  letter: string;
  /** The courses the actor may print, in the class's journal. */
  courseIds: number[];
  /** The whole journal (its class sections too): the class teacher, the deputy, the director. */
  whole: boolean;
}

/**
 * The courses of a class's journal: those of its class group and subgroups, and those of a
 * cross-class group with a member of the class during the year (archived ones too: their
 * journal is still the legal record).
 */
export async function classCourseIds(db: Db, classId: number): Promise<number[]> {
  const own = await db
    .selectFrom('courses')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .select('courses.id')
    .where('groups.classId', '=', classId)
    .execute();
  const cross = await db
    .selectFrom('courses')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .innerJoin('groupMemberships as gm', 'gm.groupId', 'groups.id')
    .innerJoin('groupMemberships as cm', 'cm.studentId', 'gm.studentId')
    .innerJoin('groups as cg', 'cg.id', 'cm.groupId')
    .select('courses.id')
    .distinct()
    .where('groups.kind', '=', 'cross')
    .where('cg.kind', '=', 'class')
    .where('cg.classId', '=', classId)
    .execute();
  return [...new Set([...own, ...cross].map((r) => r.id))].sort((a, b) => a - b);
}

/**
 * What the actor may print of a class's journal (`print.journal`): the deputy and the director
 * anything in their school, the class teacher the whole journal of their class, a teacher only
 * the courses they teach there. `wanted` narrows the print to some courses; asking for a course
 * outside what the actor may print is refused. A class of another school is not found.
 */
export async function requireClassPrint(
  ctx: Ctx,
  classId: number,
  wanted?: readonly number[],
): Promise<ClassPrintAccess> {
  const cls = await ctx.db
    .selectFrom('classes')
    .select(['id', 'schoolId', 'academicYearId', 'grade', 'letter', 'classTeacherId'])
    .where('id', '=', classId)
    .executeTakeFirst();
  const reach = reachOf(ctx.actor, 'print.journal');
  const me = ctx.actor.kind === 'person' ? ctx.actor.personId : null;
  const ownSchool =
    ctx.actor.kind === 'person' &&
    ctx.actor.grants.some((g) => g.schoolId !== null && g.schoolId === cls?.schoolId);
  if (!cls || !ownSchool) throw notFound();
  const all = await classCourseIds(ctx.db, classId);
  const base = {
    schoolId: cls.schoolId,
    classId: cls.id,
    academicYearId: cls.academicYearId,
    grade: cls.grade,
    letter: cls.letter,
  };
  const whole =
    reach.schoolIds.includes(cls.schoolId) ||
    (reach.relations.has('classTeacher') && me !== null && cls.classTeacherId === me);
  let allowed = all;
  if (!whole) {
    if (!reach.relations.has('teaches') || me === null || all.length === 0) throw forbidden();
    const taught = await ctx.db
      .selectFrom('courses')
      .select('id')
      .where('id', 'in', all)
      .where((eb) => eb.or([eb('teacherId', '=', me), eb('secondTeacherId', '=', me)]))
      .execute();
    allowed = taught.map((r) => r.id);
    if (allowed.length === 0) throw forbidden();
  }
  if (wanted && wanted.length > 0) {
    if (wanted.some((id) => !allowed.includes(id))) throw forbidden();
    return { ...base, courseIds: [...wanted].sort((a, b) => a - b), whole: false };
  }
  return { ...base, courseIds: allowed, whole };
}

/**
 * The year archive of a class (`archive.export`): the administrator, the deputy and the director
 * of its school; the whole journal, every course.
 */
export async function requireClassArchive(ctx: Ctx, classId: number): Promise<ClassPrintAccess> {
  const cls = await ctx.db
    .selectFrom('classes')
    .select(['id', 'schoolId', 'academicYearId', 'grade', 'letter'])
    .where('id', '=', classId)
    .executeTakeFirst();
  const ownSchool =
    ctx.actor.kind === 'person' &&
    ctx.actor.grants.some((g) => g.schoolId !== null && g.schoolId === cls?.schoolId);
  if (!cls || !ownSchool) throw notFound();
  if (!reachOf(ctx.actor, 'archive.export').schoolIds.includes(cls.schoolId)) throw forbidden();
  return {
    schoolId: cls.schoolId,
    classId: cls.id,
    academicYearId: cls.academicYearId,
    grade: cls.grade,
    letter: cls.letter,
    courseIds: await classCourseIds(ctx.db, classId),
    whole: true,
  };
}
