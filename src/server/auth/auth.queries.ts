import type { Role } from '../../domain/roles.ts';
import type { Db, RoleGrant } from '../access/actor.ts';
import { compiledOnce } from '../db/database.ts';
import type { SessionEndReason } from '../db/schema.ts';

/** Accounts with what login and password checks need of their person. */
function accounts(db: Db) {
  return db
    .selectFrom('accounts')
    .innerJoin('persons', 'persons.id', 'accounts.personId')
    .select([
      'accounts.id',
      'accounts.personId',
      'accounts.login',
      'accounts.passwordHash',
      'accounts.passwordChangedAt',
      'accounts.disabledAt',
      'persons.schoolId',
      'persons.archivedAt',
    ]);
}

/** The account behind a login (case-insensitive), with its person's school. */
export function findAccountByLogin(db: Db, login: string) {
  return accounts(db).where('accounts.login', '=', login.toLowerCase()).executeTakeFirst();
}

/** An account with its person and school, by id. */
export function findAccountById(db: Db, accountId: number) {
  return accounts(db).where('accounts.id', '=', accountId).executeTakeFirstOrThrow();
}

/** The live roles of a person. */
export async function grantsOf(db: Db, personId: number): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom('roleAssignments')
    .select(['role', 'schoolId', 'districtId'])
    .where('personId', '=', personId)
    .where('revokedAt', 'is', null)
    .execute();
  return rows.map((r) => ({ role: r.role as Role, schoolId: r.schoolId, districtId: r.districtId }));
}

/** The session lookup of every request, compiled once. */
const sessionQuery = compiledOnce((db: Db, sessionId: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.accountId')
    .innerJoin('persons', 'persons.id', 'accounts.personId')
    .leftJoin('roleAssignments', (join) =>
      join.onRef('roleAssignments.personId', '=', 'persons.id').on('roleAssignments.revokedAt', 'is', null),
    )
    .select([
      'roleAssignments.role',
      'roleAssignments.schoolId',
      'roleAssignments.districtId',
      'persons.lastName',
      'persons.firstName',
      'persons.middleName',
      'persons.archivedAt',
      'sessions.id',
      'sessions.csrfToken',
      'sessions.lastSeenAt',
      'sessions.idleTimeoutMinutes',
      'accounts.id as accountId',
      'accounts.personId',
      'accounts.login',
      'accounts.passwordChangedAt',
      'accounts.disabledAt',
      'sessions.endedAt',
      'sessions.endReason',
      'sessions.lockedAt',
      'persons.schoolId as personSchoolId',
    ])
    .where('sessions.id', '=', sessionId),
);

/**
 * A session (live or ended) with its account, person and live roles, by the hash of the cookie
 * token: one round trip for every request. Empty when there is no such session.
 */
export async function findSession(db: Db, sessionId: string) {
  const rows = await sessionQuery(db, sessionId);
  const [first] = rows;
  if (!first) return undefined;
  const grants: RoleGrant[] = rows
    .filter((r) => r.role !== null)
    .map((r) => ({ role: r.role as Role, schoolId: r.schoolId, districtId: r.districtId }));
  const { role: _role, schoolId: _school, districtId: _district, ...session } = first;
  return { ...session, grants };
}

/** Ends a session. */
export async function endSession(
  db: Db,
  sessionId: string,
  at: string,
  reason: SessionEndReason,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ endedAt: at, endReason: reason })
    .where('id', '=', sessionId)
    .where('endedAt', 'is', null)
    .execute();
}

/** Ends every live session of an account. */
export async function endSessionsOfAccount(db: Db, accountId: number, at: string, reason: SessionEndReason) {
  await db
    .updateTable('sessions')
    .set({ endedAt: at, endReason: reason })
    .where('accountId', '=', accountId)
    .where('endedAt', 'is', null)
    .execute();
}

/** Notes activity on a session (callers throttle this). */
export async function touchSession(db: Db, sessionId: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ lastSeenAt: at }).where('id', '=', sessionId).execute();
}
