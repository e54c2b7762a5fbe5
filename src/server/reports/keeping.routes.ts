import type { Kysely } from 'kysely';
import { heatmapAnswer, keepingAnswer } from '../../contract/report-keeping.ts';
import { reportQuery } from '../../contract/reports.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { keepingHeatmap } from './heatmap.ts';
import { keepingAnswerOf } from './keeping.ts';
import { resolveReportScope } from './report-scope.ts';

const tags = ['reports'];

/** «Ведение журнала» and its heat map. */
export function registerKeepingRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/reports/keeping',
    {
      schema: {
        tags,
        summary:
          'Ведение журнала: незаполненные и внесённые с опозданием темы, домашние задания, посещаемость и отметки',
        querystring: reportQuery,
        response: { 200: keepingAnswer, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, db);
      return keepingAnswerOf(db, await resolveReportScope(ctx, request.query));
    },
  );

  api.get(
    '/api/reports/heatmap',
    {
      schema: {
        tags,
        summary: 'Карта заполнения журнала: учителя × дни (по умолчанию последние 4 недели)',
        querystring: reportQuery,
        response: { 200: heatmapAnswer, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, db);
      return keepingHeatmap(db, await resolveReportScope(ctx, request.query));
    },
  );
}
