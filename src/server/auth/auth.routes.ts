import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { changePasswordBody, loginBody, meResponse, okResponse } from '../../contract/auth.ts';
import { loginAnswer } from '../../contract/two-factor.ts';
import type { Ctx } from '../access/actor.ts';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { clearSessionCookie, ctxOf, loadAuth, requireAuth, sessionCookie } from '../http/session.ts';
import { overTls } from '../http/tls.ts';
import { changePassword } from './change-password.ts';
import { deviceTokenOf, setDeviceCookie } from './devices.ts';
import { getMe } from './get-me.ts';
import { logIn } from './log-in.ts';
import { logOut } from './log-out.ts';
import { sessionIdOf } from './session-token.ts';
import { recordFailedAttempt } from './sign-in-history.ts';
import { setPendingCookie } from './two-factor-cookie.ts';

const tags = ['auth'];

/** Hands a new session's cookie to the browser and answers who is now signed in. */
export function sessionStarter(db: Kysely<DB>, config: Config) {
  return async (reply: FastifyReply, ctx: Ctx, token: string) => {
    reply.setCookie(sessionCookie, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: overTls(reply.request, config),
      maxAge: 60 * 60 * 24 * 30,
    });
    const auth = await loadAuth(db, sessionIdOf(token));
    if (!auth || auth === 'expired') throw new Error('a session just opened was not found');
    return getMe({ ...ctx, actor: auth.actor }, auth);
  };
}

/** Login, logout, the current person and the password change. */
export function registerAuthRoutes(api: Api, db: Kysely<DB>, config: Config): void {
  const startSession = sessionStarter(db, config);

  api.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Вход по логину и паролю; ставит cookie сеанса или, при двухфакторном входе, cookie второго шага на 5 минут',
        body: loginBody,
        response: { 200: loginAnswer, ...errors(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, db);
      const userAgent = request.headers['user-agent'] ?? null;
      const deviceToken = deviceTokenOf(request);
      const result = await logIn(ctx, {
        ...request.body,
        userAgent,
        previousSessionId: request.auth?.sessionId ?? null,
        deviceToken,
      }).catch((error: unknown) => recordFailedAttempt(ctx, request.body.login, userAgent, error));
      setDeviceCookie(reply, deviceToken, overTls(request, config));
      if ('twoFactor' in result) {
        setPendingCookie(reply, result.pendingToken, config);
        return { twoFactor: result.twoFactor, enrollment: result.enrollment };
      }
      return startSession(reply, ctx, result.token);
    },
  );

  api.post(
    '/api/auth/logout',
    {
      config: { beforePasswordChange: true, whileLocked: true },
      schema: {
        tags,
        summary: 'Выход: завершает сеанс',
        body: z.strictObject({}).optional(),
        response: { 200: okResponse, ...errors(401, 403) },
      },
    },
    async (request, reply) => {
      if (request.auth) await logOut(ctxOf(request, db), request.auth.sessionId);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  api.get(
    '/api/me',
    {
      config: { beforePasswordChange: true, whileLocked: true },
      schema: {
        tags,
        summary: 'Текущий пользователь, его роли и права',
        response: { 200: meResponse, ...errors(401) },
      },
    },
    async (request) => getMe(ctxOf(request, db), requireAuth(request)),
  );

  api.post(
    '/api/auth/change-password',
    {
      config: { beforePasswordChange: true },
      schema: {
        tags,
        summary: 'Смена собственного пароля (обязательна при первом входе); сеанс выдаётся заново',
        body: changePasswordBody,
        response: { 200: meResponse, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const ctx = ctxOf(request, db);
      const token = await changePassword(ctx, {
        ...request.body,
        accountId: auth.accountId,
        userAgent: request.headers['user-agent'] ?? null,
      });
      return startSession(reply, ctx, token);
    },
  );
}
