import type { z } from 'zod';
import type { departureBody } from '../../contract/people.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../http/app-error.ts';
import { getStudentCard } from './get-student-card.ts';
import { requireStudent } from './people.policy.ts';
import { disableAccountsOf, findStudent } from './people.queries.ts';
import { laterOf } from './record-helpers.ts';

/** Whether the parent keeps a reason to sign in: another child still at school, or a staff role. */
async function keepsAccess(trx: Db, parentId: number, departingId: number): Promise<boolean> {
  const child = await trx
    .selectFrom('guardianships')
    .innerJoin('persons', 'persons.id', 'guardianships.studentId')
    .leftJoin('studentProfiles', 'studentProfiles.personId', 'guardianships.studentId')
    .select('guardianships.studentId')
    .where('guardianships.guardianId', '=', parentId)
    .where('guardianships.studentId', '!=', departingId)
    .where('guardianships.archivedAt', 'is', null)
    .where('persons.archivedAt', 'is', null)
    .where('studentProfiles.departedOn', 'is', null)
    .executeTakeFirst();
  if (child) return true;
  const role = await trx
    .selectFrom('roleAssignments')
    .select('id')
    .where('personId', '=', parentId)
    .where('role', 'not in', ['parent', 'student'])
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return role !== undefined;
}

/**
 * A student leaves the school: memberships end on the date, the student's account is disabled,
 * and so is each parent's unless they have another child at school. Nothing is deleted.
 */
export async function recordDeparture(ctx: Ctx, studentId: number, input: z.infer<typeof departureBody>) {
  await requireStudent(ctx, studentId, 'student.edit');
  if (input.departedOn > today())
    throw new AppError(
      'validation',
      'peopleDepartureInFuture',
      {},
      { departedOn: 'peopleDepartureInFuture' },
    );
  await ctx.db.transaction().execute(async (trx) => {
    const student = await findStudent(trx, studentId);
    const schoolId = student.schoolId!;
    if (student.profileId === null)
      throw new AppError('validation', 'peopleFileNumberFirst', {}, { fileNumber: 'peopleFileNumberFirst' });
    if (student.departedOn !== null) throw new AppError('conflict', 'peopleAlreadyDeparted');
    if (student.arrivedOn !== null && input.departedOn < student.arrivedOn)
      throw new AppError(
        'validation',
        'peopleDepartureBeforeArrival',
        {},
        { departedOn: 'peopleDepartureBeforeArrival' },
      );
    const open = await trx
      .selectFrom('groupMemberships')
      .select(['id', 'groupId', 'startsOn'])
      .where('studentId', '=', studentId)
      .where((eb) => eb.or([eb('endsOn', 'is', null), eb('endsOn', '>', input.departedOn)]))
      .execute();
    for (const m of open) {
      const endsOn = laterOf(m.startsOn, input.departedOn);
      await trx.updateTable('groupMemberships').set({ endsOn }).where('id', '=', m.id).execute();
    }
    await trx
      .updateTable('studentProfiles')
      .set({ departedOn: input.departedOn, departureOrder: input.departureOrder })
      .where('personId', '=', studentId)
      .execute();
    const now = new Date().toISOString();
    const studentAccounts = await disableAccountsOf(trx, studentId, now);
    const parents = await trx
      .selectFrom('guardianships')
      .select('guardianId')
      .where('studentId', '=', studentId)
      .where('archivedAt', 'is', null)
      .execute();
    const disabledParents: number[] = [];
    for (const { guardianId } of parents) {
      if (await keepsAccess(trx, guardianId, studentId)) continue;
      if ((await disableAccountsOf(trx, guardianId, now)).length) disabledParents.push(guardianId);
    }
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'student.departed',
      entity: 'person',
      entityId: studentId,
      before: { departedOn: null, groupIds: open.map((m) => m.groupId) },
      after: {
        departedOn: input.departedOn,
        departureOrder: input.departureOrder,
        studentAccountDisabled: studentAccounts.length > 0,
        parentAccountsDisabled: disabledParents,
      },
    });
  });
  return getStudentCard(ctx, studentId, { log: false, asEditor: true });
}
