import type { z } from 'zod';
import type { crossGroupBody } from '../../contract/structure.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../http/app-error.ts';
import { currentYear } from './catalog.queries.ts';
import { within } from './create-subgroups.ts';
import { inClassesOn } from './groups.queries.ts';
import { checkSubject, checkTeachers, insertCourse } from './manage-courses.ts';
import { managedSchool } from './structure.policy.ts';

/**
 * The administrator forms a cross-class group (an elective, a profile group) with its course and
 * members from any classes of the current year, who must be students of a class on the start date.
 */
export async function createCrossGroup(ctx: Ctx, input: z.infer<typeof crossGroupBody>): Promise<number> {
  const schoolId = managedSchool(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const year = await currentYear(trx, schoolId);
    if (!year) throw new AppError('conflict', 'structureNoYear');
    const startsOn = within(input.startsOn ?? today(), year);
    await checkSubject(trx, schoolId, input.subjectId);
    await checkTeachers(trx, schoolId, input.teacherId, null);
    const studentIds = [...new Set(input.studentIds)];
    const found = new Set(
      (await inClassesOn(trx, schoolId, year.id, studentIds, startsOn)).map((r) => r.studentId),
    );
    if (studentIds.some((s) => !found.has(s)))
      throw new AppError('validation', 'structureNotStudent', {}, { studentIds: 'structureNotStudent' });
    const { id } = await trx
      .insertInto('groups')
      .values({
        schoolId,
        academicYearId: year.id,
        classId: null,
        kind: 'cross',
        name: input.groupName,
        subjectId: input.subjectId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertCourse(trx, ctx, schoolId, year.id, {
      subjectId: input.subjectId,
      groupId: id,
      teacherId: input.teacherId,
      secondTeacherId: null,
      hoursPerWeek: input.hoursPerWeek,
    });
    if (studentIds.length)
      await trx
        .insertInto('groupMemberships')
        .values(studentIds.map((studentId) => ({ schoolId, groupId: id, studentId, startsOn, endsOn: null })))
        .execute();
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'group.created',
      entity: 'group',
      entityId: id,
      after: { kind: 'cross', subjectId: input.subjectId, name: input.groupName, startsOn, studentIds },
    });
    return id;
  });
}
