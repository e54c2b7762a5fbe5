import { createHash, randomBytes } from 'node:crypto';
import type { TwoFactorMode } from '../../contract/two-factor.ts';
import { isStaffRole } from '../../domain/roles.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../http/app-error.ts';
import { schoolSettingsOf } from '../structure/structure.queries.ts';
import { grantsOf } from './auth.queries.ts';
import { clearThrottle, reserveAttempt } from './login-throttle.ts';
import { base32Encode, matchTotp } from './totp.ts';
import { claimStep, spendRecoveryCode, twoFactorOf } from './two-factor.queries.ts';

/** What the school asks of an account: nothing (families, or switched off), an option, or a must. */
export type TwoFactorDemand = 'none' | TwoFactorMode;

/** The account as the two-factor rules see it. */
export interface TwoFactorAccount {
  id: number;
  personId: number;
  login: string;
  schoolId: number | null;
}

/**
 * Two-factor login is for staff only; a school may switch it off, leave it to each person, or
 * require it of its administrators and directors (other staff may still turn it on).
 */
export async function twoFactorDemand(db: Db, account: TwoFactorAccount): Promise<TwoFactorDemand> {
  const [grants, settings] = await Promise.all([
    grantsOf(db, account.personId),
    schoolSettingsOf(db, account.schoolId),
  ]);
  if (!grants.some((g) => isStaffRole(g.role))) return 'none';
  if (settings.twoFactor !== 'required') return settings.twoFactor;
  return grants.some((g) => g.role === 'admin' || g.role === 'director') ? 'required' : 'optional';
}

/** A recovery code as printed: ten base32 letters in two groups. */
export function newRecoveryCode(): string {
  const text = base32Encode(randomBytes(7)).slice(0, 10).toLowerCase();
  return `${text.slice(0, 5)}-${text.slice(5)}`;
}

/** The stored hash of a recovery code; case, spaces and dashes do not matter. */
export function recoveryCodeHash(code: string): string {
  return createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, '')).digest('base64url');
}

/**
 * The throttle key of an account's codes: failed codes are counted and locked like failed
 * passwords (`login-throttle.ts`), under a key no typed login can take (logins hold no control
 * characters), so that a proven password does not wipe the count of wrong codes.
 */
const throttleKey = (accountId: number) => `\u001ftwo-factor:${accountId}`;

/** A code to check: from the app, or a recovery code. */
export type SecondFactor = { code: string } | { recoveryCode: string };

/**
 * Checks a code from the app (against `secret`, never a step used before) or an unused recovery
 * code, under the login throttle: refused with 429 while locked, each failure counted, the count
 * forgotten on success. With `enabling`, the secret is switched on by the same write.
 */
export async function proveSecondFactor(
  ctx: Ctx,
  account: TwoFactorAccount,
  factor: SecondFactor,
  enabling?: string,
): Promise<boolean> {
  const now = new Date();
  const key = throttleKey(account.id);
  const attempt = await ctx.db.transaction().execute((trx) => reserveAttempt(trx, key, now));
  if (attempt.locked) {
    const minutes = Math.ceil((attempt.locked.getTime() - now.getTime()) / 60_000);
    throw new AppError('locked', 'locked', { minutes });
  }
  let valid = false;
  if ('code' in factor) {
    const row = await twoFactorOf(ctx.db, account.id);
    const step = row ? matchTotp(row.secret, factor.code, now.getTime(), row.lastStep) : null;
    valid = step !== null && (await claimStep(ctx.db, account.id, step, enabling));
  } else {
    valid = await spendRecoveryCode(
      ctx.db,
      account.id,
      recoveryCodeHash(factor.recoveryCode),
      now.toISOString(),
    );
  }
  if (valid) {
    await clearThrottle(ctx.db, key);
    return true;
  }
  if (attempt.locksNow) {
    await ctx.db.transaction().execute((trx) =>
      recordAudit(trx, ctx, {
        schoolId: account.schoolId,
        action: 'account.locked',
        entity: 'account',
        entityId: account.id,
        after: { failedCodes: attempt.failures, lockedUntil: attempt.locksNow },
      }),
    );
  }
  return false;
}
