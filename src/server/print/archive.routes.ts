import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { archiveCheck, archiveClasses, archiveClassesQuery } from '../../contract/archive.ts';
import { reachOf } from '../access/scopes.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { AppError, forbidden } from '../http/app-error.ts';
import { errors } from '../http/openapi.ts';
import { exportRateLimit } from '../http/rate-limits.ts';
import { ctxOf } from '../http/session.ts';
import { listArchiveClasses } from './archive-classes.ts';
import { problemText, verifyArchive } from './archive-verify.ts';

const tags = ['archive'];

/** The largest archive the check accepts. */
export const maxArchiveBytes = 200 * 1024 * 1024;

/** Content types an uploaded archive may come as; the body is the ZIP's bytes. */
export const archiveContentTypes = [
  'application/zip',
  'application/x-zip-compressed',
  'application/octet-stream',
];

/** Routes of the year archive: the classes to archive, and the check of an archive file. */
export function registerArchiveRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/archive/classes',
    {
      schema: {
        tags,
        summary: 'Учебные годы и классы, архив которых можно сформировать (администратор, завуч, директор)',
        querystring: archiveClassesQuery,
        response: { 200: archiveClasses, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listArchiveClasses(ctxOf(request, db), request.query.yearId),
  );

  api.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(
      archiveContentTypes,
      { parseAs: 'buffer', bodyLimit: maxArchiveBytes },
      (_r, body, done) => done(null, body),
    );
    scope.post(
      '/api/archive/verify',
      {
        config: { rateLimit: exportRateLimit },
        bodyLimit: maxArchiveBytes,
        schema: {
          tags,
          summary: 'Проверить архив за год: файлы по manifest.json и SHA256SUMS',
          description:
            'Тело запроса — сам ZIP-файл архива (Content-Type: application/zip или application/octet-stream), не больше 200 МБ.',
          response: { 200: archiveCheck, ...errors(400, 401, 403) },
        },
      },
      async (request) => {
        const ctx = ctxOf(request, db);
        if (reachOf(ctx.actor, 'archive.export').schoolIds.length === 0) throw forbidden();
        if (request.body !== undefined && request.body !== null && !Buffer.isBuffer(request.body))
          throw new AppError('unsupported_media_type', 'archiveUnsupportedMediaType');
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        if (bytes.byteLength === 0)
          throw new AppError('validation', 'archiveEmptyUpload', {}, { archiveFile: 'archiveEmptyUpload' });
        const check = verifyArchive(bytes);
        const lang = ctx.request.lang;
        const m = check.manifest;
        return {
          ok: check.ok,
          archive: m
            ? {
                school: m.school.name,
                class: m.class.name,
                academicYear: m.academicYear.name,
                createdOn: m.createdOn,
              }
            : null,
          files: check.files,
          problems: check.problems.map((p) => ({
            code: p.code,
            file: p.file ?? null,
            message: problemText(lang, p),
          })),
        };
      },
    );
  });
}
