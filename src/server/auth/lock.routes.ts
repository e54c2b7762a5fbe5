import type { Kysely } from 'kysely';
import { z } from 'zod';
import { okResponse, unlockBody } from '../../contract/auth.ts';
import { isStaffRole } from '../../domain/roles.ts';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { forbidden } from '../http/app-error.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf, requireAuth } from '../http/session.ts';
import { lockSession, unlockSession } from './lock-session.ts';

const tags = ['auth'];

/** «Заблокировать» and unlocking with the password: staff sessions only (families' sessions expire). */
export function registerLockRoutes(api: Api, db: Kysely<DB>, config: Config): void {
  const staffSession = (request: Parameters<typeof requireAuth>[0]) => {
    const auth = requireAuth(request);
    if (!auth.actor.grants.some((g) => isStaffRole(g.role))) throw forbidden();
    return { sessionId: auth.sessionId, accountId: auth.accountId, schoolId: auth.schoolId };
  };

  api.post(
    '/api/auth/lock',
    {
      config: { beforePasswordChange: true, whileLocked: true },
      schema: {
        tags,
        summary: 'Заблокировать свой сеанс: до ввода пароля открыты только разблокировка и выход',
        body: z.strictObject({}).optional(),
        response: { 200: okResponse, ...errors(401, 403) },
      },
    },
    async (request) => {
      await lockSession(ctxOf(request, db), staffSession(request), 'manual');
      return { ok: true as const };
    },
  );

  api.post(
    '/api/auth/unlock',
    {
      config: {
        beforePasswordChange: true,
        whileLocked: true,
        rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Разблокировать свой сеанс паролем своей учётной записи (тот же сеанс и CSRF-токен)',
        body: unlockBody,
        response: { 200: okResponse, ...errors(400, 401, 403, 429) },
      },
    },
    async (request) => {
      await unlockSession(ctxOf(request, db), staffSession(request), request.body.password);
      return { ok: true as const };
    },
  );
}
