import type { Role } from '../../domain/roles.ts';
import { russianSortKey } from '../../domain/russian-order.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../http/app-error.ts';

/** A new person with roles and, optionally, an account. */
export interface NewPersonInput {
  schoolId: number | null;
  districtId?: number | null;
  lastName: string;
  firstName: string;
  middleName: string;
  roles: Role[];
  account?: { login: string; passwordHash: string; mustChangePassword: boolean };
}

/** Creates a person, their roles and account inside the caller's transaction, audited. */
export async function createPerson(trx: Db, ctx: Ctx, input: NewPersonInput): Promise<number> {
  if (input.account) {
    const taken = await trx
      .selectFrom('accounts')
      .select('id')
      .where('login', '=', input.account.login.toLowerCase())
      .executeTakeFirst();
    if (taken) throw new AppError('conflict', 'loginTaken', {}, { login: 'loginTaken' });
  }
  const { id } = await trx
    .insertInto('persons')
    .values({
      schoolId: input.schoolId,
      lastName: input.lastName,
      firstName: input.firstName,
      middleName: input.middleName,
      sortKey: russianSortKey(input.lastName, input.firstName, input.middleName),
      sex: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const role of input.roles) {
    const district = role === 'district';
    await trx
      .insertInto('roleAssignments')
      .values({
        personId: id,
        role,
        schoolId: district ? null : input.schoolId,
        districtId: district ? (input.districtId ?? null) : null,
      })
      .execute();
  }
  if (input.account) {
    await trx
      .insertInto('accounts')
      .values({
        personId: id,
        login: input.account.login.toLowerCase(),
        passwordHash: input.account.passwordHash,
        passwordChangedAt: input.account.mustChangePassword ? null : new Date().toISOString(),
      })
      .execute();
  }
  await recordAudit(trx, ctx, {
    schoolId: input.schoolId,
    action: 'person.created',
    entity: 'person',
    entityId: id,
    after: {
      lastName: input.lastName,
      firstName: input.firstName,
      middleName: input.middleName,
      roles: input.roles,
      login: input.account?.login.toLowerCase() ?? null,
    },
  });
  return id;
}
