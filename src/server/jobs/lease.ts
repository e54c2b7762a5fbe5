import { randomBytes } from 'node:crypto';
import type { Db } from '../access/actor.ts';

/** This process's name as a lease holder: random, so two processes on one host never share it. */
export const processHolder = `${process.pid}-${randomBytes(6).toString('hex')}`;

/**
 * Takes or renews the named lease for `holder` until `seconds` from `now`; whether it holds it
 * now. One statement: it is taken when nobody has it, when it has run out, or when `holder`
 * already has it (then it is renewed); otherwise it stays with its holder. Two processes asking
 * at once get one lease between them: PostgreSQL makes the second wait for the first's row and
 * then re-checks the condition; SQLite has one writer at a time.
 */
export async function claimLease(
  db: Db,
  name: string,
  holder: string,
  seconds: number,
  now: Date = new Date(),
): Promise<boolean> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + seconds * 1000).toISOString();
  const row = await db
    .insertInto('leases')
    .values({ name, holder, until })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder, until })
        .where((w) => w.or([w('leases.holder', '=', holder), w('leases.until', '<=', at)])),
    )
    .returning('holder')
    .executeTakeFirst();
  return row?.holder === holder;
}

/** Gives the lease back if `holder` has it, so that the next process need not wait for it to run out. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
}
