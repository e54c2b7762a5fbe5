import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { importQuery, importRejectedBody, importReport, templateQuery } from '../../contract/imports.ts';
import { idParams } from '../../contract/people.ts';
import { reachesAnything, reachOf } from '../access/scopes.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { AppError, forbidden } from '../http/app-error.ts';
import { langOf } from '../http/messages.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import {
  ImportRejected,
  importStudents,
  previewStudentImport,
  type UploadedFile,
} from './import-students.ts';
import { rejectionMessage } from './report.ts';
import { templateCsv, templateXlsx } from './template.ts';

const tags = ['imports'];

/** The largest file accepted. */
export const maxFileBytes = 5 * 1024 * 1024;

/** Content types a file may come as; the body is then the file's bytes. */
export const fileContentTypes = [
  'application/octet-stream',
  'text/csv',
  'application/csv',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

function fileOf(body: unknown, query: { filename?: string; format?: 'csv' | 'xlsx' }): UploadedFile {
  if (body !== undefined && body !== null && !Buffer.isBuffer(body))
    throw new AppError('unsupported_media_type', 'importsUnsupportedMediaType');
  return {
    bytes: Buffer.isBuffer(body) ? body : new Uint8Array(),
    format: query.format,
    filename: query.filename,
  };
}

async function rejecting<T>(request: FastifyRequest, reply: FastifyReply, run: () => Promise<T>) {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
    const lang = langOf(request.headers['accept-language']);
    const { message, fields } = rejectionMessage(lang, error.report);
    return reply.code(400).send({
      error: 'validation' as const,
      message,
      fields,
      report: error.report,
      requestId: String(request.id),
    });
  }
}

/** Students with their parents from CSV or XLSX files: the template, a preview and the import. */
export function registerImportsRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/imports/students/template',
    {
      schema: {
        tags,
        summary: 'Шаблон файла для загрузки учеников с родителями (XLSX или CSV)',
        querystring: templateQuery,
        response: { 200: z.unknown(), ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, db);
      if (!reachesAnything(reachOf(ctx.actor, 'student.import'))) throw forbidden();
      if (request.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="otmetka-students.csv"')
          .send(templateCsv());
      }
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="otmetka-students.xlsx"')
        .send(await templateXlsx(ctx.request.lang));
    },
  );

  api.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(
      fileContentTypes,
      { parseAs: 'buffer', bodyLimit: maxFileBytes },
      (_r, body, done) => done(null, body),
    );
    const schema = (summary: string) => ({
      tags,
      summary,
      description:
        'Тело запроса — сам файл (Content-Type: text/csv, application/octet-stream или тип XLSX), не больше 5 МБ.',
      params: idParams,
      querystring: importQuery,
      response: { 200: importReport, 400: importRejectedBody, ...errors(401, 403, 404) },
    });
    scope.post(
      '/api/classes/:id/imports/students/preview',
      { bodyLimit: maxFileBytes, schema: schema('Предпросмотр загрузки учеников с родителями в класс') },
      async (request) =>
        previewStudentImport(ctxOf(request, db), request.params.id, fileOf(request.body, request.query)),
    );
    scope.post(
      '/api/classes/:id/imports/students',
      { bodyLimit: maxFileBytes, schema: schema('Загрузка учеников с родителями в класс: всё или ничего') },
      async (request, reply) =>
        rejecting(request, reply, () =>
          importStudents(ctxOf(request, db), request.params.id, fileOf(request.body, request.query)),
        ),
    );
  });
}
