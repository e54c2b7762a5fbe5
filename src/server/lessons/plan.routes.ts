import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { templateQuery } from '../../contract/imports.ts';
import {
  planAnswer,
  planCopyBody,
  planFillBody,
  planFilled,
  planImportQuery,
  planImportRejectedBody,
  planImportReport,
  planItemBody,
  planItemUpdateBody,
  planSources,
} from '../../contract/lessons.ts';
import { idParams } from '../../contract/people.ts';
import { rolesOf } from '../access/actor.ts';
import { reachesAnything, reachOf } from '../access/scopes.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { AppError, forbidden } from '../http/app-error.ts';
import { langOf } from '../http/messages.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { ImportRejected } from '../imports/import-students.ts';
import { fileContentTypes, maxFileBytes } from '../imports/imports.routes.ts';
import { rejectionMessage } from '../imports/report.ts';
import { copyPlan, listPlanSources } from './copy-plan.ts';
import { fillPlan } from './fill-plan.ts';
import { getPlan } from './get-plan.ts';
import { importPlan } from './import-plan.ts';
import { addPlanItem, removePlanItem, updatePlanItem } from './plan-items.ts';
import { planTemplateCsv, planTemplateXlsx } from './plan-template.ts';

const tags = ['plan'];

/** Answers a refused import with 400 and the whole report, as the students import does. */
async function rejecting<T>(request: FastifyRequest, reply: FastifyReply, run: () => Promise<T>) {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
    const { message, fields } = rejectionMessage(langOf(request.headers['accept-language']), error.report);
    return reply.code(400).send({
      error: 'validation' as const,
      message,
      fields,
      report: error.report,
      requestId: String(request.id),
    });
  }
}

/** The КТП of a course: topics, import, copy, filling lessons, plan vs fact. */
export function registerPlanRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/journal/plan/template',
    {
      schema: {
        tags,
        summary: 'Шаблон КТП для загрузки (XLSX или CSV) с примером',
        querystring: templateQuery,
        response: { 200: z.unknown(), ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      // Only those who keep a КТП (teachers) or read journals (leadership) need the template.
      const { actor } = ctxOf(request, db);
      if (!rolesOf(actor).includes('teacher') && !reachesAnything(reachOf(actor, 'journal.view')))
        throw forbidden();
      if (request.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="otmetka-ktp.csv"')
          .send(planTemplateCsv());
      }
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="otmetka-ktp.xlsx"')
        .send(await planTemplateXlsx());
    },
  );

  api.get(
    '/api/journal/courses/:id/plan',
    {
      schema: {
        tags,
        summary: 'КТП курса: темы по порядку с уроками, план и факт',
        params: idParams,
        response: { 200: planAnswer, ...errors(400, 401, 404) },
      },
    },
    async (request) => getPlan(ctxOf(request, db), request.params.id),
  );

  api.post(
    '/api/journal/courses/:id/plan/items',
    {
      schema: {
        tags,
        summary: 'Добавить тему в КТП (в конец или на место position)',
        params: idParams,
        body: planItemBody,
        response: { 201: planAnswer, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addPlanItem(ctxOf(request, db), request.params.id, request.body)),
  );

  api.post(
    '/api/journal/plan-items/:id',
    {
      schema: {
        tags,
        summary: 'Изменить тему КТП или переставить её',
        params: idParams,
        body: planItemUpdateBody,
        response: { 200: planAnswer, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => updatePlanItem(ctxOf(request, db), request.params.id, request.body),
  );

  api.post(
    '/api/journal/plan-items/:id/remove',
    {
      schema: {
        tags,
        summary: 'Удалить тему КТП (уроки сохраняют текст темы)',
        params: idParams,
        response: { 200: planAnswer, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => removePlanItem(ctxOf(request, db), request.params.id),
  );

  api.get(
    '/api/journal/courses/:id/plan/sources',
    {
      schema: {
        tags,
        summary: 'Курсы того же предмета (этот и прошлые годы), чей КТП можно скопировать',
        params: idParams,
        response: { 200: planSources, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listPlanSources(ctxOf(request, db), request.params.id),
  );

  api.post(
    '/api/journal/courses/:id/plan/copy',
    {
      schema: {
        tags,
        summary: 'Скопировать КТП другого курса (replace — заменить имеющийся)',
        params: idParams,
        body: planCopyBody,
        response: { 200: planAnswer, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => copyPlan(ctxOf(request, db), request.params.id, request.body),
  );

  api.post(
    '/api/journal/courses/:id/plan/fill',
    {
      schema: {
        tags,
        summary: 'Проставить темы КТП в уроки без темы по порядку',
        params: idParams,
        body: planFillBody,
        response: { 200: planFilled, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => fillPlan(ctxOf(request, db), request.params.id, request.body),
  );

  api.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(
      fileContentTypes,
      { parseAs: 'buffer', bodyLimit: maxFileBytes },
      (_r, body, done) => done(null, body),
    );
    scope.post(
      '/api/journal/courses/:id/plan/import',
      {
        bodyLimit: maxFileBytes,
        schema: {
          tags,
          summary: 'Загрузка КТП из XLSX или CSV: предпросмотр, с commit=true — всё или ничего',
          description:
            'Тело запроса — сам файл (Content-Type: text/csv, application/octet-stream или тип XLSX), не больше 5 МБ. Шаблон: docs/KTP.md.',
          params: idParams,
          querystring: planImportQuery,
          response: { 200: planImportReport, 400: planImportRejectedBody, ...errors(401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        rejecting(request, reply, () => {
          const body = request.body;
          if (body !== undefined && body !== null && !Buffer.isBuffer(body))
            throw new AppError('unsupported_media_type', 'lessonsKtpUnsupportedMediaType');
          const { filename, format, commit, replace } = request.query;
          return importPlan(
            ctxOf(request, db),
            request.params.id,
            { bytes: Buffer.isBuffer(body) ? body : new Uint8Array(), filename, format },
            { commit: commit === 'true', replace: replace === 'true' },
          );
        }),
    );
  });
}
