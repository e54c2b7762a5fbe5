import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../http/app-error.ts';
import { endSessionsOfAccount, findAccountById } from './auth.queries.ts';
import { openSession } from './open-session.ts';
import { hashPassword } from './password.ts';
import { assertStrongPassword } from './password-policy.ts';
import { provePassword } from './prove-password.ts';

/**
 * Replaces the actor's password after checking the current one and lifts the forced change of a
 * first login. Every session of the account ends, the current one included; the returned token
 * opens a fresh session in its place, so an old cookie is worth nothing afterwards.
 */
export async function changePassword(
  ctx: Ctx,
  input: { accountId: number; currentPassword: string; newPassword: string; userAgent: string | null },
): Promise<string> {
  const account = await findAccountById(ctx.db, input.accountId);
  if (!(await provePassword(ctx, account.login, account, input.currentPassword))) {
    throw new AppError('validation', 'wrongCurrentPassword', {}, { currentPassword: 'wrongCurrentPassword' });
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('validation', 'passwordSameAsOld', {}, { newPassword: 'passwordSameAsOld' });
  }
  await assertStrongPassword(input.newPassword, account.login, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  const at = new Date().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('accounts')
      .set({ passwordHash, passwordChangedAt: at })
      .where('id', '=', account.id)
      .execute();
    await endSessionsOfAccount(trx, account.id, at, 'password_changed');
    await recordAudit(trx, ctx, {
      schoolId: account.schoolId,
      action: 'account.password_changed',
      entity: 'account',
      entityId: account.id,
    });
    return openSession(trx, ctx, account, input.userAgent);
  });
}
