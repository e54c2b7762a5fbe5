import { russianSortKey } from '../../domain/russian-order.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { reachOf, studentScope } from '../access/scopes.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { phoneKey } from './phone.ts';
import { changed, pick } from './record-helpers.ts';
import type { GuardianRecordInput } from './student-records.ts';

const guardianKeys = ['phone', 'extraPhone', 'email', 'workplace'] as const;

/** Brings a known guardian's contacts up to the input (empty input fields keep what is stored). */
async function updateContacts(
  trx: Db,
  ctx: Ctx,
  schoolId: number,
  guardianId: number,
  input: GuardianRecordInput,
): Promise<boolean> {
  const stored = await trx
    .selectFrom('persons')
    .select([...guardianKeys])
    .where('id', '=', guardianId)
    .executeTakeFirstOrThrow();
  const change = changed(guardianKeys, stored, input);
  if (Object.keys(change).length === 0) return false;
  await trx.updateTable('persons').set(change).where('id', '=', guardianId).execute();
  await recordAudit(trx, ctx, {
    schoolId,
    action: 'guardian.updated',
    entity: 'person',
    entityId: guardianId,
    before: pick(stored, Object.keys(change) as (typeof guardianKeys)[number][]),
    after: change,
  });
  return true;
}

/** Finds the guardian this input means, or creates them; links them to the student. Returns whether it wrote. */
export async function saveGuardian(
  trx: Db,
  ctx: Ctx,
  schoolId: number,
  studentId: number,
  input: GuardianRecordInput,
): Promise<boolean> {
  const sortKey = russianSortKey(input.lastName, input.firstName, input.middleName);
  let wrote = false;
  const own = await trx
    .selectFrom('guardianships')
    .innerJoin('persons', 'persons.id', 'guardianships.guardianId')
    .select(['persons.id', 'guardianships.id as linkId', 'guardianships.kind'])
    .where('guardianships.studentId', '=', studentId)
    .where('guardianships.archivedAt', 'is', null)
    .where('persons.sortKey', '=', sortKey)
    .executeTakeFirst();
  let guardianId: number;
  if (own) {
    guardianId = own.id;
    if (await updateContacts(trx, ctx, schoolId, own.id, input)) wrote = true;
    if (own.kind !== input.kind) {
      await trx.updateTable('guardianships').set({ kind: input.kind }).where('id', '=', own.linkId).execute();
      await recordAudit(trx, ctx, {
        schoolId,
        action: 'guardian.kind_changed',
        entity: 'guardianship',
        entityId: own.linkId,
        before: { kind: own.kind },
        after: { kind: input.kind },
      });
      wrote = true;
    }
  } else {
    const known = await findSchoolParent(trx, ctx, schoolId, sortKey, input);
    if (known !== null) await updateContacts(trx, ctx, schoolId, known, input);
    guardianId = known ?? (await createParent(trx, ctx, schoolId, input));
    const link = await trx
      .insertInto('guardianships')
      .values({ schoolId, guardianId, studentId, kind: input.kind })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'guardian.linked',
      entity: 'guardianship',
      entityId: link.id,
      after: { guardianId, studentId, kind: input.kind },
    });
    wrote = true;
  }
  if (
    input.consentGivenOn &&
    (await recordConsentIfMissing(trx, ctx, schoolId, guardianId, input.consentGivenOn))
  )
    wrote = true;
  return wrote;
}

/**
 * Whether the actor may link (and so come to see) an existing parent: the system and school-wide
 * editors may; a class teacher only a parent of a student they already edit (a brother's or
 * sister's parent), never a parent of another class.
 */
