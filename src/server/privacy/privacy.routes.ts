import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { myDataPath } from '../../contract/privacy.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { attachmentDisposition } from '../lessons/lesson-files.ts';
import { downloadMyData } from './download-my-data.ts';

/** A parent's download builds a whole file of their family: 5 an hour per person. */
const downloadRateLimit = {
  max: 5,
  timeWindow: '1 hour',
  keyGenerator: (request: FastifyRequest) =>
    request.auth ? `my-data:${request.auth.person.id}` : `my-data-ip:${request.ip}`,
};

/** Personal data (152-ФЗ): a parent's download of everything held about them and their children. */
export function registerPrivacyRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    myDataPath,
    {
      config: { rateLimit: downloadRateLimit },
      schema: {
        tags: ['privacy'],
        summary:
          'Родитель скачивает все данные о себе и своих детях (JSON): карточки, журнал, сообщения, письма, просмотры',
        response: {
          200: z.any().describe('JSON-файл otmetka-my-data-ГГГГ-ММ-ДД.json (схема myDataFile)'),
          ...errors(401, 403, 429),
        },
      },
    },
    async (request, reply) => {
      const result = await downloadMyData(ctxOf(request, db));
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', attachmentDisposition(result.fileName))
        .send(result.json);
    },
  );
}
