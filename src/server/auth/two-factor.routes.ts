import type { Kysely } from 'kysely';
import { okResponse } from '../../contract/auth.ts';
import {
  loginCodeAnswer,
  loginCodeBody,
  recoveryCodesAnswer,
  twoFactorBeginBody,
  twoFactorConfirmBody,
  twoFactorDisableBody,
  twoFactorEnrollment,
  twoFactorStatus,
} from '../../contract/two-factor.ts';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { overTls } from '../http/tls.ts';
import { sessionStarter } from './auth.routes.ts';
import { deviceTokenOf, setDeviceCookie } from './devices.ts';
import { openSignedInSession } from './log-in.ts';
import { clearPendingCookie, pendingTokenOf } from './two-factor-cookie.ts';
import {
  beginTwoFactor,
  confirmTwoFactor,
  disableTwoFactor,
  getTwoFactorStatus,
} from './two-factor-enroll.ts';
import { finishSecondStep } from './two-factor-login.ts';

const tags = ['auth'];

/** Two-factor login: the second step of a login, and a staff member's own app and recovery codes. */
export function registerTwoFactorRoutes(api: Api, db: Kysely<DB>, config: Config): void {
  const startSession = sessionStarter(db, config);

  api.post(
    '/api/auth/login/code',
    {
      config: { public: true, rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Второй шаг входа: код из приложения или резервный код (по cookie второго шага); ставит cookie сеанса',
        body: loginCodeBody,
        response: { 200: loginCodeAnswer, ...errors(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, db);
      const { account, recoveryCodes } = await finishSecondStep(
        ctx,
        pendingTokenOf(request),
        request.body,
        request.headers['user-agent'] ?? null,
      );
      const deviceToken = deviceTokenOf(request);
      const { token } = await openSignedInSession(ctx, account, {
        userAgent: request.headers['user-agent'] ?? null,
        previousSessionId: request.auth?.sessionId ?? null,
        deviceToken,
      });
      clearPendingCookie(reply);
      setDeviceCookie(reply, deviceToken, overTls(request, config));
      const me = await startSession(reply, ctx, token);
      return recoveryCodes ? { ...me, recoveryCodes } : me;
    },
  );

  api.get(
    '/api/two-factor',
    {
      schema: {
        tags,
        summary: 'Двухфакторный вход: настройка школы и включён ли он у себя (сотрудники)',
        response: { 200: twoFactorStatus, ...errors(401, 403) },
      },
    },
    async (request) => getTwoFactorStatus(ctxOf(request, db)),
  );

  api.post(
    '/api/two-factor/begin',
    {
      schema: {
        tags,
        summary:
          'Начать подключение приложения (с паролем): новый секрет и otpauth:// для QR-кода (сотрудники)',
        body: twoFactorBeginBody,
        response: { 200: twoFactorEnrollment, ...errors(400, 401, 403, 409, 429) },
      },
    },
    async (request) => beginTwoFactor(ctxOf(request, db), request.body.password),
  );

  api.post(
    '/api/two-factor/confirm',
    {
      schema: {
        tags,
        summary: 'Включить двухфакторный вход первым кодом; отдаёт резервные коды один раз',
        body: twoFactorConfirmBody,
        response: { 200: recoveryCodesAnswer, ...errors(400, 401, 403, 409, 429) },
      },
    },
    async (request) => ({ recoveryCodes: await confirmTwoFactor(ctxOf(request, db), request.body.code) }),
  );

  api.post(
    '/api/two-factor/disable',
    {
      schema: {
        tags,
        summary: 'Выключить двухфакторный вход паролем и кодом (нельзя, если школа требует его для роли)',
        body: twoFactorDisableBody,
        response: { 200: okResponse, ...errors(400, 401, 403, 409, 429) },
      },
    },
    async (request) => {
      await disableTwoFactor(ctxOf(request, db), request.body);
      return { ok: true as const };
    },
  );
}
