import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../http/app-error.ts';
import { clearThrottle, reserveAttempt } from './login-throttle.ts';
import { verifyNothing, verifyPassword } from './password.ts';

/** The account whose password is being proven, if the login name has one. */
export interface Claimant {
  id: number;
  login: string;
  passwordHash: string;
  schoolId: number | null;
}

/**
 * Checks a password under the login throttle: refused with 429 while the name is locked, counted
 * before the check, forgotten on success. Unknown names cost the same time as known ones. The lock
 * of an account is audited.
 */
export async function provePassword(
  ctx: Ctx,
  login: string,
  account: Claimant | undefined,
  password: string,
): Promise<boolean> {
  const now = new Date();
  const attempt = await ctx.db.transaction().execute((trx) => reserveAttempt(trx, login, now));
  if (attempt.locked) {
    const minutes = Math.ceil((attempt.locked.getTime() - now.getTime()) / 60_000);
    throw new AppError('locked', 'locked', { minutes });
  }
  const valid = account
    ? await verifyPassword(account.passwordHash, password)
    : await verifyNothing(password);
  if (valid) {
    await clearThrottle(ctx.db, login);
    return true;
  }
  if (attempt.locksNow && account) {
    await ctx.db.transaction().execute((trx) =>
      recordAudit(trx, ctx, {
        schoolId: account.schoolId,
        action: 'account.locked',
        entity: 'account',
        entityId: account.id,
        after: { failedLogins: attempt.failures, lockedUntil: attempt.locksNow },
      }),
    );
  }
  return false;
}
