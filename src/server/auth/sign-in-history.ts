import type { SignInItem } from '../../contract/security.ts';
import type { Ctx, Db } from '../access/actor.ts';
import type { SignInOutcome } from '../db/schema.ts';
import { AppError } from '../http/app-error.ts';
import { findAccountByLogin } from './auth.queries.ts';
import { noteDevice, type SigningIn } from './devices.ts';
import { browserLabel } from './devices-browser.ts';

/** How long the login history is kept: a year, trimmed at each successful sign-in of the account. */
export const signInRetentionDays = 365;
/** How many entries the history shows. */
const shown = 50;

/**
 * Refused attempts kept per account and hour: a flood of wrong passwords against one login (each
 * refused while locked, too) shows as its first 20, and cannot push real sign-ins out of view or
 * grow the table without end.
 */
export const refusedPerHour = 20;

async function insertSignIn(
  db: Db,
  ctx: Ctx,
  account: SigningIn,
  row: { at: Date; outcome: SignInOutcome; userAgent: string | null; deviceKnown: boolean },
): Promise<void> {
  if (row.outcome !== 'ok') {
    const hourAgo = new Date(row.at.getTime() - 3_600_000).toISOString();
    const recent = await db
      .selectFrom('signIns')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('accountId', '=', account.id)
      .where('outcome', '!=', 'ok')
      .where('at', '>=', hourAgo)
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= refusedPerHour) return;
  }
  await db
    .insertInto('signIns')
    .values({
      accountId: account.id,
      personId: account.personId,
      schoolId: account.schoolId,
      at: row.at.toISOString(),
      ip: ctx.request.ip,
      userAgent: row.userAgent?.slice(0, 500) ?? null,
      outcome: row.outcome,
      deviceKnown: row.deviceKnown ? 1 : 0,
    })
    .execute();
}

/**
 * Records a successful sign-in inside the login's transaction: the device (and the «new device»
 * letter, see `noteDevice`), the history entry, and trims the account's entries older than a year.
 */
export async function recordSuccessfulSignIn(
  trx: Db,
  ctx: Ctx,
  input: { account: SigningIn; deviceToken: string | null; userAgent: string | null },
): Promise<void> {
  const at = new Date();
  const userAgent = input.userAgent?.slice(0, 500) ?? null;
  const deviceKnown = input.deviceToken
    ? await noteDevice(trx, ctx, input.account, input.deviceToken, userAgent, at)
    : false;
  await insertSignIn(trx, ctx, input.account, { at, outcome: 'ok', userAgent, deviceKnown });
  const oldest = new Date(at.getTime() - signInRetentionDays * 86_400_000).toISOString();
  await trx
    .deleteFrom('signIns')
    .where('accountId', '=', input.account.id)
    .where('at', '<', oldest)
    .execute();
}

/**
 * Records a failed attempt when the login belongs to an account; an unknown login leaves no trace.
 * Nothing of this reaches the answer, which stays the same whether or not the account exists.
 */
export async function recordFailedSignIn(
  ctx: Ctx,
  input: { login: string; outcome: Exclude<SignInOutcome, 'ok'>; userAgent: string | null },
): Promise<void> {
  const account = await findAccountByLogin(ctx.db, input.login);
  if (!account) return;
  await insertSignIn(ctx.db, ctx, account, {
    at: new Date(),
    outcome: input.outcome,
    userAgent: input.userAgent,
    deviceKnown: false,
  });
}

/**
 * Records a refused step of a login whose account is already known (a wrong second-factor code:
 * `badCode`); for the two-factor step, which knows the account from its pending challenge.
 */
export async function recordRefusedStep(
  ctx: Ctx,
  account: SigningIn,
  outcome: Exclude<SignInOutcome, 'ok'>,
  userAgent: string | null,
): Promise<void> {
  await insertSignIn(ctx.db, ctx, account, { at: new Date(), outcome, userAgent, deviceKnown: false });
}

/** The history outcome of a refused login, by the error it was refused with; null when not one to record. */
function failureOutcome(error: unknown): Exclude<SignInOutcome, 'ok'> | null {
  if (!(error instanceof AppError)) return null;
  if (error.messageKey === 'badCredentials') return 'badPassword';
  if (error.code === 'locked') return 'locked';
  return null;
}

/**
 * Records a refused login in its account's history (when the login has one and the refusal is a
 * wrong password or a locked login name) and throws the refusal on, unchanged.
 */
export async function recordFailedAttempt(
  ctx: Ctx,
  login: string,
  userAgent: string | null,
  error: unknown,
): Promise<never> {
  const outcome = failureOutcome(error);
  if (outcome) await recordFailedSignIn(ctx, { login, outcome, userAgent });
  throw error;
}

/** The signed-in person's last 50 login attempts, newest first. */
export async function listMySignIns(ctx: Ctx): Promise<{ signIns: SignInItem[] }> {
  if (ctx.actor.kind !== 'person') return { signIns: [] };
  const rows = await ctx.db
    .selectFrom('signIns')
    .select(['id', 'at', 'ip', 'userAgent', 'outcome', 'deviceKnown'])
    .where('accountId', '=', ctx.actor.accountId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(shown)
    .execute();
  return {
    signIns: rows.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      ip: r.ip,
      browser: browserLabel(r.userAgent),
      outcome: r.outcome,
      newDevice: r.outcome === 'ok' && r.deviceKnown === 0,
    })),
  };
}
