import type { Ctx } from '../access/actor.ts';
import { reachOf, studentScope } from '../access/scopes.ts';
import { AppError, forbidden, notFound } from '../http/app-error.ts';

/** A student's class in a year, as the report card and the extract print it. */
export interface StudentClass {
  studentId: number;
  schoolId: number;
  classId: number;
  academicYearId: number;
}

/** A student of one of the actor's schools; another school's (or no such person) is not found. */
export async function studentOfSchool(ctx: Ctx, studentId: number) {
  const student = await ctx.db
    .selectFrom('persons')
    .innerJoin('roleAssignments as r', 'r.personId', 'persons.id')
    .select(['persons.id', 'persons.schoolId'])
    .where('persons.id', '=', studentId)
    .where('r.role', '=', 'student')
    .executeTakeFirst();
  const ownSchool =
    ctx.actor.kind === 'person' &&
    ctx.actor.grants.some((g) => g.schoolId !== null && g.schoolId === student?.schoolId);
  if (!student || student.schoolId === null || !ownSchool) throw notFound();
  return { id: student.id, schoolId: student.schoolId };
}

/**
 * The refusal for someone who may not print a paper about the student: 404 when they do not see the
 * student at all (another class's teacher, another family), so the answer does not tell that the
 * student exists; 403 when they do (the administrator, a subject teacher, the student, a parent).
 */
async function refusal(ctx: Ctx, studentId: number): Promise<AppError> {
  const seen = await ctx.db
    .selectFrom('persons')
    .select('persons.id')
    .where('persons.id', '=', studentId)
    .where((eb) => studentScope(eb, ctx.actor, 'student.view'))
    .executeTakeFirst();
  return seen ? forbidden() : notFound();
}

/**
 * The class a student was in during a year (the last one, if they moved), for a paper about them:
 * the deputy and the director of the school, or the class teacher of that class; others are refused.
 */
export async function requireStudentPaper(
  ctx: Ctx,
  studentId: number,
  academicYearId: number,
  field: 'yearId' | 'periodId' | 'from',
): Promise<StudentClass> {
  const student = await studentOfSchool(ctx, studentId);
  const cls = await ctx.db
    .selectFrom('groupMemberships as m')
    .innerJoin('groups as g', 'g.id', 'm.groupId')
    .innerJoin('classes as c', 'c.id', 'g.classId')
    .select(['c.id', 'c.classTeacherId', 'm.startsOn'])
    .where('m.studentId', '=', studentId)
    .where('g.kind', '=', 'class')
    .where('c.academicYearId', '=', academicYearId)
    .where('c.schoolId', '=', student.schoolId)
    .orderBy('m.startsOn', 'desc')
    .orderBy('c.id', 'desc')
    .executeTakeFirst();
  const reach = reachOf(ctx.actor, 'print.journal');
  const me = ctx.actor.kind === 'person' ? ctx.actor.personId : null;
  const leader = reach.schoolIds.includes(student.schoolId);
  if (!cls) {
    if (!leader) throw await refusal(ctx, studentId);
    throw new AppError('validation', 'paperNotInClass', {}, { [field]: 'paperNotInClass' });
  }
  const classTeacher = reach.relations.has('classTeacher') && me !== null && cls.classTeacherId === me;
  if (!leader && !classTeacher) throw await refusal(ctx, studentId);
  return { studentId, schoolId: student.schoolId, classId: cls.id, academicYearId };
}

/** An academic year of the student's school, else a 400 naming the field. */
export async function yearOfSchool(ctx: Ctx, schoolId: number, yearId: number): Promise<number> {
  const year = await ctx.db
    .selectFrom('academicYears')
    .select('id')
    .where('id', '=', yearId)
    .where('schoolId', '=', schoolId)
    .executeTakeFirst();
  if (!year) throw new AppError('validation', 'paperNoSuchYear', {}, { yearId: 'paperNoSuchYear' });
  return year.id;
}
