import type { Kysely, Transaction } from 'kysely';
import { russianSortKey } from '../../domain/russian-order.ts';
import { systemCtx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { DB } from '../db/schema.ts';
import { chunks } from './batches.ts';
import { seededFaker } from './names.ts';
import { PeopleBuilder } from './people.ts';
import { addStaff } from './staff.ts';

/** A district to create, with the login of its inspector (role `district`). */
export interface DistrictSpec {
  name: string;
  login: string;
  seed: number;
  startYear: number;
  passwordHash: string;
  now: string;
}

/** Creates a district and its inspector with an account and the audit event, in the caller's transaction. */
export async function writeDistrict(
  trx: Transaction<DB>,
  spec: DistrictSpec,
): Promise<{ districtId: number; personId: number }> {
  const faker = seededFaker(spec.seed);
  const people = new PeopleBuilder(faker, '');
  const inspector = people.get(addStaff(people, faker, spec.startYear, ['district'], 0.7, [35, 60]));
  const { id: districtId } = await trx
    .insertInto('districts')
    .values({ name: spec.name })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { roles: _roles, login: _login, ...p } = inspector;
  const { id: personId } = await trx
    .insertInto('persons')
    .values({
      ...p,
      schoolId: null,
      sortKey: russianSortKey(p.lastName, p.firstName, p.middleName),
      archivedAt: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('accounts')
    .values({ personId, login: spec.login, passwordHash: spec.passwordHash, passwordChangedAt: spec.now })
    .execute();
  await trx
    .insertInto('roleAssignments')
    .values({ personId, schoolId: null, districtId, role: 'district', revokedAt: null })
    .execute();
  await recordAudit(trx, systemCtx(trx), {
    schoolId: null,
    action: 'seed.district',
    entity: 'district',
    entityId: districtId,
    after: { name: spec.name },
  });
  return { districtId, personId };
}

/** Fails with a clear message when any of the logins is already taken (seeding twice). */
export async function assertLoginsFree(db: Kysely<DB>, logins: readonly string[]): Promise<void> {
  for (const batch of chunks(logins)) {
    const taken = await db
      .selectFrom('accounts')
      .select('login')
      .where('login', 'in', batch)
      .limit(1)
      .execute();
    const first = taken[0];
    if (first) {
      throw new Error(`Логин «${first.login}» уже занят: демонстрационные данные уже есть в этой базе`);
    }
  }
}
