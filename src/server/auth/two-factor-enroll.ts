import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../http/app-error.ts';
import { findAccountById } from './auth.queries.ts';
import { provePassword } from './prove-password.ts';
import { newTotpSecret, otpauthUri } from './totp.ts';
import {
  recoveryCodesLeft,
  removeTwoFactor,
  replaceRecoveryCodes,
  savePendingSecret,
  twoFactorOf,
} from './two-factor.queries.ts';
import {
  newRecoveryCode,
  proveSecondFactor,
  recoveryCodeHash,
  type TwoFactorAccount,
  twoFactorDemand,
} from './two-factor-rules.ts';

/** Recovery codes handed out when two-factor login is switched on. */
const recoveryCodeCount = 10;

/** The signed-in account, refused unless it is staff (families never get two-factor login). */
async function staffAccount(ctx: Ctx) {
  if (ctx.actor.kind !== 'person') throw new AppError('unauthenticated', 'unauthenticated');
  const account = await findAccountById(ctx.db, ctx.actor.accountId);
  const demand = await twoFactorDemand(ctx.db, account);
  if (demand === 'none') throw new AppError('forbidden', 'twoFactorStaffOnly');
  return { account, demand };
}

/** «Двухфакторный вход» on the security page: the school's setting and where the actor stands. */
export async function getTwoFactorStatus(ctx: Ctx) {
  const { account, demand } = await staffAccount(ctx);
  const row = await twoFactorOf(ctx.db, account.id);
  const enabledAt = row?.enabledAt ?? null;
  return {
    mode: demand,
    required: demand === 'required',
    enabled: enabledAt !== null,
    enabledAt,
    recoveryCodesLeft: enabledAt ? await recoveryCodesLeft(ctx.db, account.id) : 0,
  };
}

/** A new pending secret with the URI for the QR code; nothing changes at login until it is confirmed. */
export async function startEnrollment(db: Db, account: TwoFactorAccount, issuer: string) {
  const secret = newTotpSecret();
  await savePendingSecret(db, account.id, secret);
  return { secret, uri: otpauthUri(secret, issuer, account.login) };
}

/** The name the authenticator app lists the account under. */
export async function issuerOf(db: Db, schoolId: number | null): Promise<string> {
  const school = schoolId
    ? await db.selectFrom('schools').select('shortName').where('id', '=', schoolId).executeTakeFirst()
    : undefined;
  return school ? `Отметка (${school.shortName})` : 'Отметка';
}

/**
 * Staff begin adding an authenticator app: a secret to scan or type. The password is asked again,
 * so that someone at a computer left signed in cannot tie the account to their own phone.
 */
export async function beginTwoFactor(ctx: Ctx, password: string) {
  const { account, demand } = await staffAccount(ctx);
  if (demand === 'off') throw new AppError('forbidden', 'twoFactorOff');
  if ((await twoFactorOf(ctx.db, account.id))?.enabledAt)
    throw new AppError('conflict', 'twoFactorAlreadyOn');
  if (!(await provePassword(ctx, account.login, account, password))) {
    throw new AppError('validation', 'twoFactorWrongPassword', {}, { password: 'twoFactorWrongPassword' });
  }
  return startEnrollment(ctx.db, account, await issuerOf(ctx.db, account.schoolId));
}

/**
 * Switches two-factor login on with the first code from the app (under the login throttle) and
 * returns the recovery codes, shown this once; only their hashes are kept. Audited, never the secret.
 */
export async function enableTwoFactor(ctx: Ctx, account: TwoFactorAccount, code: string): Promise<string[]> {
  const row = await twoFactorOf(ctx.db, account.id);
  if (!row) throw new AppError('conflict', 'twoFactorNotStarted');
  if (row.enabledAt) throw new AppError('conflict', 'twoFactorAlreadyOn');
  const at = new Date().toISOString();
  if (!(await proveSecondFactor(ctx, account, { code }, at))) {
    throw new AppError('validation', 'twoFactorBadCode', {}, { code: 'twoFactorBadCode' });
  }
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  await ctx.db.transaction().execute(async (trx) => {
    await replaceRecoveryCodes(trx, account.id, codes.map(recoveryCodeHash));
    await recordAudit(trx, ctx, {
      schoolId: account.schoolId,
      action: 'account.twoFactor.enabled',
      entity: 'account',
      entityId: account.id,
      after: { enabledAt: at, recoveryCodes: codes.length },
    });
  });
  return codes;
}

/** The signed-in staff member confirms the app with its first code. */
export async function confirmTwoFactor(ctx: Ctx, code: string): Promise<string[]> {
  const { account, demand } = await staffAccount(ctx);
  if (demand === 'off') throw new AppError('forbidden', 'twoFactorOff');
  return enableTwoFactor(ctx, account, code);
}

/**
 * Switches two-factor login off with the password and a current code; refused where the school
 * requires it of the actor's role. Audited.
 */
export async function disableTwoFactor(ctx: Ctx, input: { password: string; code: string }): Promise<void> {
  const { account, demand } = await staffAccount(ctx);
  if (demand === 'required') throw new AppError('forbidden', 'twoFactorRequired');
  const row = await twoFactorOf(ctx.db, account.id);
  if (!row?.enabledAt) throw new AppError('conflict', 'twoFactorNotOn');
  if (!(await provePassword(ctx, account.login, account, input.password))) {
    throw new AppError('validation', 'twoFactorWrongPassword', {}, { password: 'twoFactorWrongPassword' });
  }
  if (!(await proveSecondFactor(ctx, account, { code: input.code }))) {
    throw new AppError('validation', 'twoFactorBadCode', {}, { code: 'twoFactorBadCode' });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await removeTwoFactor(trx, account.id);
    await recordAudit(trx, ctx, {
      schoolId: account.schoolId,
      action: 'account.twoFactor.disabled',
      entity: 'account',
      entityId: account.id,
      before: { enabledAt: row.enabledAt },
    });
  });
}
