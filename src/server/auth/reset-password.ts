import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../http/app-error.ts';
import { endSessionsOfAccount, findAccountByLogin } from './auth.queries.ts';
import { clearThrottle } from './login-throttle.ts';
import { hashPassword } from './password.ts';
import { resetTwoFactor } from './two-factor-reset.ts';

/**
 * Issues a new temporary password: the lock is lifted, every session of the account ends, its
 * two-factor login is switched off (a lost phone), and the person must choose their own password
 * at the next login. `twoFactorReset` tells whether two-factor login was on.
 */
export async function resetPassword(
  ctx: Ctx,
  input: { login: string; password: string },
): Promise<{ twoFactorReset: boolean }> {
  const account = await findAccountByLogin(ctx.db, input.login);
  if (!account) throw new AppError('not_found', 'notFound');
  const passwordHash = await hashPassword(input.password);
  const at = new Date().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('accounts')
      .set({ passwordHash, passwordChangedAt: null })
      .where('id', '=', account.id)
      .execute();
    await endSessionsOfAccount(trx, account.id, at, 'password_reset');
    await clearThrottle(trx, account.login);
    // The only administrator who lost the phone and the recovery codes has no one to reissue
    // their access: the server's operator, resetting the password, clears the second factor too.
    const twoFactorReset = await resetTwoFactor(trx, ctx, { id: account.id, schoolId: account.schoolId });
    await recordAudit(trx, ctx, {
      schoolId: account.schoolId,
      action: 'account.password_reset',
      entity: 'account',
      entityId: account.id,
      after: { twoFactorReset },
    });
    return { twoFactorReset };
  });
}
