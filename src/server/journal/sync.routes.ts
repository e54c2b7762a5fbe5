import type { Kysely } from 'kysely';
import { checkpointBody, checkpointSaved, syncAnswer, syncBody } from '../../contract/offline.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { recordCheckpoint, syncChanges } from './sync-changes.ts';

const tags = ['journal'];

/** The offline journal's sync (#11): checkpoints of course loads and the queue of offline changes. */
export function registerSyncRoutes(api: Api, db: Kysely<DB>): void {
  api.post(
    '/api/journal/sync/checkpoint',
    {
      schema: {
        tags,
        summary: 'Отметить, что устройство загрузило курс и может работать с ним без связи',
        body: checkpointBody,
        response: { 200: checkpointSaved, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => recordCheckpoint(ctxOf(request, db), request.body),
  );

  api.post(
    '/api/journal/sync',
    {
      schema: {
        tags,
        summary: 'Отправить изменения, сделанные без связи: по порядку, каждое один раз, с конфликтами',
        body: syncBody,
        response: { 200: syncAnswer, ...errors(400, 401, 403) },
      },
    },
    async (request) => syncChanges(ctxOf(request, db), request.body),
  );
}
