import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  accountChanged,
  classCredentials,
  issueBody,
  issuedHeader,
  skippedHeader,
  staffCredentials,
} from '../../contract/credentials.ts';
import { idParams } from '../../contract/people.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { issueCredentials } from './issue-credentials.ts';
import { listClassCredentials, listStaffCredentials } from './list-credentials.ts';
import { renderSlips } from './slips-pdf.ts';
import { switchAccount } from './switch-account.ts';

const tags = ['credentials'];
const pdf = z.any().describe('PDF со слипами доступа (application/pdf)');

function dayStamp(d = new Date()): string {
  return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
}

/** The routes of the credentials module: lists with account states, slips, switching accounts off and on. */
export function registerCredentialsRoutes(api: Api, db: Kysely<DB>, publicUrl: string | null = null): void {
  api.get(
    '/api/credentials/staff',
    {
      schema: {
        tags,
        summary: 'Сотрудники школы и их учётные записи (администратор)',
        response: { 200: staffCredentials, ...errors(401, 403) },
      },
    },
    async (request) => listStaffCredentials(ctxOf(request, db)),
  );

  api.get(
    '/api/credentials/classes/:id',
    {
      schema: {
        tags,
        summary: 'Обучающиеся и родители класса и их учётные записи',
        params: idParams,
        response: { 200: classCredentials, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listClassCredentials(ctxOf(request, db), request.params.id),
  );

  api.post(
    '/api/credentials/issue',
    {
      schema: {
        tags,
        summary: 'Выдать доступ (или выдать заново): PDF со слипами логинов и временных паролей',
        body: issueBody,
        response: { 200: pdf, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, db);
      const result = await issueCredentials(ctx, request.body);
      const siteUrl = publicUrl ?? `${request.protocol}://${request.host}`;
      const file = await renderSlips(result.slips, { siteUrl, lang: ctx.request.lang });
      const name = `${ctx.request.lang === 'en' ? 'Access' : 'Доступы'} ${dayStamp()}.pdf`;
      return reply
        .header('content-type', 'application/pdf')
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          `attachment; filename="slips.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .header(issuedHeader, String(result.slips.length))
        .header(skippedHeader, result.skipped.map((s) => `${s.personId}=${s.reason}`).join(','))
        .send(file);
    },
  );

  for (const [verb, on, summary] of [
    ['disable', false, 'Отключить учётную запись (сеансы завершаются, ничего не удаляется)'],
    ['enable', true, 'Включить учётную запись снова'],
  ] as const) {
    api.post(
      `/api/credentials/accounts/:id/${verb}`,
      {
        schema: {
          tags,
          summary,
          params: idParams,
          response: { 200: accountChanged, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => switchAccount(ctxOf(request, db), request.params.id, on),
    );
  }
}
