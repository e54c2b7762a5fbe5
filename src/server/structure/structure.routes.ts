import type { Kysely } from 'kysely';
import { okResponse, setupBody, setupStatus } from '../../contract/auth.ts';
import { classList, idParams, studentList } from '../../contract/people.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { registerCatalogRoutes } from './catalog.routes.ts';
import { registerGroupRoutes } from './groups.routes.ts';
import { listClasses, listClassStudents } from './list-classes.ts';
import { isSetupNeeded, setUpSchool } from './set-up-school.ts';

const tags = ['structure'];

/** First-run setup and the school's classes. */
export function registerStructureRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/setup',
    {
      config: { public: true },
      schema: { tags, summary: 'Нужна ли первоначальная настройка', response: { 200: setupStatus } },
    },
    async (request) => ({ needed: await isSetupNeeded(ctxOf(request, db)) }),
  );

  api.post(
    '/api/setup',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Первоначальная настройка: школа и её администратор',
        body: setupBody,
        response: { 201: okResponse, ...errors(400, 409) },
      },
    },
    async (request, reply) => {
      await setUpSchool(ctxOf(request, db), request.body);
      return reply.code(201).send({ ok: true as const });
    },
  );

  api.get(
    '/api/classes',
    {
      schema: {
        tags,
        summary: 'Классы, видимые пользователю',
        response: { 200: classList, ...errors(401, 403) },
      },
    },
    async (request) => ({ classes: await listClasses(ctxOf(request, db)) }),
  );

  api.get(
    '/api/classes/:id/students',
    {
      schema: {
        tags,
        summary: 'Обучающиеся класса (только те, кого пользователю можно видеть)',
        params: idParams,
        response: { 200: studentList, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => ({ students: await listClassStudents(ctxOf(request, db), request.params.id) }),
  );

  registerCatalogRoutes(api, db);
  registerGroupRoutes(api, db);
}
