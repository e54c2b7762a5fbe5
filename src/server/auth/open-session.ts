import { isStaffRole } from '../../domain/roles.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { schoolSettingsOf } from '../structure/structure.queries.ts';
import { grantsOf } from './auth.queries.ts';
import { newToken, sessionIdOf } from './session-token.ts';

/**
 * Opens a server-side session for an account and returns the cookie token (the database keeps
 * only its hash). The idle timeout comes from the school's settings: staff or family.
 */
export async function openSession(
  trx: Db,
  ctx: Ctx,
  account: { id: number; personId: number; schoolId: number | null },
  userAgent: string | null,
): Promise<string> {
  const grants = await grantsOf(trx, account.personId);
  const settings = await schoolSettingsOf(trx, account.schoolId);
  const staff = grants.some((g) => isStaffRole(g.role));
  const token = newToken();
  const at = new Date().toISOString();
  await trx
    .insertInto('sessions')
    .values({
      id: sessionIdOf(token),
      accountId: account.id,
      csrfToken: newToken(),
      createdAt: at,
      lastSeenAt: at,
      idleTimeoutMinutes: staff ? settings.idleTimeoutMinutesStaff : settings.idleTimeoutMinutesFamily,
      ip: ctx.request.ip,
      userAgent: userAgent?.slice(0, 500) ?? null,
    })
    .execute();
  return token;
}
