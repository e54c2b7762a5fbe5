import type { Kysely } from 'kysely';
import {
  districtSchoolList,
  newSchoolBody,
  newSchoolResult,
  schoolStructure,
  schoolStructureQuery,
} from '../../contract/district.ts';
import { idParams } from '../../contract/people.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { createDistrictSchool } from './create-district-school.ts';
import { getSchoolStructure } from './get-school-structure.ts';
import { listDistrictSchools } from './list-district-schools.ts';

const tags = ['district'];

/** The district's schools: the list, a new school with its administrator, a school's structure. */
export function registerDistrictRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/district/schools',
    {
      schema: {
        tags,
        summary: 'Школы управления образования',
        response: { 200: districtSchoolList, ...errors(401, 403, 404) },
      },
    },
    async (request) => listDistrictSchools(ctxOf(request, db)),
  );

  api.post(
    '/api/district/schools',
    {
      schema: {
        tags,
        summary: 'Новая школа и её первый администратор (одноразовый пароль показывается один раз)',
        body: newSchoolBody,
        response: { 201: newSchoolResult, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      // The answer carries a one-time password: no cache may keep it.
      reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(await createDistrictSchool(ctxOf(request, db), request.body)),
  );

  api.get(
    '/api/district/schools/:id',
    {
      schema: {
        tags,
        summary: 'Структура школы (только просмотр)',
        params: idParams,
        querystring: schoolStructureQuery,
        response: { 200: schoolStructure, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getSchoolStructure(ctxOf(request, db), request.params.id, request.query.yearId),
  );
}
