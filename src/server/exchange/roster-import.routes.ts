import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import {
  rosterImportQuery,
  rosterImportRejectedBody,
  rosterImportReport,
} from '../../contract/roster-import.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { AppError } from '../http/app-error.ts';
import { langOf } from '../http/messages.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { importRoster, previewRosterImport, RosterImportRejected } from './roster-import.ts';
import { rosterRejection } from './roster-import-report.ts';

const tags = ['exchange'];

/** The largest archive accepted. */
export const maxRosterBytes = 50 * 1024 * 1024;

/** Content types the archive may come as; the body is then its bytes. */
const zipContentTypes = ['application/zip', 'application/x-zip-compressed', 'application/octet-stream'];

function bytesOf(body: unknown): Uint8Array {
  if (body !== undefined && body !== null && !Buffer.isBuffer(body))
    throw new AppError('unsupported_media_type', 'rosterImportUnsupportedMediaType');
  return Buffer.isBuffer(body) ? body : new Uint8Array();
}

/** The OneRoster 1.2 CSV import: a preview with a per-row report, and the import, all or nothing. */
export function registerRosterImportRoutes(api: Api, db: Kysely<DB>): void {
  api.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(
      zipContentTypes,
      { parseAs: 'buffer', bodyLimit: maxRosterBytes },
      (_r, body, done) => done(null, body),
    );
    const schema = (summary: string) => ({
      tags,
      summary,
      description:
        'Тело запроса — архив ZIP с файлами OneRoster 1.2 CSV (Content-Type: application/zip), не больше 50 МБ.',
      querystring: rosterImportQuery,
      response: { 200: rosterImportReport, 400: rosterImportRejectedBody, ...errors(401, 403, 404) },
    });
    scope.post(
      '/api/exchange/oneroster/preview',
      {
        bodyLimit: maxRosterBytes,
        schema: schema('Предпросмотр загрузки OneRoster: что будет с каждой строкой'),
      },
      async (request) => previewRosterImport(ctxOf(request, db), request.query.yearId, bytesOf(request.body)),
    );
    scope.post(
      '/api/exchange/oneroster/import',
      {
        bodyLimit: maxRosterBytes,
        schema: schema('Загрузка OneRoster (классы, предметы, люди, зачисления): всё или ничего'),
      },
      async (request, reply) => {
        try {
          return await importRoster(ctxOf(request, db), request.query.yearId, bytesOf(request.body));
        } catch (error) {
          if (!(error instanceof RosterImportRejected)) throw error;
          const { message, fields } = rosterRejection(
            langOf(request.headers['accept-language']),
            error.report,
          );
          return reply.code(400).send({
            error: 'validation' as const,
            message,
            fields,
            report: error.report,
            requestId: String(request.id),
          });
        }
      },
    );
  });
}
