import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../http/app-error.ts';
import { findAccountById } from './auth.queries.ts';
import { markLocked, markUnlocked } from './lock.queries.ts';
import { provePassword } from './prove-password.ts';

/** The session being locked or unlocked, as the HTTP layer knows it. */
export interface LockTarget {
  sessionId: string;
  accountId: number;
  schoolId: number | null;
}

/** Why a session was locked: the person pressed «Заблокировать», or it sat idle past its timeout. */
export type LockReason = 'manual' | 'idle';

/**
 * Locks a session: it stays alive (the same cookie and CSRF token) but answers nothing but unlock,
 * logout and the person's name until the password is given again. Audited once per lock.
 */
export async function lockSession(ctx: Ctx, target: LockTarget, reason: LockReason): Promise<void> {
  const at = new Date().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await markLocked(trx, target.sessionId, at))) return;
    await recordAudit(trx, ctx, {
      schoolId: target.schoolId,
      action: 'session.locked',
      entity: 'account',
      entityId: target.accountId,
      after: { reason },
    });
  });
}

/**
 * Unlocks the actor's own locked session with the account's password, under the same throttle as
 * login (five failures lock the login name). A second factor is not asked again: the session
 * already passed it at login. Someone else's password never matches, it is this account's.
 */
export async function unlockSession(ctx: Ctx, target: LockTarget, password: string): Promise<void> {
  const account = await findAccountById(ctx.db, target.accountId);
  if (!(await provePassword(ctx, account.login, account, password))) {
    throw new AppError('session_locked', 'unlockWrongPassword');
  }
  const at = new Date().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await markUnlocked(trx, target.sessionId, at))) return;
    await recordAudit(trx, ctx, {
      schoolId: target.schoolId,
      action: 'session.unlocked',
      entity: 'account',
      entityId: target.accountId,
    });
  });
}
