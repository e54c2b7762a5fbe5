import type { z } from 'zod';
import type { subgroupsBody } from '../../contract/structure.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { lockForTransaction } from '../db/locks.ts';
import { AppError } from '../http/app-error.ts';
import type { MessageKey } from '../http/messages.ts';
import { classById } from './catalog.queries.ts';
import { inClassesOn, subgroupsOfClass } from './groups.queries.ts';
import { checkSubject, checkTeachers, insertCourse } from './manage-courses.ts';
import { requireClassGroups } from './structure.policy.ts';

/** A split of a class into subgroups for a subject. */
export type SubgroupsInput = z.infer<typeof subgroupsBody> & { classId: number };

const invalid = (field: string, key: MessageKey) => new AppError('validation', key, {}, { [field]: key });

/** A date clamped into the academic year. */
export function within(on: string, year: { startsOn: string; endsOn: string }) {
  if (on < year.startsOn) return year.startsOn;
  return on > year.endsOn ? year.endsOn : on;
}

/**
 * Splits a class into subgroups for a subject inside the caller's transaction, without a policy
 * check (the demo seed calls it as the system actor): one group (kind 'subgroup') per entry with
 * its course and its first members, who must be students of the class on the start date.
 * Returns the new groups' ids.
 */
export async function writeSubgroups(trx: Db, ctx: Ctx, input: SubgroupsInput): Promise<number[]> {
  const cls = await classById(trx, input.classId);
  if (!cls || cls.archivedAt) throw new AppError('not_found', 'notFound');
  const { schoolId, academicYearId: yearId } = cls;
  await lockForTransaction(trx, `subgroups:${input.classId}`);
  const year = await trx
    .selectFrom('academicYears')
    .select(['startsOn', 'endsOn'])
    .where('id', '=', yearId)
    .executeTakeFirstOrThrow();
  const startsOn = within(input.startsOn ?? today(), year);
  await checkSubject(trx, schoolId, input.subjectId);
  const existing = await subgroupsOfClass(trx, input.classId);
  if (existing.some((g) => g.subjectId === input.subjectId))
    throw invalid('subjectId', 'structureSubgroupsExist');

  const seen = new Set<number>();
  for (const [i, g] of input.groups.entries()) {
    await checkTeachers(trx, schoolId, g.teacherId, null, `groups.${i}.teacherId`);
    for (const s of g.studentIds) {
      if (seen.has(s)) throw invalid(`groups.${i}.studentIds`, 'structureTwiceInSplit');
      seen.add(s);
    }
    const inClass = await inClassesOn(trx, schoolId, yearId, g.studentIds, startsOn);
    const here = new Set(inClass.filter((r) => r.classId === input.classId).map((r) => r.studentId));
    if (g.studentIds.some((s) => !here.has(s)))
      throw invalid(`groups.${i}.studentIds`, 'structureNotInClass');
  }

  const ids: number[] = [];
  for (const g of input.groups) {
    const { id } = await trx
      .insertInto('groups')
      .values({
        schoolId,
        academicYearId: yearId,
        classId: input.classId,
        kind: 'subgroup',
        name: g.name,
        subjectId: input.subjectId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(id);
    const course = {
      subjectId: input.subjectId,
      groupId: id,
      teacherId: g.teacherId,
      secondTeacherId: null,
      hoursPerWeek: g.hoursPerWeek,
    };
    await insertCourse(trx, ctx, schoolId, yearId, course);
    if (g.studentIds.length)
      await trx
        .insertInto('groupMemberships')
        .values(
          g.studentIds.map((studentId) => ({ schoolId, groupId: id, studentId, startsOn, endsOn: null })),
        )
        .execute();
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'group.created',
      entity: 'group',
      entityId: id,
      after: {
        kind: 'subgroup',
        classId: input.classId,
        subjectId: input.subjectId,
        name: g.name,
        startsOn,
        studentIds: g.studentIds,
      },
    });
  }
  return ids;
}

/** The class teacher (or the administrator) splits the class into subgroups for a subject. */
export async function createSubgroups(ctx: Ctx, input: SubgroupsInput): Promise<number[]> {
  await requireClassGroups(ctx, input.classId);
  return ctx.db.transaction().execute((trx) => writeSubgroups(trx, ctx, input));
}
