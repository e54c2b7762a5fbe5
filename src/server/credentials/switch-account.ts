import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { endSessionsOfAccount } from '../auth/auth.queries.ts';
import { AppError } from '../http/app-error.ts';
import { requireManageable } from './credentials.policy.ts';
import { accountSummaryOf } from './credentials.present.ts';
import { accountsOf, personsByIds } from './credentials.queries.ts';

/**
 * Switches a person's account off (every session ends; nothing is deleted) or back on. Doing what
 * is already done changes nothing and writes no audit event.
 */
export async function switchAccount(ctx: Ctx, personId: number, on: boolean) {
  await requireManageable(ctx, [personId]);
  const [person] = await personsByIds(ctx.db, [personId]);
  const [account] = await accountsOf(ctx.db, [personId]);
  if (!person || !account) throw new AppError('conflict', 'credentialsNoAccount');
  const disabledAt = on ? null : (account.disabledAt ?? new Date().toISOString());
  if (disabledAt !== account.disabledAt) {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('accounts').set({ disabledAt }).where('id', '=', account.id).execute();
      if (disabledAt) await endSessionsOfAccount(trx, account.id, disabledAt, 'disabled');
      await recordAudit(trx, ctx, {
        schoolId: person.schoolId,
        action: on ? 'account.enabled' : 'account.disabled',
        entity: 'account',
        entityId: account.id,
        before: { disabledAt: account.disabledAt },
        after: { disabledAt },
      });
    });
  }
  return { personId, account: accountSummaryOf({ ...account, disabledAt }) };
}
