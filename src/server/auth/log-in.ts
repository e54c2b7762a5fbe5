import { parseSchoolSettings } from '../../contract/settings.ts';
import { lockSeconds } from '../../domain/lockout.ts';
import { isStaffRole } from '../../domain/roles.ts';
import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../http/app-error.ts';
import { findAccountByLogin, grantsOf } from './auth.queries.ts';
import { verifyNothing, verifyPassword } from './password.ts';
import { newToken, sessionIdOf } from './session-token.ts';

/** What a successful login hands to the HTTP layer: the cookie token. */
export interface LoginResult {
  token: string;
  accountId: number;
}

/**
 * Checks a login and password and opens a server-side session. Failed attempts lock the account
 * for a growing time; unknown logins take as long as known ones.
 */
export async function logIn(
  ctx: Ctx,
  input: { login: string; password: string; userAgent: string | null },
): Promise<LoginResult> {
  const { db } = ctx;
  const account = await findAccountByLogin(db, input.login);
  if (!account) {
    await verifyNothing(input.password);
    throw new AppError('unauthenticated', 'badCredentials');
  }
  const now = new Date();
  if (account.lockedUntil && new Date(account.lockedUntil) > now) {
    const minutes = Math.ceil((new Date(account.lockedUntil).getTime() - now.getTime()) / 60_000);
    throw new AppError('locked', 'locked', { minutes });
  }
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    await countFailure(ctx, account, now);
    throw new AppError('unauthenticated', 'badCredentials');
  }
  if (account.disabledAt || account.archivedAt) throw new AppError('unauthenticated', 'accountDisabled');

  const grants = await grantsOf(db, account.personId);
  const idleTimeoutMinutes = await idleTimeoutFor(
    ctx,
    account.schoolId,
    grants.some((g) => isStaffRole(g.role)),
  );
  const token = newToken();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('accounts')
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: at })
      .where('id', '=', account.id)
      .execute();
    await trx
      .insertInto('sessions')
      .values({
        id: sessionIdOf(token),
        accountId: account.id,
        csrfToken: newToken(),
        createdAt: at,
        lastSeenAt: at,
        idleTimeoutMinutes,
        ip: ctx.request.ip,
        userAgent: input.userAgent?.slice(0, 500) ?? null,
      })
      .execute();
  });
  return { token, accountId: account.id };
}

/** Counts a failed login; from the fifth in a row the account locks, which is audited. */
async function countFailure(
  ctx: Ctx,
  account: { id: number; schoolId: number | null },
  now: Date,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { failedLogins } = await trx
      .updateTable('accounts')
      .set((eb) => ({ failedLogins: eb('failedLogins', '+', 1) }))
      .where('id', '=', account.id)
      .returning('failedLogins')
      .executeTakeFirstOrThrow();
    const lock = lockSeconds(failedLogins);
    if (lock === 0) return;
    const lockedUntil = new Date(now.getTime() + lock * 1000).toISOString();
    await trx.updateTable('accounts').set({ lockedUntil }).where('id', '=', account.id).execute();
    await recordAudit(trx, ctx, {
      schoolId: account.schoolId,
      action: 'account.locked',
      entity: 'account',
      entityId: account.id,
      after: { failedLogins, lockedUntil },
    });
  });
}

async function idleTimeoutFor(ctx: Ctx, schoolId: number | null, staff: boolean): Promise<number> {
  const school = schoolId
    ? await ctx.db.selectFrom('schools').select('settings').where('id', '=', schoolId).executeTakeFirst()
    : undefined;
  const settings = parseSchoolSettings(school?.settings);
  return staff ? settings.idleTimeoutMinutesStaff : settings.idleTimeoutMinutesFamily;
}
