import type { z } from 'zod';
import type { courseBody } from '../../contract/structure.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { lockForTransaction } from '../db/locks.ts';
import { AppError } from '../http/app-error.ts';
import { courseById, currentYear, groupById, subjectById, teachersAmong } from './catalog.queries.ts';
import { managedSchool, requireManagedRow } from './structure.policy.ts';

type CourseInput = z.infer<typeof courseBody>;

/** Checks that a subject is a live subject of the school; the error names `field`. */
export async function checkSubject(trx: Db, schoolId: number, subjectId: number, field = 'subjectId') {
  const subject = await subjectById(trx, subjectId);
  if (!subject || subject.schoolId !== schoolId || subject.archivedAt)
    throw new AppError('validation', 'structureUnknownSubject', {}, { [field]: 'structureUnknownSubject' });
}

/** Checks that a course's teachers hold the teacher role in the school; errors name the fields. */
export async function checkTeachers(
  trx: Db,
  schoolId: number,
  teacherId: number,
  secondTeacherId: number | null,
  field = 'teacherId',
) {
  const wanted = secondTeacherId === null ? [teacherId] : [teacherId, secondTeacherId];
  const teachers = await teachersAmong(trx, schoolId, wanted);
  if (!teachers.has(teacherId))
    throw new AppError('validation', 'structureNotTeacher', {}, { [field]: 'structureNotTeacher' });
  if (secondTeacherId === null) return;
  if (secondTeacherId === teacherId)
    throw new AppError('validation', 'structureSameTeacher', {}, { secondTeacherId: 'structureSameTeacher' });
  if (!teachers.has(secondTeacherId))
    throw new AppError('validation', 'structureNotTeacher', {}, { secondTeacherId: 'structureNotTeacher' });
}

/** Checks a course's subject, group (live, of the school and year) and teachers. */
async function checkCourse(
  trx: Db,
  schoolId: number,
  yearId: number,
  input: CourseInput,
  courseId: number | null = null,
) {
  await checkSubject(trx, schoolId, input.subjectId);
  const group = await groupById(trx, input.groupId);
  if (!group || group.schoolId !== schoolId || group.archivedAt)
    throw new AppError('validation', 'structureUnknownGroup', {}, { groupId: 'structureUnknownGroup' });
  if (group.academicYearId !== yearId)
    throw new AppError('validation', 'structureOtherYear', {}, { groupId: 'structureOtherYear' });
  await checkTeachers(trx, schoolId, input.teacherId, input.secondTeacherId);
  await lockForTransaction(trx, `courses:${input.groupId}`);
  // A subject is taught to a group once; a second teacher is the course's `secondTeacherId`.
  let twin = trx
    .selectFrom('courses')
    .select('id')
    .where('subjectId', '=', input.subjectId)
    .where('groupId', '=', input.groupId)
    .where('archivedAt', 'is', null);
  if (courseId !== null) twin = twin.where('id', '!=', courseId);
  if (await twin.executeTakeFirst())
    throw new AppError('conflict', 'structureCourseExists', {}, { subjectId: 'structureCourseExists' });
}

/** Writes a course inside the caller's transaction (checked by the caller), audited. */
export async function insertCourse(trx: Db, ctx: Ctx, schoolId: number, yearId: number, input: CourseInput) {
  const { id } = await trx
    .insertInto('courses')
    .values({ schoolId, academicYearId: yearId, ...input })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, {
    schoolId,
    action: 'course.created',
    entity: 'course',
    entityId: id,
    after: input,
  });
  return id;
}

/** The administrator adds a course: subject × group × teacher × hours for the current year. */
export async function createCourse(ctx: Ctx, input: CourseInput): Promise<number> {
  const schoolId = managedSchool(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const year = await currentYear(trx, schoolId);
    if (!year) throw new AppError('conflict', 'structureNoYear');
    await checkCourse(trx, schoolId, year.id, input);
    return insertCourse(trx, ctx, schoolId, year.id, input);
  });
}

/** The administrator changes a course's subject, group, teachers or hours. */
export async function updateCourse(ctx: Ctx, courseId: number, input: CourseInput): Promise<void> {
  managedSchool(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const before = requireManagedRow(ctx, await courseById(trx, courseId));
    if (before.archivedAt) throw new AppError('conflict', 'structureArchived');
    await checkCourse(trx, before.schoolId, before.academicYearId, input, courseId);
    await trx.updateTable('courses').set(input).where('id', '=', courseId).execute();
    await recordAudit(trx, ctx, {
      schoolId: before.schoolId,
      action: 'course.updated',
      entity: 'course',
      entityId: courseId,
      before: {
        subjectId: before.subjectId,
        groupId: before.groupId,
        teacherId: before.teacherId,
        secondTeacherId: before.secondTeacherId,
        hoursPerWeek: before.hoursPerWeek,
      },
      after: input,
    });
  });
}

/** The administrator archives a course (its journal stays). */
export async function archiveCourse(ctx: Ctx, courseId: number): Promise<void> {
  managedSchool(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const before = requireManagedRow(ctx, await courseById(trx, courseId));
    if (before.archivedAt) return;
    const at = new Date().toISOString();
    await trx.updateTable('courses').set({ archivedAt: at }).where('id', '=', courseId).execute();
    await recordAudit(trx, ctx, {
      schoolId: before.schoolId,
      action: 'course.archived',
      entity: 'course',
      entityId: courseId,
      after: { archivedAt: at },
    });
  });
}
