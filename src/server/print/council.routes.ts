import type { Kysely } from 'kysely';
import {
  councilClassParams,
  councilDecisionBody,
  councilList,
  councilStudentParams,
} from '../../contract/council.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { decideCouncil, listCouncilDecisions, removeCouncilDecision } from './council-decisions.ts';

const tags = ['print'];

/** Routes of the pedagogical council's decisions. */
export function registerCouncilRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/classes/:classId/council-decisions',
    {
      schema: {
        tags,
        summary: 'Ученики класса и решения педсовета за учебный год',
        params: councilClassParams,
        response: { 200: councilList, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listCouncilDecisions(ctxOf(request, db), request.params.classId),
  );

  api.put(
    '/api/classes/:classId/council-decisions/:studentId',
    {
      schema: {
        tags,
        summary: 'Записать или изменить решение педсовета об ученике (дата и номер протокола)',
        params: councilStudentParams,
        body: councilDecisionBody,
        response: { 200: councilList, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, db);
      await decideCouncil(ctx, request.params.classId, request.params.studentId, request.body);
      return listCouncilDecisions(ctx, request.params.classId);
    },
  );

  api.delete(
    '/api/classes/:classId/council-decisions/:studentId',
    {
      schema: {
        tags,
        summary: 'Удалить решение педсовета об ученике',
        params: councilStudentParams,
        response: { 200: councilList, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, db);
      await removeCouncilDecision(ctx, request.params.classId, request.params.studentId);
      return listCouncilDecisions(ctx, request.params.classId);
    },
  );
}
