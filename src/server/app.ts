import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { healthResponse } from '../contract/auth.ts';
import { errorBody } from '../contract/errors.ts';
import { registerAuditRoutes } from './audit/audit.routes.ts';
import { registerAuthRoutes } from './auth/auth.routes.ts';
import { registerLockRoutes } from './auth/lock.routes.ts';
import { registerSessionRoutes } from './auth/sessions.routes.ts';
import { registerTwoFactorRoutes } from './auth/two-factor.routes.ts';
import { registerBackupRoutes } from './backup/backup.routes.ts';
import { backupHealth } from './backup/backup-health.ts';
import { registerCalendarRoutes } from './calendar/calendar.routes.ts';
import type { Config } from './config.ts';
import { registerControlRoutes } from './control/control.routes.ts';
import { registerCredentialsRoutes } from './credentials/credentials.routes.ts';
import type { Database } from './db/database.ts';
import { registerDiaryRoutes } from './diary/diary.routes.ts';
import { registerDistrictRoutes } from './district/district.routes.ts';
import { registerExchangeRoutes } from './exchange/exchange.routes.ts';
import { registerFirstStepsRoutes } from './first-steps/first-steps.routes.ts';
import { AppError } from './http/app-error.ts';
import { frameworkError, registerErrorHandling, registerNotFound } from './http/errors.ts';
import { requestForLog } from './http/log-redaction.ts';
import { registerMetrics } from './http/metrics.routes.ts';
import { registerOpenApi } from './http/openapi.ts';
import { registerReadiness, replicaHealth } from './http/readiness.ts';
import { registerRequestIds, requestIdOf } from './http/request-id.ts';
import { registerSessions } from './http/session.ts';
import { registerTransportSecurity } from './http/tls.ts';
import { zodValidatorCompiler } from './http/validation.ts';
import { registerImportsRoutes } from './imports/imports.routes.ts';
import { registerJournalRoutes } from './journal/journal.routes.ts';
import { registerLessonRoutes } from './lessons/lessons.routes.ts';
import { registerPlanRoutes } from './lessons/plan.routes.ts';
import { registerMessagesRoutes } from './messages/messages.routes.ts';
import { registerNotifyRoutes } from './notify/notify.routes.ts';
import { registerPeopleRoutes } from './people/people.routes.ts';
import { registerPrintRoutes } from './print/print.routes.ts';
import { registerPrivacyRoutes } from './privacy/privacy.routes.ts';
import { registerRegulationRoutes } from './regulation/regulation.routes.ts';
import { registerReportsRoutes } from './reports/reports.routes.ts';
import { registerStructureRoutes } from './structure/structure.routes.ts';
import { registerSupportRoutes } from './support/support.routes.ts';
import { registerTimetableRoutes } from './timetable/timetable.routes.ts';

/** The Otmetka version, shown in the API document. */
export const version = '0.1.0';

/** Builds the whole HTTP application over an open database; `main` listens, tests inject. */
export async function buildApp(
  database: Database,
  config: Config,
  options: { logStream?: NodeJS.WritableStream } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, stream: options.logStream, serializers: { req: requestForLog } },
    genReqId: requestIdOf,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    frameworkErrors: frameworkError,
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.removeContentTypeParser('text/plain');
  registerErrorHandling(app);
  registerRequestIds(app);
  registerMetrics(app, database, config);

  await app.register(helmet, {
    // HSTS only over TLS (registerTransportSecurity); no page of Otmetka may be framed.
    hsts: false,
    frameguard: { action: 'deny' },
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:'],
        'script-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': null,
      },
    },
  });
  registerTransportSecurity(app, config);
  app.decorate('exportRateLimitPerMinute', config.exportRateLimitPerMinute);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  registerSessions(app, database.db);
  await registerOpenApi(app, version);

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Состояние сервера и связь с базой данных',
        response: { 200: healthResponse, 503: errorBody },
      },
    },
    async (request) => {
      try {
        await sql`select 1`.execute(database.db);
      } catch (error) {
        request.log.error({ err: error }, 'database unreachable');
        throw new AppError('unavailable', 'databaseUnavailable');
      }
      return {
        status: 'ok' as const,
        database: database.engine,
        ...(await backupHealth(database.db, config.backup, request.log)),
        ...(await replicaHealth(database, request.log)),
      };
    },
  );
  registerReadiness(api, database);
  registerAuthRoutes(api, database.db, config);
  registerLockRoutes(api, database.db, config);
  registerSessionRoutes(api, database.db);
  registerTwoFactorRoutes(api, database.db, config);
  registerStructureRoutes(api, database.db);
  registerPeopleRoutes(api, database.db);
  registerCalendarRoutes(api, database.db);
  registerImportsRoutes(api, database.db);
  registerCredentialsRoutes(api, database.db, config.publicUrl);
  registerTimetableRoutes(api, database.db);
  registerDistrictRoutes(api, database.db);
  registerJournalRoutes(api, database.db);
  registerLessonRoutes(api, database.db);
  registerPlanRoutes(api, database.db);
  registerControlRoutes(api, database.db);
  registerDiaryRoutes(api, database.db, config.publicUrl, database.reads);
  registerMessagesRoutes(api, database.db);
  registerNotifyRoutes(api, database.db, config.notify);
  registerReportsRoutes(api, database.db, database.reads);
  registerPrintRoutes(api, database.db);
  registerExchangeRoutes(api, database.db);
  registerPrivacyRoutes(api, database.db);
  registerBackupRoutes(api, database, config);
  registerAuditRoutes(api, database.db);
  registerRegulationRoutes(api, database.db, config.backup);
  registerSupportRoutes(api, database.db);
  registerFirstStepsRoutes(api, database.db);

  const webRoot = resolve(config.webDir);
  const hasWeb = existsSync(resolve(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      // The build writes .br and .gz twins of the text files (vite.config.ts): sent when accepted.
      preCompressed: true,
      setHeaders: (res, path) => {
        res.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  registerNotFound(app, hasWeb);
  return app;
}
