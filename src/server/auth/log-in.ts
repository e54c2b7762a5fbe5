import type { Ctx } from '../access/actor.ts';
import { AppError } from '../http/app-error.ts';
import { endSession, findAccountByLogin } from './auth.queries.ts';
import { openSession } from './open-session.ts';
import { provePassword } from './prove-password.ts';
import { recordSuccessfulSignIn } from './sign-in-history.ts';
import { beginSecondStep, type SecondStep } from './two-factor-login.ts';

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
  input: SessionInput & { login: string; password: string },
): Promise<LoginResult | SecondStep> {
  const account = await findAccountByLogin(ctx.db, input.login);
  if (!(await provePassword(ctx, input.login, account, input.password)) || !account) {
    throw new AppError('unauthenticated', 'badCredentials');
  }
  if (account.disabledAt || account.archivedAt) throw new AppError('unauthenticated', 'accountDisabled');
  // Two-factor login: a code (or adding the app) is due before any session opens.
  const secondStep = await beginSecondStep(ctx, account);
  if (secondStep) return secondStep;
  return openSignedInSession(ctx, account, input);
}

/** What opening a session needs of the request besides the proven account. */
export interface SessionInput {
  userAgent: string | null;
  previousSessionId: string | null;
  /** The browser's `otmetka_device` token: history, known devices, the «new device» letter. */
  deviceToken?: string | null;
}

/** Opens the session of a fully proven login (password, and the second step where one was due). */
export async function openSignedInSession(
  ctx: Ctx,
  account: NonNullable<Awaited<ReturnType<typeof findAccountByLogin>>>,
  input: SessionInput,
): Promise<LoginResult> {
  const now = new Date().toISOString();
  const token = await ctx.db.transaction().execute(async (trx) => {
    // A browser that signs in again leaves no second session of its own behind.
    if (input.previousSessionId) await endSession(trx, input.previousSessionId, now, 'logout');
    await trx.updateTable('accounts').set({ lastLoginAt: now }).where('id', '=', account.id).execute();
    await recordSuccessfulSignIn(trx, ctx, {
      account,
      deviceToken: input.deviceToken ?? null,
      userAgent: input.userAgent,
    });
    return openSession(trx, ctx, account, input.userAgent);
  });
  return { token, accountId: account.id };
}
