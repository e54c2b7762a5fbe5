import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../http/app-error.ts';
import { endSessionsOfAccount } from './auth.queries.ts';
import { hashPassword, verifyPassword } from './password.ts';

/**
 * Replaces the actor's password after checking the current one, lifts the forced change of a
 * first login, and signs out every other session of the account.
 */
export async function changePassword(
  ctx: Ctx,
  input: { accountId: number; sessionId: string; currentPassword: string; newPassword: string },
): Promise<void> {
  const account = await ctx.db
    .selectFrom('accounts')
    .innerJoin('persons', 'persons.id', 'accounts.personId')
    .select(['accounts.id', 'accounts.passwordHash', 'persons.schoolId'])
    .where('accounts.id', '=', input.accountId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw new AppError('validation', 'wrongCurrentPassword', {}, { currentPassword: 'wrongCurrentPassword' });
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('validation', 'passwordSameAsOld', {}, { newPassword: 'passwordSameAsOld' });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const at = new Date().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('accounts')
      .set({ passwordHash, passwordChangedAt: at })
      .where('id', '=', account.id)
      .execute();
    await endSessionsOfAccount(trx, account.id, at, 'password_changed', input.sessionId);
    await recordAudit(trx, ctx, {
      schoolId: account.schoolId,
      action: 'account.password_changed',
      entity: 'account',
      entityId: account.id,
    });
  });
}
