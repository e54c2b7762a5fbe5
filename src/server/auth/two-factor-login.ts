import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../http/app-error.ts';
import { findAccountById } from './auth.queries.ts';
import { newToken, sessionIdOf } from './session-token.ts';
import { recordRefusedStep } from './sign-in-history.ts';
import {
  endChallenge,
  liveChallenge,
  recoveryCodesLeft,
  saveChallenge,
  twoFactorOf,
} from './two-factor.queries.ts';
import { enableTwoFactor, issuerOf, startEnrollment } from './two-factor-enroll.ts';
import { proveSecondFactor, type TwoFactorAccount, twoFactorDemand } from './two-factor-rules.ts';

/** How long the second step of a login may take. */
export const secondStepMinutes = 5;

/** A login whose password is proven but that needs a code (or an app added) before it gets a session. */
export interface SecondStep {
  twoFactor: 'code' | 'enroll';
  /** The pending cookie's token; the database keeps only its hash. */
  pendingToken: string;
  enrollment?: { secret: string; uri: string };
}

/**
 * After a proven password: the second step the account owes, or null when it may sign in now.
 * With two-factor login on, a code; required but not yet set up, the app must be added first
 * (a new pending secret), so the account never gets a session without a second factor.
 */
export async function beginSecondStep(ctx: Ctx, account: TwoFactorAccount): Promise<SecondStep | null> {
  const demand = await twoFactorDemand(ctx.db, account);
  if (demand === 'none' || demand === 'off') return null;
  const enabled = Boolean((await twoFactorOf(ctx.db, account.id))?.enabledAt);
  if (!enabled && demand !== 'required') return null;
  const pendingToken = newToken();
  const now = new Date();
  const enrollment = enabled
    ? undefined
    : await startEnrollment(ctx.db, account, await issuerOf(ctx.db, account.schoolId));
  await saveChallenge(
    ctx.db,
    {
      id: sessionIdOf(pendingToken),
      accountId: account.id,
      purpose: enabled ? 'code' : 'enroll',
      expiresAt: new Date(now.getTime() + secondStepMinutes * 60_000).toISOString(),
    },
    now.toISOString(),
  );
  return enabled ? { twoFactor: 'code', pendingToken } : { twoFactor: 'enroll', pendingToken, enrollment };
}

/**
 * The second step: a code from the app or a recovery code (an app being added takes its first
 * code and hands out the recovery codes). Wrong codes count towards the login throttle; the
 * pending step ends on success. Returns the account to open the session for.
 */
export async function finishSecondStep(
  ctx: Ctx,
  pendingToken: string | undefined,
  factor: { code?: string | undefined; recoveryCode?: string | undefined },
  userAgent: string | null,
) {
  const challengeId = pendingToken ? sessionIdOf(pendingToken) : '';
  const challenge = pendingToken
    ? await liveChallenge(ctx.db, challengeId, new Date().toISOString())
    : undefined;
  if (!challenge) throw new AppError('unauthenticated', 'twoFactorExpired');
  const account = await findAccountById(ctx.db, challenge.accountId);
  if (account.disabledAt || account.archivedAt) throw new AppError('unauthenticated', 'accountDisabled');
  let recoveryCodes: string[] | undefined;
  if (challenge.purpose === 'enroll') {
    if (!factor.code)
      throw new AppError('validation', 'twoFactorCodeMissing', {}, { code: 'twoFactorCodeMissing' });
    recoveryCodes = await enableTwoFactor(ctx, account, factor.code);
  } else if (factor.code) {
    if (!(await proveSecondFactor(ctx, account, { code: factor.code }))) {
      await recordRefusedStep(ctx, account, 'badCode', userAgent);
      throw new AppError('unauthenticated', 'twoFactorBadCode');
    }
  } else if (factor.recoveryCode) {
    if (!(await proveSecondFactor(ctx, account, { recoveryCode: factor.recoveryCode }))) {
      await recordRefusedStep(ctx, account, 'badCode', userAgent);
      throw new AppError('unauthenticated', 'twoFactorBadRecoveryCode');
    }
    const left = await recoveryCodesLeft(ctx.db, account.id);
    await ctx.db.transaction().execute((trx) =>
      recordAudit(trx, ctx, {
        schoolId: account.schoolId,
        action: 'account.twoFactor.recoveryCodeUsed',
        entity: 'account',
        entityId: account.id,
        after: { recoveryCodesLeft: left },
      }),
    );
  } else {
    throw new AppError('validation', 'twoFactorCodeMissing', {}, { code: 'twoFactorCodeMissing' });
  }
  await endChallenge(ctx.db, challengeId);
  return { account, recoveryCodes };
}
