import type { Kysely } from 'kysely';
import { idParams } from '../../contract/people.ts';
import { newStaffBody, staffItem, staffList, staffUpdateBody } from '../../contract/staff.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { listStaff } from './list-staff.ts';
import { archiveStaff, createStaff, updateStaff } from './manage-staff.ts';

const tags = ['staff'];

/** «Люди и доступы»: the school's staff and their roles (administrator). Registered by the people module. */
export function registerStaffRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/staff',
    {
      schema: {
        tags,
        summary: 'Сотрудники школы с ролями и состоянием учётных записей',
        response: { 200: staffList, ...errors(401, 403) },
      },
    },
    async (request) => ({ staff: await listStaff(ctxOf(request, db)) }),
  );

  api.post(
    '/api/staff',
    {
      schema: {
        tags,
        summary: 'Новый сотрудник с ролями',
        body: newStaffBody,
        response: { 201: staffItem, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => reply.code(201).send(await createStaff(ctxOf(request, db), request.body)),
  );

  api.post(
    '/api/staff/:id',
    {
      schema: {
        tags,
        summary: 'Изменить сотрудника: ФИО, контакты, роли (снятые роли отзываются)',
        params: idParams,
        body: staffUpdateBody,
        response: { 200: staffItem, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updateStaff(ctxOf(request, db), request.params.id, request.body),
  );

  api.post(
    '/api/staff/:id/archive',
    {
      schema: {
        tags,
        summary: 'Отправить сотрудника в архив: учётная запись отключается',
        params: idParams,
        response: { 200: staffItem, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => archiveStaff(ctxOf(request, db), request.params.id),
  );
}
