import type { Kysely } from 'kysely';
import { z } from 'zod';
import { reportQuery } from '../../contract/reports.ts';
import {
  districtExportQuery,
  districtReportAnswer,
  districtReportQuery,
  resultsAnswer,
} from '../../contract/results.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { exportRateLimit } from '../http/rate-limits.ts';
import { ctxOf } from '../http/session.ts';
import { attachmentDisposition } from '../lessons/lesson-files.ts';
import { districtReport, districtTables, districtTitle } from './district-reports.ts';
import { renderPdf } from './export-pdf.ts';
import { renderXlsx } from './export-xlsx.ts';
import { resolveReportScope } from './report-scope.ts';
import { resultsReport } from './results.definition.ts';
import { computeResults } from './results.ts';

const tags = ['reports'];

const contentTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** The results report of a school and the district rollup with its export. */
export function registerResultsRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/reports/results',
    {
      schema: {
        tags,
        summary:
          'Успеваемость, качество, СОУ и средний балл за период: итоги, по классам, предметам, учителям; списки учащихся',
        querystring: reportQuery,
        response: { 200: resultsAnswer, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, db);
      const scope = await resolveReportScope(ctx, request.query, resultsReport.options);
      return computeResults(ctx.db, scope);
    },
  );

  api.get(
    '/api/district/reports',
    {
      schema: {
        tags,
        summary:
          'Сводка по школам района: учащиеся, успеваемость, качество, СОУ, средний балл (без персональных данных)',
        querystring: districtReportQuery,
        response: { 200: districtReportAnswer, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => districtReport(ctxOf(request, db), request.query),
  );

  api.get(
    '/api/district/reports/export',
    {
      config: { rateLimit: exportRateLimit },
      schema: {
        tags,
        summary: 'Выгрузка сводки по школам района в XLSX или PDF',
        querystring: districtExportQuery,
        response: { 200: z.any().describe('Файл сводки: XLSX или PDF'), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, db);
      const { format, ...q } = request.query;
      const answer = await districtReport(ctx, q);
      const lang = ctx.request.lang;
      const periods = [...new Set(answer.schools.map((s) => s.period).filter((p) => p !== null))];
      const subtitle = [answer.district, ...periods].join(' · ');
      const render = format === 'pdf' ? renderPdf : renderXlsx;
      const file = await render(districtTitle(lang), subtitle, districtTables(answer, lang), lang);
      return reply
        .header('content-type', contentTypes[format])
        .header('cache-control', 'no-store')
        .header('content-disposition', attachmentDisposition(`district-${answer.districtId}.${format}`))
        .send(file);
    },
  );
}
