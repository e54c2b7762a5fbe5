import type { Transaction } from 'kysely';
import { russianSortKey } from '../../domain/russian-order.ts';
import { addDays } from '../../domain/school-days.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { DB, GuardianKind } from '../db/schema.ts';
import { AppError } from '../http/app-error.ts';
import { phoneKey } from './phone.ts';

/** A student's personal data as an import (or a form) supplies it. */
export interface StudentRecordInput {
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string | null;
  sex: 'm' | 'f' | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  fileNumber: string;
  healthGroup: string | null;
  peGroup: string | null;
  arrivedOn: string | null;
  arrivalOrder: string | null;
}

/** A parent or legal representative of the student, as an import supplies them. */
export interface GuardianRecordInput {
  lastName: string;
  firstName: string;
  middleName: string;
  kind: GuardianKind;
  phone: string | null;
  extraPhone: string | null;
  email: string | null;
  workplace: string | null;
  consentGivenOn: string | null;
}

type Outcome = 'created' | 'updated' | 'unchanged';

const personKeys = [
  'lastName',
  'firstName',
  'middleName',
  'birthDate',
  'sex',
  'address',
  'phone',
  'email',
] as const;
const profileKeys = ['healthGroup', 'peGroup', 'arrivedOn', 'arrivalOrder'] as const;
const guardianKeys = ['phone', 'extraPhone', 'email', 'workplace'] as const;

/** The fields of `input` that differ from `stored`; a null input leaves the stored value alone. */
function changed<T, K extends keyof T & string>(
  keys: readonly K[],
  stored: { [k in K]: unknown },
  input: T,
): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) {
    const value = input[k];
    if (value === null) continue;
    if ((stored[k] ?? null) !== (value ?? null)) out[k] = value;
  }
  return out;
}

/** The later of two dates 'YYYY-MM-DD'. */
export function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

function pick<K extends string>(row: Record<K, unknown>, keys: K[]): Partial<Record<K, unknown>> {
  return Object.fromEntries(keys.map((k) => [k, row[k] ?? null])) as Partial<Record<K, unknown>>;
}

/** The whole-class group of a class in the school, with the start of its year. */
async function classGroupOf(trx: Db, schoolId: number, classId: number) {
  const group = await trx
    .selectFrom('groups')
    .innerJoin('academicYears', 'academicYears.id', 'groups.academicYearId')
    .select(['groups.id', 'academicYears.startsOn'])
    .where('groups.schoolId', '=', schoolId)
    .where('groups.classId', '=', classId)
    .where('groups.kind', '=', 'class')
    .where('groups.archivedAt', 'is', null)
    .executeTakeFirst();
  if (!group) throw new AppError('not_found', 'notFound');
  return group;
}

/**
 * Puts the student into the class group unless they are in it already (from today on); other
 * open whole-class memberships end the day before. Returns whether anything was written.
 */
async function ensureMembership(
  trx: Db,
  ctx: Ctx,
  schoolId: number,
  studentId: number,
  group: { id: number; startsOn: string },
  startsOn: string,
): Promise<boolean> {
  const on = today();
  const open = await trx
    .selectFrom('groupMemberships')
    .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
    .select(['groupMemberships.id', 'groupMemberships.groupId', 'groupMemberships.startsOn'])
    .where('groupMemberships.studentId', '=', studentId)
    .where('groups.kind', '=', 'class')
    .where((eb) =>
      eb.or([eb('groupMemberships.endsOn', 'is', null), eb('groupMemberships.endsOn', '>=', on)]),
    )
    .execute();
  if (open.some((m) => m.groupId === group.id)) return false;
  for (const m of open) {
    const endsOn = laterOf(addDays(startsOn, -1), m.startsOn);
    await trx.updateTable('groupMemberships').set({ endsOn }).where('id', '=', m.id).execute();
  }
  await trx
    .insertInto('groupMemberships')
    .values({ schoolId, groupId: group.id, studentId, startsOn })
    .execute();
  await recordAudit(trx, ctx, {
    schoolId,
    action: 'student.enrolled',
    entity: 'person',
    entityId: studentId,
    before: open.length ? { groupIds: open.map((m) => m.groupId) } : undefined,
    after: { groupId: group.id, startsOn },
  });
  return true;
}

