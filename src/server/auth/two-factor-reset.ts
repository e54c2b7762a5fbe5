import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { removeTwoFactor, twoFactorOf } from './two-factor.queries.ts';

/**
 * Clears an account's two-factor login inside the caller's transaction, audited when there was
 * one: reissuing credentials or `otmetka user reset-password` (a staff member who lost the phone)
 * starts again from the password alone; where the school requires a code, the next login asks to
 * add the app again. True when two-factor login was on.
 */
export async function resetTwoFactor(
  trx: Db,
  ctx: Ctx,
  account: { id: number; schoolId: number | null },
): Promise<boolean> {
  const row = await twoFactorOf(trx, account.id);
  await removeTwoFactor(trx, account.id);
  if (!row?.enabledAt) return false;
  await recordAudit(trx, ctx, {
    schoolId: account.schoolId,
    action: 'account.twoFactor.reset',
    entity: 'account',
    entityId: account.id,
    before: { enabledAt: row.enabledAt },
  });
  return true;
}
