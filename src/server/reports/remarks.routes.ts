import type { Kysely } from 'kysely';
import { idParams } from '../../contract/people.ts';
import {
  fixRemarkBody,
  newRemarkBody,
  remarkItem,
  remarksAnswer,
  remarksQuery,
  remarksReport as remarksReportSchema,
  reopenRemarkBody,
} from '../../contract/remarks.ts';
import { reportQuery } from '../../contract/reports.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { closeRemark, createRemark, fixRemark, listRemarks, reopenRemark } from './remarks.ts';
import { remarksReport } from './remarks-report.ts';
import { resolveReportScope } from './report-scope.ts';

const tags = ['reports'];

/**
 * Remarks on journal keeping: the leadership writes, closes and sends back; the teacher fixes. The
 * workflow (list and changes) uses `db`; the remarks report reads `reads` like every report.
 */
export function registerRemarksRoutes(api: Api, db: Kysely<DB>, reads: Kysely<DB> = db): void {
  api.get(
    '/api/remarks',
    {
      schema: {
        tags,
        summary:
          'Замечания по ведению журналов: руководству — все замечания школы, учителю — по его журналам',
        querystring: remarksQuery,
        response: { 200: remarksAnswer, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listRemarks(ctxOf(request, db), request.query),
  );

  api.post(
    '/api/remarks',
    {
      schema: {
        tags,
        summary: 'Завуч или директор записывает замечание к журналу (можно — к его уроку)',
        body: newRemarkBody,
        response: { 201: remarkItem, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await createRemark(ctxOf(request, db), request.body)),
  );

  api.post(
    '/api/remarks/:id/fix',
    {
      schema: {
        tags,
        summary: 'Учитель журнала отмечает замечание исправленным (с пояснением или без)',
        params: idParams,
        body: fixRemarkBody,
        response: { 200: remarkItem, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => fixRemark(ctxOf(request, db), request.params.id, request.body.note),
  );

  api.post(
    '/api/remarks/:id/close',
    {
      schema: {
        tags,
        summary: 'Завуч или директор закрывает замечание',
        params: idParams,
        response: { 200: remarkItem, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => closeRemark(ctxOf(request, db), request.params.id),
  );

  api.post(
    '/api/remarks/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Завуч или директор возвращает исправленное замечание на доработку',
        params: idParams,
        body: reopenRemarkBody,
        response: { 200: remarkItem, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => reopenRemark(ctxOf(request, db), request.params.id, request.body.text),
  );

  api.get(
    '/api/reports/remarks',
    {
      schema: {
        tags,
        summary: 'Отчёт о замечаниях: по учителям и списком, за даты',
        querystring: reportQuery,
        response: { 200: remarksReportSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, reads);
      return remarksReport.compute(ctx, await resolveReportScope(ctx, request.query));
    },
  );
}
