import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { endSessionsOfAccount } from '../auth/auth.queries.ts';
import { clearThrottle } from '../auth/login-throttle.ts';
import { resetTwoFactor } from '../auth/two-factor-reset.ts';

/** An account a person already has, as issuing sees it. */
export interface ExistingAccount {
  id: number;
  login: string;
  disabledAt: string | null;
  passwordChangedAt: string | null;
}

/**
 * Writes one person's credentials inside the caller's transaction, audited: a new account with the
 * login, or the existing account with the new password (switched back on, its sessions ended,
 * its two-factor login cleared).
 * With `mustChangePassword` the first login asks for the person's own password. Issuing and the
 * demo seed both come through here.
 */
export async function writeAccount(
  trx: Db,
  ctx: Ctx,
  input: {
    personId: number;
    schoolId: number | null;
    login: string;
    passwordHash: string;
    mustChangePassword: boolean;
    existing?: ExistingAccount | undefined;
    at: string;
  },
): Promise<void> {
  const passwordChangedAt = input.mustChangePassword ? null : input.at;
  const existing = input.existing;
  if (existing) {
    await trx
      .updateTable('accounts')
      .set({ passwordHash: input.passwordHash, passwordChangedAt, disabledAt: null })
      .where('id', '=', existing.id)
      .execute();
    await endSessionsOfAccount(trx, existing.id, input.at, 'password_reset');
    await clearThrottle(trx, existing.login);
    await resetTwoFactor(trx, ctx, { id: existing.id, schoolId: input.schoolId });
    await recordAudit(trx, ctx, {
      schoolId: input.schoolId,
      action: 'account.reissued',
      entity: 'account',
      entityId: existing.id,
      before: {
        login: existing.login,
        disabledAt: existing.disabledAt,
        passwordChangedAt: existing.passwordChangedAt,
      },
      after: { login: existing.login, disabledAt: null, passwordChangedAt },
    });
    return;
  }
  const { id } = await trx
    .insertInto('accounts')
    .values({
      personId: input.personId,
      login: input.login,
      passwordHash: input.passwordHash,
      passwordChangedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Failed guesses at a login nobody had must not lock its new owner out.
  await clearThrottle(trx, input.login);
  await recordAudit(trx, ctx, {
    schoolId: input.schoolId,
    action: 'account.issued',
    entity: 'account',
    entityId: id,
    after: { personId: input.personId, login: input.login },
  });
}
