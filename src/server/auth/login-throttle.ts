import { freeAttempts, lockSeconds, maxLockSeconds } from '../../domain/lockout.ts';
import type { Db } from '../access/actor.ts';
import { lockForTransaction } from '../db/locks.ts';

/** An attempt to prove a password: refused while locked, otherwise counted before the check. */
export type Attempt = { locked: Date } | { locked: null; failures: number; locksNow: string | null };

/** Failures older than this start the count afresh. */
const forgetAfterMs = 2 * maxLockSeconds * 1000;

/**
 * Counts an attempt for a login name *before* its password is checked, one attempt at a time per
 * name, so that parallel guesses cannot all slip in before the lock: the fifth attempt in a row
 * sets the lock, and its own success lifts it again (`clearThrottle`). Names with and without an
 * account are treated alike. Call inside a transaction.
 */
export async function reserveAttempt(trx: Db, login: string, now: Date): Promise<Attempt> {
  const key = login.toLowerCase();
  await lockForTransaction(trx, `login:${key}`);
  const row = await trx
    .selectFrom('loginThrottles')
    .select(['failures', 'lockedUntil', 'updatedAt'])
    .where('login', '=', key)
    .executeTakeFirst();
  if (row?.lockedUntil && new Date(row.lockedUntil) > now) return { locked: new Date(row.lockedUntil) };
  const stale = !row || now.getTime() - new Date(row.updatedAt).getTime() > forgetAfterMs;
  const failures = (stale ? 0 : row.failures) + 1;
  const locksNow =
    failures >= freeAttempts ? new Date(now.getTime() + lockSeconds(failures) * 1000).toISOString() : null;
  const values = { failures, lockedUntil: locksNow, updatedAt: now.toISOString() };
  await trx
    .insertInto('loginThrottles')
    .values({ login: key, ...values })
    .onConflict((oc) => oc.column('login').doUpdateSet(values))
    .execute();
  await trx
    .deleteFrom('loginThrottles')
    .where('updatedAt', '<', new Date(now.getTime() - forgetAfterMs).toISOString())
    .execute();
  return { locked: null, failures, locksNow };
}

/** Forgets the attempts of a login (after a proven password or a password reset). */
export async function clearThrottle(db: Db, login: string): Promise<void> {
  await db.deleteFrom('loginThrottles').where('login', '=', login.toLowerCase()).execute();
}
