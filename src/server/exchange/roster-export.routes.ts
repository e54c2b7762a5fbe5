import type { Kysely } from 'kysely';
import { z } from 'zod';
import { rosterExportQuery } from '../../contract/roster-export.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { exportRateLimit } from '../http/rate-limits.ts';
import { ctxOf } from '../http/session.ts';
import { attachmentDisposition } from '../lessons/lesson-files.ts';
import { exportOneRoster } from './roster-export.ts';

/** Routes of the OneRoster export. */
export function registerRosterExportRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/exchange/oneroster',
    {
      config: { rateLimit: exportRateLimit },
      schema: {
        tags: ['exchange'],
        summary:
          'Выгрузка учебного года в OneRoster 1.2 CSV (ZIP): организации, периоды, курсы, классы, люди, роли, зачисления, отметки',
        querystring: rosterExportQuery,
        response: {
          200: z.any().describe('ZIP с файлами CSV OneRoster 1.2 и manifest.csv'),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, db);
      const result = await exportOneRoster(ctx, request.query.yearId);
      return reply
        .header('content-type', 'application/zip')
        .header('cache-control', 'no-store')
        .header('content-disposition', attachmentDisposition(result.fileName))
        .send(Buffer.from(result.zip));
    },
  );
}
