import type { Kysely } from 'kysely';
import { idParams } from '../../contract/people.ts';
import {
  newProblemBody,
  problemItem,
  problemList,
  problemsQuery,
  resolveProblemBody,
  supportContactsAnswer,
  supportContactsBody,
} from '../../contract/support.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { getSupportContacts, setSupportContacts } from './contacts.ts';
import { listProblems, myProblems, reportProblem, resolveProblem } from './problems.ts';

const tags = ['support'];

/** Help and support: the school's contacts and problem reports (issue #12). */
export function registerSupportRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/support/contacts',
    {
      schema: {
        tags,
        summary: 'Контакты поддержки школы',
        response: { 200: supportContactsAnswer, ...errors(401, 403) },
      },
    },
    async (request) => getSupportContacts(ctxOf(request, db)),
  );

  api.post(
    '/api/support/contacts',
    {
      schema: {
        tags,
        summary: 'Задать контакты поддержки (администратор)',
        body: supportContactsBody,
        response: { 200: supportContactsAnswer, ...errors(400, 401, 403) },
      },
    },
    async (request) => setSupportContacts(ctxOf(request, db), request.body),
  );

  api.post(
    '/api/support/problems',
    {
      schema: {
        tags,
        summary: 'Сообщить о проблеме со страницы',
        body: newProblemBody,
        response: { 200: problemItem, ...errors(400, 401, 403) },
      },
    },
    async (request) => reportProblem(ctxOf(request, db), request.body),
  );

  api.get(
    '/api/support/problems',
    {
      schema: {
        tags,
        summary: 'Сообщения о проблемах школы (администратор)',
        querystring: problemsQuery,
        response: { 200: problemList, ...errors(400, 401, 403) },
      },
    },
    async (request) => listProblems(ctxOf(request, db), request.query),
  );

  api.get(
    '/api/support/my-problems',
    {
      schema: {
        tags,
        summary: 'Мои сообщения о проблемах',
        response: { 200: problemList, ...errors(401, 403) },
      },
    },
    async (request) => myProblems(ctxOf(request, db)),
  );

  api.post(
    '/api/support/problems/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Отметить проблему решённой (администратор)',
        params: idParams,
        body: resolveProblemBody,
        response: { 200: problemItem, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => resolveProblem(ctxOf(request, db), request.params.id, request.body),
  );
}
