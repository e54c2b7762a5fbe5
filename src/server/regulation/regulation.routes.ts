import type { Kysely } from 'kysely';
import {
  regulationDraftBody,
  regulationFile,
  regulationFileQuery,
  regulationVersionParams,
  regulationView,
} from '../../contract/regulation.ts';
import type { BackupConfig } from '../config.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { exportRateLimit } from '../http/rate-limits.ts';
import { ctxOf } from '../http/session.ts';
import { attachmentDisposition } from '../lessons/lesson-files.ts';
import {
  approveRegulation,
  draftFile,
  getRegulation,
  type RegulationFile,
  saveRegulationDraft,
  versionFile,
} from './regulation.ts';

const tags = ['regulation'];

/** What a route needs of its reply to send a file. */
interface FileReply {
  header(name: string, value: string): FileReply;
  send(payload: Buffer): unknown;
}

const send = (reply: FileReply, file: RegulationFile) =>
  reply
    .header('content-type', file.type)
    .header('cache-control', 'no-store')
    .header('content-disposition', attachmentDisposition(file.name))
    .send(file.body);

/** Routes of the regulation on keeping the electronic journal. */
export function registerRegulationRoutes(api: Api, db: Kysely<DB>, backup: BackupConfig): void {
  api.get(
    '/api/regulation',
    {
      schema: {
        tags,
        summary: 'Положение о ведении электронного журнала: разделы проекта и утверждённые редакции',
        response: { 200: regulationView, ...errors(401, 403, 404) },
      },
    },
    async (request) => getRegulation(ctxOf(request, db), backup),
  );

  api.put(
    '/api/regulation/draft',
    {
      schema: {
        tags,
        summary: 'Директор меняет формулировки разделов проекта положения',
        body: regulationDraftBody,
        response: { 200: regulationView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, db);
      await saveRegulationDraft(ctx, backup, request.body);
      return getRegulation(ctx, backup);
    },
  );

  api.post(
    '/api/regulation/approve',
    {
      schema: {
        tags,
        summary: 'Директор утверждает положение в его нынешней редакции',
        response: { 200: regulationView, ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, db);
      await approveRegulation(ctx, backup);
      return getRegulation(ctx, backup);
    },
  );

  api.get(
    '/api/regulation/file',
    {
      config: { rateLimit: exportRateLimit },
      schema: {
        tags,
        summary: 'Проект положения по нынешним настройкам школы (PDF или DOCX)',
        querystring: regulationFileQuery,
        response: { 200: regulationFile, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => send(reply, await draftFile(ctxOf(request, db), backup, request.query.format)),
  );

  api.get(
    '/api/regulation/versions/:id/file',
    {
      config: { rateLimit: exportRateLimit },
      schema: {
        tags,
        summary: 'Утверждённая редакция положения (PDF или DOCX)',
        params: regulationVersionParams,
        querystring: regulationFileQuery,
        response: { 200: regulationFile, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      send(reply, await versionFile(ctxOf(request, db), request.params.id, request.query.format)),
  );
}
