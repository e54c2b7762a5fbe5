import type { Kysely } from 'kysely';
import { z } from 'zod';
import { endedResponse, sessionParams, sessionsResponse, signInsResponse } from '../../contract/security.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf, requireAuth } from '../http/session.ts';
import { endMyOtherSessions, endMySession, listMySessions } from './sessions.ts';
import { listMySignIns } from './sign-in-history.ts';

const tags = ['auth'];

/** The «Безопасность» page: one's own live sessions, ending them, and the login history. */
export function registerSessionRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/me/sessions',
    {
      schema: {
        tags,
        summary: 'Свои действующие сеансы: когда открыт, последняя активность, адрес, браузер',
        response: { 200: sessionsResponse, ...errors(401, 403) },
      },
    },
    async (request) => listMySessions(ctxOf(request, db), requireAuth(request)),
  );

  api.post(
    '/api/me/sessions/:id/end',
    {
      schema: {
        tags,
        summary: 'Завершить свой сеанс (чужой или неизвестный — 404)',
        params: sessionParams,
        body: z.strictObject({}).optional(),
        response: { 200: endedResponse, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => endMySession(ctxOf(request, db), requireAuth(request), request.params.id),
  );

  api.post(
    '/api/me/sessions/end-others',
    {
      schema: {
        tags,
        summary: 'Завершить все свои сеансы, кроме этого',
        body: z.strictObject({}).optional(),
        response: { 200: endedResponse, ...errors(401, 403) },
      },
    },
    async (request) => endMyOtherSessions(ctxOf(request, db), requireAuth(request)),
  );

  api.get(
    '/api/me/sign-ins',
    {
      schema: {
        tags,
        summary: 'Своя история входов: последние 50 попыток с адресом и браузером',
        response: { 200: signInsResponse, ...errors(401, 403) },
      },
    },
    async (request) => listMySignIns(ctxOf(request, db)),
  );
}
