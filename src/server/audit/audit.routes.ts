import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { auditVerifyQuery, auditVerifyResponse } from '../../contract/audit.ts';
import { reachOf } from '../access/scopes.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { forbidden, notFound } from '../http/app-error.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { verifyChain } from './verify-audit.ts';
import { presentVerify } from './verify-present.ts';

const tags = ['audit'];

/** The check reads a school's whole history: 6 a minute per person keep it from loading the server. */
const verifyRateLimit = {
  max: 6,
  timeWindow: '1 minute',
  keyGenerator: (request: FastifyRequest) =>
    request.auth ? `audit:${request.auth.person.id}` : `audit-ip:${request.ip}`,
};

/** Routes of the audit trail: the check of a school's history. */
export function registerAuditRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/audit/verify',
    {
      config: { rateLimit: verifyRateLimit },
      schema: {
        tags,
        summary:
          'Проверка журнала изменений школы: цепочка событий (изменённые, удалённые, вставленные) и журнал против истории',
        querystring: auditVerifyQuery,
        response: { 200: auditVerifyResponse, ...errors(400, 401, 403, 404, 429) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, db);
      const { schoolIds } = reachOf(ctx.actor, 'audit.verify');
      if (schoolIds.length === 0) throw forbidden();
      const schoolId = request.query.schoolId ?? schoolIds[0]!;
      if (!schoolIds.includes(schoolId)) throw notFound();
      const started = performance.now();
      const report = await verifyChain(db, schoolId);
      return presentVerify(db, report, ctx.request.lang, {
        checkedAt: new Date().toISOString(),
        tookMs: Math.round(performance.now() - started),
      });
    },
  );
}