export async function parentInReach(
  trx: Db,
  ctx: Ctx,
  schoolId: number,
  guardianId: number,
): Promise<boolean> {
  if (ctx.actor.kind === 'system') return true;
  if (reachOf(ctx.actor, 'student.edit').schoolIds.includes(schoolId)) return true;
  const actor = ctx.actor;
  const row = await trx
    .selectFrom('guardianships')
    .select('guardianships.id')
    .where('guardianships.guardianId', '=', guardianId)
    .where('guardianships.archivedAt', 'is', null)
    .where('guardianships.studentId', 'in', (eb) =>
      eb
        .selectFrom('persons')
        .select('persons.id')
        .where((p) => studentScope(p, actor, 'student.edit')),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * A parent already in the school with the same full name and the same phone or e-mail, whom the
 * actor may link (`parentInReach`); otherwise the caller creates a new person.
 */
export async function findSchoolParent(
  trx: Db,
  ctx: Ctx,
  schoolId: number,
  sortKey: string,
  input: Pick<GuardianRecordInput, 'phone' | 'extraPhone' | 'email'>,
) {
  const phones = new Set([phoneKey(input.phone), phoneKey(input.extraPhone)].filter((p): p is string => !!p));
  const email = input.email?.trim().toLowerCase() || null;
  if (phones.size === 0 && !email) return null;
  const candidates = await trx
    .selectFrom('persons')
    .innerJoin('roleAssignments', 'roleAssignments.personId', 'persons.id')
    .select(['persons.id', 'persons.phone', 'persons.extraPhone', 'persons.email'])
    .where('persons.schoolId', '=', schoolId)
    .where('persons.sortKey', '=', sortKey)
    .where('persons.archivedAt', 'is', null)
    .where('roleAssignments.role', '=', 'parent')
    .where('roleAssignments.revokedAt', 'is', null)
    .orderBy('persons.id')
    .execute();
  for (const c of candidates) {
    const same =
      [phoneKey(c.phone), phoneKey(c.extraPhone)].some((p) => p !== null && phones.has(p)) ||
      (email !== null && c.email?.trim().toLowerCase() === email);
    if (same && (await parentInReach(trx, ctx, schoolId, c.id))) return c.id;
  }
  return null;
}

/** A new person with the `parent` role and no account, audited. */
export async function createParent(
  trx: Db,
  ctx: Ctx,
  schoolId: number,
  input: Omit<GuardianRecordInput, 'kind' | 'consentGivenOn'>,
): Promise<number> {
  const { id } = await trx
    .insertInto('persons')
    .values({
      schoolId,
      lastName: input.lastName,
      firstName: input.firstName,
      middleName: input.middleName,
      sortKey: russianSortKey(input.lastName, input.firstName, input.middleName),
      sex: null,
      phone: input.phone,
      extraPhone: input.extraPhone,
      email: input.email,
      workplace: input.workplace,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('roleAssignments')
    .values({ personId: id, role: 'parent', schoolId, districtId: null })
    .execute();
  await recordAudit(trx, ctx, {
    schoolId,
    action: 'person.created',
    entity: 'person',
    entityId: id,
    after: {
      lastName: input.lastName,
      firstName: input.firstName,
      middleName: input.middleName,
      roles: ['parent'],
      ...pick(input, [...guardianKeys]),
    },
  });
  return id;
}

/** Records a consent given on a date unless the guardian has a current one or one of that date. */
export async function recordConsentIfMissing(
  trx: Db,
  ctx: Ctx,
  schoolId: number,
  guardianId: number,
  givenOn: string,
): Promise<boolean> {
  const existing = await trx
    .selectFrom('consents')
    .select('id')
    .where('guardianId', '=', guardianId)
    .where('schoolId', '=', schoolId)
    .where((eb) => eb.or([eb('withdrawnOn', 'is', null), eb('givenOn', '=', givenOn)]))
    .executeTakeFirst();
  if (existing) return false;
  const { id } = await trx
    .insertInto('consents')
    .values({
      schoolId,
      guardianId,
      givenOn,
      withdrawnOn: null,
      recordedBy: ctx.actor.kind === 'person' ? ctx.actor.personId : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, {
    schoolId,
    action: 'consent.recorded',
    entity: 'consent',
    entityId: id,
    after: { guardianId, givenOn },
  });
  return true;
}
