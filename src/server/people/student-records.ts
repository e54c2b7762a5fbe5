import type { Transaction } from 'kysely';
import { russianSortKey } from '../../domain/russian-order.ts';
import { addDays } from '../../domain/school-days.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { lockForTransaction } from '../db/locks.ts';
import type { DB, GuardianKind } from '../db/schema.ts';
import { AppError } from '../http/app-error.ts';
import { saveGuardian } from './guardian-records.ts';
import { changed, laterOf, pick } from './record-helpers.ts';

/**
 * Holds the school's student records until the transaction ends (PostgreSQL; SQLite writes one at
 * a time anyway): file-number checks and personal-file inserts sent at once then run in turn
 * instead of breaking the unique keys.
 */
export function lockStudentRecords(trx: Transaction<DB>, schoolId: number): Promise<void> {
  return lockForTransaction(trx, `student-records:${schoolId}`);
}

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
