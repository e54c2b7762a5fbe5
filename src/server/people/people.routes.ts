import type { Kysely } from 'kysely';
import { idParams, studentCard, studentContactsBody } from '../../contract/people.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { getStudentCard } from './get-student-card.ts';
import { updateStudentContacts } from './update-student-contacts.ts';

const tags = ['people'];

/** Students' cards. */
export function registerPeopleRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/students/:id',
    {
      schema: {
        tags,
        summary: 'Карточка обучающегося',
        params: idParams,
        response: { 200: studentCard, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getStudentCard(ctxOf(request, db), request.params.id),
  );

  api.patch(
    '/api/students/:id',
    {
      schema: {
        tags,
        summary: 'Контакты обучающегося (классный руководитель, администратор)',
        params: idParams,
        body: studentContactsBody,
        response: { 200: studentCard, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => updateStudentContacts(ctxOf(request, db), request.params.id, request.body),
  );
}
