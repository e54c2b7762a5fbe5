import type { Db } from '../access/actor.ts';

/** An account's TOTP row (pending or enabled), if any. */
export function twoFactorOf(db: Db, accountId: number) {
  return db
    .selectFrom('twoFactor')
    .select(['secret', 'enabledAt', 'lastStep'])
    .where('accountId', '=', accountId)
    .executeTakeFirst();
}

/** Stores a new pending secret for an account, replacing an earlier pending one. */
export async function savePendingSecret(db: Db, accountId: number, secret: string): Promise<void> {
  // Only a secret not yet confirmed is replaced: a confirmation that landed meanwhile stays.
  await db
    .deleteFrom('twoFactor')
    .where('accountId', '=', accountId)
    .where('enabledAt', 'is', null)
    .execute();
  await db
    .insertInto('twoFactor')
    .values({ accountId, secret })
    .onConflict((oc) => oc.column('accountId').doNothing())
    .execute();
}

/**
 * Remembers the step a code was accepted at; false when another request already used this step
 * or a later one (the same code sent twice at once is accepted only once).
 */
export async function claimStep(
  db: Db,
  accountId: number,
  step: number,
  enabledAt?: string,
): Promise<boolean> {
  const result = await db
    .updateTable('twoFactor')
    .set(enabledAt ? { lastStep: step, enabledAt } : { lastStep: step })
    .where('accountId', '=', accountId)
    .where((eb) => eb.or([eb('lastStep', 'is', null), eb('lastStep', '<', step)]))
    // Enabling happens once: a second confirmation at once does not hand out new recovery codes.
    .$if(enabledAt !== undefined, (qb) => qb.where('enabledAt', 'is', null))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces an account's recovery codes with new hashes. */
export async function replaceRecoveryCodes(db: Db, accountId: number, hashes: string[]): Promise<void> {
  await db.deleteFrom('recoveryCodes').where('accountId', '=', accountId).execute();
  await db
    .insertInto('recoveryCodes')
    .values(hashes.map((codeHash) => ({ accountId, codeHash })))
    .execute();
}

/** Marks an unused recovery code used; false when there is no such unused code. */
export async function spendRecoveryCode(
  db: Db,
  accountId: number,
  codeHash: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('recoveryCodes')
    .set({ usedAt: at })
    .where('accountId', '=', accountId)
    .where('codeHash', '=', codeHash)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How many recovery codes an account has left. */
export async function recoveryCodesLeft(db: Db, accountId: number): Promise<number> {
  const row = await db
    .selectFrom('recoveryCodes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('accountId', '=', accountId)
    .where('usedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Removes an account's secret, recovery codes and pending login steps. */
export async function removeTwoFactor(db: Db, accountId: number): Promise<void> {
  await db.deleteFrom('twoFactorChallenges').where('accountId', '=', accountId).execute();
  await db.deleteFrom('recoveryCodes').where('accountId', '=', accountId).execute();
  await db.deleteFrom('twoFactor').where('accountId', '=', accountId).execute();
}

/** Stores a pending login step (expired ones are swept at the same time). */
export async function saveChallenge(
  db: Db,
  row: { id: string; accountId: number; purpose: 'code' | 'enroll'; expiresAt: string },
  now: string,
): Promise<void> {
  await db.deleteFrom('twoFactorChallenges').where('expiresAt', '<', now).execute();
  await db.insertInto('twoFactorChallenges').values(row).execute();
}

/** A pending login step that has not expired. */
export function liveChallenge(db: Db, id: string, now: string) {
  return db
    .selectFrom('twoFactorChallenges')
    .select(['accountId', 'purpose'])
    .where('id', '=', id)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
}

/** Ends a pending login step. */
export async function endChallenge(db: Db, id: string): Promise<void> {
  await db.deleteFrom('twoFactorChallenges').where('id', '=', id).execute();
}
