import type { Kysely } from 'kysely';
import { firstStepsQuery, firstStepsResponse } from '../../contract/first-steps.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { firstSteps } from './first-steps.ts';

const tags = ['first-steps'];

/** Routes of the administrator's first-steps checklist. */
export function registerFirstStepsRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/admin/first-steps',
    {
      schema: {
        tags,
        summary:
          'Первые шаги администратора школы: от настройки до первого записанного урока — что сделано и что дальше',
        querystring: firstStepsQuery,
        response: { 200: firstStepsResponse, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => firstSteps(ctxOf(request, db), { schoolId: request.query.schoolId }),
  );
}
