import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { isStaffRole } from '../../domain/roles.ts';
import type { Ctx, PersonActor, RequestInfo } from '../access/actor.ts';
import { endSession, findSession, touchSession } from '../auth/auth.queries.ts';
import { lockSession } from '../auth/lock-session.ts';
import { sameSecret, sessionIdOf } from '../auth/session-token.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from './app-error.ts';
import { langOf } from './messages.ts';

/** The name of the session cookie. */
export const sessionCookie = 'otmetka_session';
const touchEverySeconds = 30;
/** How long a locked session waits for its password past the idle timeout before it ends for good. */
export const lockCapMinutes = 12 * 60;

/** The signed-in session behind a request. */
export interface Auth {
  sessionId: string;
  person: { id: number; lastName: string; firstName: string; middleName: string };
  csrfToken: string;
  accountId: number;
  login: string;
  mustChangePassword: boolean;
  idleTimeoutMinutes: number;
  /** The person's school (audit events of the session). */
  schoolId: number | null;
  /** Locked since (idle lock or «Заблокировать»); null while open. */
  lockedAt: string | null;
  actor: PersonActor;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (health, login, setup, docs). */
    public?: boolean;
    /** Reachable while the first-login password change is still due. */
    beforePasswordChange?: boolean;
    /** Reachable while the session is locked (the name on the lock screen, unlock, logout). */
    whileLocked?: boolean;
  }
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Loads the session from its cookie, ends it when idle too long, and guards every request:
 * a session for non-public routes, the CSRF token and same origin for every write.
 */
export function registerSessions(app: FastifyInstance, db: Kysely<DB>): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request, reply) => {
    // Decide by the matched route, never by the raw URL (which may be percent-encoded).
    const route = request.routeOptions.url;
    if (!route?.startsWith('/api/')) return;
    if (unsafe.has(request.method)) checkOrigin(request);
    const token = request.cookies[sessionCookie];
    let expired = false;
    if (token) {
      const found = await loadAuth(db, sessionIdOf(token), requestInfo(request));
      if (found === 'expired') expired = true;
      else request.auth = found;
      // An idle-expired cookie stays, so every later request (in whatever order) can say why;
      // the next login replaces it.
      if (!request.auth && !expired) clearSessionCookie(reply);
    }
    const config = request.routeOptions.config;
    // Public writes (login, first-run setup) act on no session, so they need no CSRF token.
    if (request.auth && unsafe.has(request.method) && !config.public) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameSecret(header, request.auth.csrfToken)) {
        throw new AppError('csrf', 'csrf');
      }
    }
    if (config.public || route === '/api/docs' || route.startsWith('/api/docs/')) return;
    if (!request.auth)
      throw expired
        ? new AppError('session_expired', 'sessionExpired')
        : new AppError('unauthenticated', 'unauthenticated');
    if (request.auth.lockedAt && !config.whileLocked) throw new AppError('session_locked', 'sessionLocked');
    if (request.auth.mustChangePassword && !config.beforePasswordChange) {
      throw new AppError('password_change_required', 'passwordChangeRequired');
    }
  });
}

function checkOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('csrf', 'csrf');
  }
  if (host !== request.host) throw new AppError('csrf', 'csrf');
}

/**
 * Loads a live session by id, or tells that it has expired (and ends it). A staff session idle past
 * its timeout is locked instead (the journal's unsaved cells wait for the password); it ends for
 * good `lockCapMinutes` later. A family session simply expires: a phone has its own screen lock.
 */
export async function loadAuth(
  db: Kysely<DB>,
  sessionId: string,
  request: RequestInfo = { requestId: null, ip: null, lang: 'ru' },
): Promise<Auth | 'expired' | null> {
  const row = await findSession(db, sessionId);
  if (!row) return null;
  // Requests racing the one that ended an idle session must say "expired" too.
  if (row.endedAt) return row.endReason === 'idle' ? 'expired' : null;
  const now = Date.now();
  if (row.disabledAt || row.archivedAt) {
    await endSession(db, sessionId, new Date(now).toISOString(), 'disabled');
    return null;
  }
  const idleMs = now - new Date(row.lastSeenAt).getTime();
  const timeoutMs = row.idleTimeoutMinutes * 60_000;
  const staff = row.grants.some((g) => isStaffRole(g.role));
  if (idleMs > timeoutMs + (staff ? lockCapMinutes * 60_000 : 0)) {
    await endSession(db, sessionId, new Date(now).toISOString(), 'idle');
    return 'expired';
  }
  let lockedAt = row.lockedAt;
  if (!lockedAt && idleMs > timeoutMs) {
    lockedAt = new Date(now).toISOString();
    const actor: PersonActor = {
      kind: 'person',
      personId: row.personId,
      accountId: row.accountId,
      grants: row.grants,
    };
    const target = { sessionId, accountId: row.accountId, schoolId: row.personSchoolId };
    await lockSession({ db, actor, request }, target, 'idle');
  }
  // A locked session shows no activity: only unlocking it counts as such.
  if (!lockedAt && idleMs > touchEverySeconds * 1000)
    await touchSession(db, sessionId, new Date(now).toISOString());
  return {
    sessionId,
    person: {
      id: row.personId,
      lastName: row.lastName,
      firstName: row.firstName,
      middleName: row.middleName,
    },
    csrfToken: row.csrfToken,
    accountId: row.accountId,
    login: row.login,
    mustChangePassword: row.passwordChangedAt === null,
    idleTimeoutMinutes: row.idleTimeoutMinutes,
    schoolId: row.personSchoolId,
    lockedAt,
    actor: { kind: 'person', personId: row.personId, accountId: row.accountId, grants: row.grants },
  };
}

/** Removes the session cookie from the browser. */
export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { path: '/' });
}

/** The session of a route that requires one (the session hook has already refused others). */
export function requireAuth(request: FastifyRequest): Auth {
  if (!request.auth) throw new AppError('unauthenticated', 'unauthenticated');
  return request.auth;
}

/** What the audit trail notes of a request. */
function requestInfo(request: FastifyRequest): RequestInfo {
  return { requestId: String(request.id), ip: request.ip, lang: langOf(request.headers['accept-language']) };
}

/** The use-case context of a request: the signed-in person, or an anonymous visitor. */
export function ctxOf(request: FastifyRequest, db: Kysely<DB>): Ctx {
  return { db, actor: request.auth?.actor ?? { kind: 'anonymous' }, request: requestInfo(request) };
}
