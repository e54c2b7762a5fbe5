import type { Kysely } from 'kysely';

import { okResponse } from '../../contract/auth.ts';
import { idParams } from '../../contract/people.ts';
import {
  classSubgroups,
  createdResponse,
  crossGroupBody,
  crossGroupList,
  groupsCreatedResponse,
  moveBody,
  onQuery,
  subgroupsBody,
} from '../../contract/structure.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { createCrossGroup } from './create-cross-group.ts';
import { createSubgroups } from './create-subgroups.ts';
import { getClassSubgroups } from './get-class-subgroups.ts';
import { listCrossGroups } from './list-cross-groups.ts';
import { moveStudentToGroup } from './move-student-to-group.ts';

const tags = ['structure'];

/** Subgroups, cross-class groups and moving students between groups. */
export function registerGroupRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/classes/:id/subgroups',
    {
      schema: {
        tags,
        summary: 'Подгруппы класса по предметам и их состав на дату (классный руководитель, администратор)',
        params: idParams,
        querystring: onQuery,
        response: { 200: classSubgroups, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getClassSubgroups(ctxOf(request, db), request.params.id, request.query.on),
  );

  api.post(
    '/api/classes/:id/subgroups',
    {
      schema: {
        tags,
        summary: 'Разделить класс на подгруппы по предмету',
        params: idParams,
        body: subgroupsBody,
        response: { 201: groupsCreatedResponse, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const groupIds = await createSubgroups(ctxOf(request, db), {
        ...request.body,
        classId: request.params.id,
      });
      return reply.code(201).send({ groupIds });
    },
  );

  api.get(
    '/api/structure/cross-groups',
    {
      schema: {
        tags,
        summary: 'Межклассные группы по предметам и их состав на дату (администратор)',
        querystring: onQuery,
        response: { 200: crossGroupList, ...errors(400, 401, 403) },
      },
    },
    async (request) => listCrossGroups(ctxOf(request, db), request.query.on),
  );

  api.post(
    '/api/structure/cross-groups',
    {
      schema: {
        tags,
        summary: 'Создать межклассную группу (факультатив, профильная группа)',
        body: crossGroupBody,
        response: { 201: createdResponse, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ id: await createCrossGroup(ctxOf(request, db), request.body) }),
  );

  api.post(
    '/api/groups/:id/moves',
    {
      schema: {
        tags,
        summary: 'Перевести обучающегося из этой группы в другую с даты',
        params: idParams,
        body: moveBody,
        response: { 200: okResponse, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await moveStudentToGroup(ctxOf(request, db), request.params.id, request.body);
      return { ok: true as const };
    },
  );
}