/** Finds the guardian this input means, or creates them; links them to the student. Returns whether it wrote. */
async function saveGuardian(
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
    .select([
      'persons.id',
      'guardianships.id as linkId',
      'guardianships.kind',
      ...guardianKeys.map((k) => `persons.${k}` as const),
    ])
    .where('guardianships.studentId', '=', studentId)
    .where('guardianships.archivedAt', 'is', null)
    .where('persons.sortKey', '=', sortKey)
    .executeTakeFirst();
  let guardianId: number;
  if (own) {
    guardianId = own.id;
    const change = changed(guardianKeys, own, input);
    if (Object.keys(change).length) {
      await trx.updateTable('persons').set(change).where('id', '=', own.id).execute();
      await recordAudit(trx, ctx, {
        schoolId,
        action: 'guardian.updated',
        entity: 'person',
        entityId: own.id,
        before: pick(own, Object.keys(change) as (typeof guardianKeys)[number][]),
        after: change,
      });
      wrote = true;
    }
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
    guardianId =
      (await findSchoolParent(trx, schoolId, sortKey, input)) ??
      (await createParent(trx, ctx, schoolId, input));
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

/** A parent already in the school with the same full name and the same phone or e-mail. */
export async function findSchoolParent(
  trx: Db,
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
  const match = candidates.find(
    (c) =>
      [phoneKey(c.phone), phoneKey(c.extraPhone)].some((p) => p !== null && phones.has(p)) ||
      (email !== null && c.email?.trim().toLowerCase() === email),
  );
  return match?.id ?? null;
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

/**
 * Creates or updates a student (matched by personal file number in the school) with their class
 * membership and guardians, audited, inside the caller's transaction; no change ⇒ no write and no
 * audit event. A null field of the input leaves the stored value as it is; guardians missing from
 * the input stay linked; a student who has departed is not put back into the class.
 */
export async function saveStudentRecord(
  trx: Transaction<DB>,
  ctx: Ctx,
  input: { schoolId: number; classId: number; student: StudentRecordInput; guardians: GuardianRecordInput[] },
): Promise<{ studentId: number; outcome: Outcome }> {
  const { schoolId, student } = input;
  const group = await classGroupOf(trx, schoolId, input.classId);
  const fileNumber = student.fileNumber.trim();
  const existing = await trx
    .selectFrom('studentProfiles')
    .innerJoin('persons', 'persons.id', 'studentProfiles.personId')
    .selectAll('studentProfiles')
    .select(personKeys.map((k) => `persons.${k}` as const))
    .where('studentProfiles.schoolId', '=', schoolId)
    .where('studentProfiles.fileNumber', '=', fileNumber)
    .executeTakeFirst();
  let studentId: number;
  let outcome: Outcome = 'unchanged';
  if (existing) {
    studentId = existing.personId;
    const personChange = changed(personKeys, existing, student);
    const profileChange = changed(profileKeys, existing, student);
    if (Object.keys(personChange).length) {
      const set = { ...personChange } as Record<string, unknown>;
      if ('lastName' in set || 'firstName' in set || 'middleName' in set) {
        const merged = { ...existing, ...set } as { lastName: string; firstName: string; middleName: string };
        set.sortKey = russianSortKey(merged.lastName, merged.firstName, merged.middleName);
      }
      await trx.updateTable('persons').set(set).where('id', '=', studentId).execute();
    }
    if (Object.keys(profileChange).length)
      await trx.updateTable('studentProfiles').set(profileChange).where('personId', '=', studentId).execute();
    if (Object.keys(personChange).length || Object.keys(profileChange).length) {
      const keys = [...Object.keys(personChange), ...Object.keys(profileChange)];
      await recordAudit(trx, ctx, {
        schoolId,
        action: 'student.updated',
        entity: 'person',
        entityId: studentId,
        before: Object.fromEntries(keys.map((k) => [k, (existing as Record<string, unknown>)[k] ?? null])),
        after: { ...personChange, ...profileChange },
      });
      outcome = 'updated';
    }
    if (existing.departedOn === null) {
      const arrived = student.arrivedOn && student.arrivedOn > group.startsOn ? student.arrivedOn : null;
      if (await ensureMembership(trx, ctx, schoolId, studentId, group, arrived ?? today()))
        outcome = 'updated';
    }
  } else {
    studentId = await createStudent(trx, ctx, schoolId, { ...student, fileNumber });
    const startsOn = student.arrivedOn ? laterOf(student.arrivedOn, group.startsOn) : today();
    await ensureMembership(trx, ctx, schoolId, studentId, group, startsOn);
    outcome = 'created';
  }
  for (const guardian of input.guardians) {
    if ((await saveGuardian(trx, ctx, schoolId, studentId, guardian)) && outcome === 'unchanged')
      outcome = 'updated';
  }
  return { studentId, outcome };
}

/** A new student: the person, the `student` role (no account) and the personal file, audited. */
export async function createStudent(
  trx: Db,
  ctx: Ctx,
  schoolId: number,
  student: StudentRecordInput,
): Promise<number> {
  const taken = await trx
    .selectFrom('studentProfiles')
    .select('personId')
    .where('schoolId', '=', schoolId)
    .where('fileNumber', '=', student.fileNumber)
    .executeTakeFirst();
  if (taken)
    throw new AppError('conflict', 'peopleFileNumberTaken', {}, { fileNumber: 'peopleFileNumberTaken' });
  const { id } = await trx
    .insertInto('persons')
    .values({
      schoolId,
      ...pick(student, [...personKeys]),
      sortKey: russianSortKey(student.lastName, student.firstName, student.middleName),
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('roleAssignments')
    .values({ personId: id, role: 'student', schoolId, districtId: null })
    .execute();
  await trx
    .insertInto('studentProfiles')
    .values({
      personId: id,
      schoolId,
      fileNumber: student.fileNumber,
      healthGroup: student.healthGroup,
      peGroup: student.peGroup,
      arrivedOn: student.arrivedOn,
      arrivalOrder: student.arrivalOrder,
      departedOn: null,
      departureOrder: null,
    })
    .execute();
  await recordAudit(trx, ctx, {
    schoolId,
    action: 'student.created',
    entity: 'person',
    entityId: id,
    after: { ...student, roles: ['student'] },
  });
  return id;
}
