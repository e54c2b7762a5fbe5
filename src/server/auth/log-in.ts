import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../http/app-error.ts';
import { findAccountByLogin } from './auth.queries.ts';
import { clearThrottle, countFailure, lockedUntil } from './login-throttle.ts';
import { openSession } from './open-session.ts';
import { verifyNothing, verifyPassword } from './password.ts';

/** What a successful login hands to the HTTP layer: the cookie token. */
export interface LoginResult {
  token: string;
  accountId: number;
}

/**
 * Checks a login and password and opens a server-side session. Five failures in a row lock the
 * login name for a growing time, whether or not an account has it, and unknown logins take as
 * long as known ones: neither the lock nor the timing tells which logins exist.
 */
export async function logIn(
  ctx: Ctx,
  input: { login: string; password: string; userAgent: string | null },
): Promise<LoginResult> {
  const now = new Date();
  const until = await lockedUntil(ctx.db, input.login, now);
  if (until) {
    throw new AppError('locked', 'locked', {
      minutes: Math.ceil((until.getTime() - now.getTime()) / 60_000),
    });
  }
  const account = await findAccountByLogin(ctx.db, input.login);
  const valid = account
    ? await verifyPassword(account.passwordHash, input.password)
    : await verifyNothing(input.password).then(() => false);
  if (!account || !valid) {
    await ctx.db.transaction().execute(async (trx) => {
      const failure = await countFailure(trx, input.login, now);
      if (failure.lockedUntil && account) {
        await recordAudit(trx, ctx, {
          schoolId: account.schoolId,
          action: 'account.locked',
          entity: 'account',
          entityId: account.id,
          after: { failedLogins: failure.failures, lockedUntil: failure.lockedUntil },
        });
      }
    });
    throw new AppError('unauthenticated', 'badCredentials');
  }
  if (account.disabledAt || account.archivedAt) throw new AppError('unauthenticated', 'accountDisabled');

  const token = await ctx.db.transaction().execute(async (trx) => {
    await clearThrottle(trx, account.login);
    await trx
      .updateTable('accounts')
      .set({ lastLoginAt: now.toISOString() })
      .where('id', '=', account.id)
      .execute();
    return openSession(trx, ctx, account, input.userAgent);
  });
  return { token, accountId: account.id };
}
