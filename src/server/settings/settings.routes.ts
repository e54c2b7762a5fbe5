import type { Kysely } from 'kysely';
import { idParams } from '../../contract/people.ts';
import { settingsAnswer, settingsForm, workKindBody, workKindUpdateBody } from '../../contract/settings.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { getSchoolSettings, updateSchoolSettings } from './school-settings.ts';
import { addWorkKind, archiveWorkKind, updateWorkKind } from './work-kinds.ts';

const tags = ['settings'];
const answer = { 200: settingsAnswer, ...errors(400, 401, 403, 404, 409) };

/** «Настройки школы» and work kinds (administrator). Registered by the people module. */
export function registerSettingsRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/settings',
    {
      schema: {
        tags,
        summary: 'Настройки школы и виды работ',
        response: { 200: settingsAnswer, ...errors(401, 403) },
      },
    },
    async (request) => getSchoolSettings(ctxOf(request, db)),
  );

  api.post(
    '/api/settings',
    {
      schema: { tags, summary: 'Изменить настройки школы', body: settingsForm, response: answer },
    },
    async (request) => updateSchoolSettings(ctxOf(request, db), request.body),
  );

  api.post(
    '/api/work-kinds',
    { schema: { tags, summary: 'Новый вид работы с весом', body: workKindBody, response: answer } },
    async (request) => addWorkKind(ctxOf(request, db), request.body),
  );

  api.post(
    '/api/work-kinds/:id',
    {
      schema: {
        tags,
        summary: 'Переименовать вид работы или изменить вес',
        params: idParams,
        body: workKindUpdateBody,
        response: answer,
      },
    },
    async (request) => updateWorkKind(ctxOf(request, db), request.params.id, request.body),
  );

  api.post(
    '/api/work-kinds/:id/archive',
    {
      schema: { tags, summary: 'Отправить вид работы в архив', params: idParams, response: answer },
    },
    async (request) => archiveWorkKind(ctxOf(request, db), request.params.id),
  );
}
