import type { z } from 'zod';
import type { linkGuardianBody, newGuardianBody } from '../../contract/people.ts';
import { russianSortKey } from '../../domain/russian-order.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { GuardianKind } from '../db/schema.ts';
import { AppError } from '../http/app-error.ts';
import { getStudentCard } from './get-student-card.ts';
import { createParent, findSchoolParent, parentInReach } from './guardian-records.ts';
import { requireStudent } from './people.policy.ts';

const blank = (v: string | null) => (v === '' ? null : v);

async function schoolOf(trx: Db, studentId: number): Promise<number> {
  const row = await trx
    .selectFrom('persons')
    .select('schoolId')
    .where('id', '=', studentId)
    .executeTakeFirstOrThrow();
  return row.schoolId!;
}

/** Links a guardian to the student, audited; refuses one already linked. */
async function link(
  trx: Db,
  ctx: Ctx,
  schoolId: number,
  studentId: number,
  guardianId: number,
  kind: GuardianKind,
) {
  const existing = await trx
    .selectFrom('guardianships')
    .select('id')
    .where('studentId', '=', studentId)
    .where('guardianId', '=', guardianId)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
  if (existing) throw new AppError('conflict', 'peopleAlreadyGuardian');
  const { id } = await trx
    .insertInto('guardianships')
    .values({ schoolId, guardianId, studentId, kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, {
    schoolId,
    action: 'guardian.linked',
    entity: 'guardianship',
    entityId: id,
    after: { guardianId, studentId, kind },
  });
}

/**
 * Adds a parent to the student: a parent of the school with the same full name and the same phone
 * or e-mail is linked (a parent may have several children); anyone else becomes a new parent.
 */
export async function addGuardian(ctx: Ctx, studentId: number, input: z.infer<typeof newGuardianBody>) {
  await requireStudent(ctx, studentId, 'student.edit');
  const contacts = {
    phone: blank(input.phone),
    extraPhone: blank(input.extraPhone),
    email: blank(input.email),
    workplace: blank(input.workplace),
  };
  await ctx.db.transaction().execute(async (trx) => {
    const schoolId = await schoolOf(trx, studentId);
    const sortKey = russianSortKey(input.lastName, input.firstName, input.middleName);
    const namesake = await trx
      .selectFrom('guardianships')
      .innerJoin('persons', 'persons.id', 'guardianships.guardianId')
      .select('persons.id')
      .where('guardianships.studentId', '=', studentId)
      .where('guardianships.archivedAt', 'is', null)
      .where('persons.sortKey', '=', sortKey)
      .executeTakeFirst();
    if (namesake)
      throw new AppError('conflict', 'peopleAlreadyGuardian', {}, { lastName: 'peopleAlreadyGuardian' });
    const guardianId =
      (await findSchoolParent(trx, ctx, schoolId, sortKey, contacts)) ??
      (await createParent(trx, ctx, schoolId, { ...input, ...contacts }));
    await link(trx, ctx, schoolId, studentId, guardianId, input.kind);
  });
  return getStudentCard(ctx, studentId, { log: false });
}

/** Links a parent already in the school (say, of a brother or sister) to this student too. */
export async function linkGuardian(ctx: Ctx, studentId: number, input: z.infer<typeof linkGuardianBody>) {
  await requireStudent(ctx, studentId, 'student.edit');
  await ctx.db.transaction().execute(async (trx) => {
    const schoolId = await schoolOf(trx, studentId);
    const parent = await trx
      .selectFrom('persons')
      .innerJoin('roleAssignments', 'roleAssignments.personId', 'persons.id')
      .select('persons.id')
      .where('persons.id', '=', input.guardianId)
      .where('persons.schoolId', '=', schoolId)
      .where('persons.archivedAt', 'is', null)
      .where('roleAssignments.role', '=', 'parent')
      .where('roleAssignments.revokedAt', 'is', null)
      .executeTakeFirst();
    // A parent the actor could not see is answered like no parent at all: nothing is revealed.
    if (!parent || !(await parentInReach(trx, ctx, schoolId, parent.id)))
      throw new AppError('validation', 'peopleNotParent', {}, { guardianId: 'peopleNotParent' });
    await link(trx, ctx, schoolId, studentId, input.guardianId, input.kind);
  });
  return getStudentCard(ctx, studentId, { log: false });
}
