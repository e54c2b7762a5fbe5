import type { Kysely } from 'kysely';
import { assessmentsAnswer, densityAnswer, ktpAnswer } from '../../contract/report-density.ts';
import { reportQuery } from '../../contract/reports.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { computeAssessments } from './assessments.ts';
import { computeDensity } from './density.ts';
import { computeKtpLag } from './ktp-lag.ts';
import { resolveReportScope } from './report-scope.ts';

const tags = ['reports'];

/** Mark density and «н/а» risk, КТП lag, and the schedule of assessment procedures. */
export function registerDensityRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/reports/density',
    {
      schema: {
        tags,
        summary: 'Накопляемость оценок: оценок на ученика против минимума и ученики под риском «н/а»',
        querystring: reportQuery,
        response: { 200: densityAnswer, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, db);
      return computeDensity(ctx, await resolveReportScope(ctx, request.query));
    },
  );

  api.get(
    '/api/reports/ktp',
    {
      schema: {
        tags,
        summary: 'Выполнение КТП: часы по плану на дату, проведённые уроки, отставание и оставшиеся уроки',
        querystring: reportQuery,
        response: { 200: ktpAnswer, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, db);
      return computeKtpLag(ctx, await resolveReportScope(ctx, request.query));
    },
  );

  api.get(
    '/api/reports/assessments',
    {
      schema: {
        tags,
        summary: 'График оценочных процедур по классам и предметам и нарушения федеральных рекомендаций',
        querystring: reportQuery,
        response: { 200: assessmentsAnswer, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, db);
      return computeAssessments(ctx, await resolveReportScope(ctx, request.query));
    },
  );
}
