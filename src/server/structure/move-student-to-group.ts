import type { z } from 'zod';
import type { moveBody } from '../../contract/structure.ts';
import { type GroupFacts, isRefusal, type MoveRefusal, planMove } from '../../domain/groups.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { lockForTransaction } from '../db/locks.ts';
import { AppError } from '../http/app-error.ts';
import type { MessageKey } from '../http/messages.ts';
import { groupById } from './catalog.queries.ts';
import { membershipsOf, subjectOfGroup } from './groups.queries.ts';
import { requireGroup } from './structure.policy.ts';

const refusalMessage: Record<MoveRefusal['problem'], MessageKey> = {
  sameGroup: 'structureMoveSameGroup',
  groupsIncompatible: 'structureMoveIncompatible',
  groupArchived: 'structureMoveArchived',
  notMember: 'structureMoveNotMember',
  beforeStart: 'structureMoveBeforeStart',
  alreadyMember: 'structureMoveAlreadyMember',
};

async function factsOf(
  db: Db,
  group: NonNullable<Awaited<ReturnType<typeof groupById>>>,
): Promise<GroupFacts> {
  return {
    id: group.id,
    kind: group.kind,
    academicYearId: group.academicYearId,
    classId: group.classId,
    subjectId: await subjectOfGroup(db, group),
    archived: group.archivedAt !== null,
  };
}

/**
 * Moves a student from one group to another from a date: the membership that holds on the date
 * ends the day before, a new one starts on the date. Nothing before the date changes.
 */
export async function moveStudentToGroup(
  ctx: Ctx,
  fromGroupId: number,
  input: z.infer<typeof moveBody>,
): Promise<void> {
  const from = await groupById(ctx.db, fromGroupId);
  await requireGroup(ctx, from);
  const to = await groupById(ctx.db, input.toGroupId);
  if (!from || !to || to.schoolId !== from.schoolId)
    throw new AppError('validation', 'structureUnknownGroup', {}, { toGroupId: 'structureUnknownGroup' });
  await requireGroup(ctx, to);
  await ctx.db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, `memberships:${input.studentId}`);
    const year = await trx
      .selectFrom('academicYears')
      .select(['startsOn', 'endsOn'])
      .where('id', '=', from.academicYearId)
      .executeTakeFirstOrThrow();
    if (input.moveDate < year.startsOn || input.moveDate > year.endsOn)
      throw new AppError(
        'validation',
        'structureMoveOutsideYear',
        {},
        { moveDate: 'structureMoveOutsideYear' },
      );
    const memberships = await membershipsOf(trx, input.studentId, [from.id, to.id]);
    const plan = planMove({
      from: await factsOf(trx, from),
      to: await factsOf(trx, to),
      memberships,
      on: input.moveDate,
    });
    if (isRefusal(plan)) {
      const key = refusalMessage[plan.problem];
      throw new AppError('validation', key, {}, { [plan.field]: key });
    }
    await trx
      .updateTable('groupMemberships')
      .set({ endsOn: plan.close.endsOn })
      .where('id', '=', plan.close.id)
      .execute();
    const { id } = await trx
      .insertInto('groupMemberships')
      .values({ schoolId: from.schoolId, studentId: input.studentId, ...plan.open })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      schoolId: from.schoolId,
      action: 'group.student_moved',
      entity: 'person',
      entityId: input.studentId,
      before: {
        groupId: from.id,
        membershipId: plan.close.id,
        endsOn: memberships.find((m) => m.id === plan.close.id)?.endsOn ?? null,
      },
      after: { groupId: to.id, membershipId: id, startsOn: plan.open.startsOn, closedOn: plan.close.endsOn },
    });
  });
}
