import { createHash } from 'node:crypto';
import type { SessionItem } from '../../contract/security.ts';
import { isStaffRole } from '../../domain/roles.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notFound } from '../http/app-error.ts';
import { type Auth, lockCapMinutes } from '../http/session.ts';
import { browserLabel } from './devices-browser.ts';

/**
 * The id a session is shown under: a one-way digest of its stored id (itself the cookie's
 * SHA-256), so the list hands out nothing that names or opens a session.
 */
export function publicSessionId(sessionId: string): string {
  return createHash('sha256').update(`session:${sessionId}`).digest('base64url').slice(0, 22);
}

/**
 * The account's sessions not ended and not idle past their timeout, newest first. A staff
 * session idle past its timeout is locked, not ended (`loadAuth`): its password reopens it for
 * `lockCapMinutes` more, so it is listed, and ended by «Завершить все остальные», until then.
 */
async function liveSessions(db: Db, auth: Auth, now: Date) {
  const capMs = auth.actor.grants.some((g) => isStaffRole(g.role)) ? lockCapMinutes * 60_000 : 0;
  const rows = await db
    .selectFrom('sessions')
    .select([
      'sessions.id',
      'sessions.createdAt',
      'sessions.lastSeenAt',
      'sessions.idleTimeoutMinutes',
      'sessions.ip',
      'sessions.userAgent',
    ])
    .where('sessions.accountId', '=', auth.accountId)
    .where('sessions.endedAt', 'is', null)
    .orderBy('sessions.createdAt', 'desc')
    .execute();
  return rows.filter(
    (r) => now.getTime() - new Date(r.lastSeenAt).getTime() <= r.idleTimeoutMinutes * 60_000 + capMs,
  );
}

/** The signed-in person's live sessions; this one is marked `current`. */
export async function listMySessions(ctx: Ctx, auth: Auth): Promise<{ sessions: SessionItem[] }> {
  const rows = await liveSessions(ctx.db, auth, new Date());
  return {
    sessions: rows.map((r) => ({
      id: publicSessionId(r.id),
      createdAt: new Date(r.createdAt).toISOString(),
      lastSeenAt: new Date(r.lastSeenAt).toISOString(),
      ip: r.ip,
      browser: browserLabel(r.userAgent),
      current: r.id === auth.sessionId,
    })),
  };
}

async function schoolOf(db: Db, accountId: number): Promise<number | null> {
  const row = await db
    .selectFrom('accounts')
    .innerJoin('persons', 'persons.id', 'accounts.personId')
    .select('persons.schoolId')
    .where('accounts.id', '=', accountId)
    .executeTakeFirst();
  return row?.schoolId ?? null;
}

/** Ends the given sessions of the signed-in account and audits each, in one transaction. */
async function endOwn(ctx: Ctx, auth: Auth, sessionIds: string[]): Promise<number> {
  if (sessionIds.length === 0) return 0;
  return ctx.db.transaction().execute(async (trx) => {
    const at = new Date().toISOString();
    const ended = await trx
      .updateTable('sessions')
      .set({ endedAt: at, endReason: 'ended_by_owner' })
      .where('id', 'in', sessionIds)
      .where('accountId', '=', auth.accountId)
      .where('endedAt', 'is', null)
      .returning('id')
      .execute();
    const schoolId = await schoolOf(trx, auth.accountId);
    for (const s of ended) {
      await recordAudit(trx, ctx, {
        schoolId,
        action: 'session.ended',
        entity: 'account',
        entityId: auth.accountId,
        after: { session: publicSessionId(s.id), by: publicSessionId(auth.sessionId) },
      });
    }
    return ended.length;
  });
}

/**
 * Ends one of the signed-in person's sessions by its public id; another person's id, an ended one
 * and an unknown one are all 404. Ending the current session is allowed (it signs this browser out).
 */
export async function endMySession(ctx: Ctx, auth: Auth, publicId: string): Promise<{ ended: number }> {
  const rows = await liveSessions(ctx.db, auth, new Date());
  const target = rows.find((r) => publicSessionId(r.id) === publicId);
  if (!target) throw notFound();
  const ended = await endOwn(ctx, auth, [target.id]);
  if (ended === 0) throw notFound();
  return { ended };
}

/** Ends every live session of the signed-in person except this one. */
export async function endMyOtherSessions(ctx: Ctx, auth: Auth): Promise<{ ended: number }> {
  const rows = await liveSessions(ctx.db, auth, new Date());
  const others = rows.filter((r) => r.id !== auth.sessionId).map((r) => r.id);
  return { ended: await endOwn(ctx, auth, others) };
}
