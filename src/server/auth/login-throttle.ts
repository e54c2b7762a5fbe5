import { lockSeconds } from '../../domain/lockout.ts';
import type { Db } from '../access/actor.ts';

/** When the login is locked until, if it is locked now. */
export async function lockedUntil(db: Db, login: string, now: Date): Promise<Date | null> {
  const row = await db
    .selectFrom('loginThrottles')
    .select('lockedUntil')
    .where('login', '=', login.toLowerCase())
    .executeTakeFirst();
  const until = row?.lockedUntil ? new Date(row.lockedUntil) : null;
  return until && until > now ? until : null;
}

/** Counts one more failure in a row for the login; returns the count and any new lock. */
export async function countFailure(
  trx: Db,
  login: string,
  now: Date,
): Promise<{ failures: number; lockedUntil: string | null }> {
  const key = login.toLowerCase();
  const at = now.toISOString();
  const { failures } = await trx
    .insertInto('loginThrottles')
    .values({ login: key, failures: 1, lockedUntil: null, updatedAt: at })
    .onConflict((oc) =>
      oc
        .column('login')
        .doUpdateSet((eb) => ({ failures: eb('loginThrottles.failures', '+', 1), updatedAt: at })),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const lock = lockSeconds(failures);
  if (lock === 0) return { failures, lockedUntil: null };
  const lockedUntil = new Date(now.getTime() + lock * 1000).toISOString();
  await trx.updateTable('loginThrottles').set({ lockedUntil }).where('login', '=', key).execute();
  return { failures, lockedUntil };
}

/** Forgets the failures of a login (after a successful login or a password reset). */
export async function clearThrottle(db: Db, login: string): Promise<void> {
  await db.deleteFrom('loginThrottles').where('login', '=', login.toLowerCase()).execute();
}
