import type { Kysely } from 'kysely';
import {
  absenceReasonBody,
  absenceReasonSaved,
  absencesAnswer,
  absencesQuery,
  classSummary,
  closureParams,
  closureState,
  closuresAnswer,
  closuresQuery,
  reopenBody,
  summaryQuery,
} from '../../contract/control.ts';
import { idParams } from '../../contract/people.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { listAbsences, setAbsenceReasons } from './absences.ts';
import { getClassSummary } from './class-summary.ts';
import { closePeriod, listClosures, reopenPeriod } from './closures.ts';

const tags = ['journal'];

/** Closing periods, the class teacher's summary and absence reasons. */
export function registerControlRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/journal/closures',
    {
      schema: {
        tags,
        summary: 'Закрытие периодов: периоды года, классы и действующие закрытия',
        querystring: closuresQuery,
        response: { 200: closuresAnswer, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listClosures(ctxOf(request, db), request.query.yearId),
  );

  api.post(
    '/api/journal/periods/:periodId/classes/:classId/close',
    {
      schema: {
        tags,
        summary: 'Закрыть период для класса: отметки становятся только для чтения',
        params: closureParams,
        response: { 200: closureState, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => closePeriod(ctxOf(request, db), request.params.periodId, request.params.classId),
  );

  api.post(
    '/api/journal/periods/:periodId/classes/:classId/reopen',
    {
      schema: {
        tags,
        summary: 'Открыть закрытый период для класса (с причиной)',
        params: closureParams,
        body: reopenBody,
        response: { 200: closureState, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      reopenPeriod(ctxOf(request, db), request.params.periodId, request.params.classId, request.body.reason),
  );

  api.get(
    '/api/journal/classes/:id/summary',
    {
      schema: {
        tags,
        summary: 'Сводка класса за период: средние и отметки за период по всем предметам',
        params: idParams,
        querystring: summaryQuery,
        response: { 200: classSummary, ...errors(400, 401, 404) },
      },
    },
    async (request) => getClassSummary(ctxOf(request, db), request.params.id, request.query.periodId),
  );

  api.get(
    '/api/journal/classes/:id/absences',
    {
      schema: {
        tags,
        summary: 'Пропуски и опоздания учеников класса за даты (по умолчанию — последние 14 дней)',
        params: idParams,
        querystring: absencesQuery,
        response: { 200: absencesAnswer, ...errors(400, 401, 404) },
      },
    },
    async (request) => listAbsences(ctxOf(request, db), request.params.id, request.query),
  );

  api.post(
    '/api/journal/classes/:id/absence-reasons',
    {
      schema: {
        tags,
        summary: 'Классный руководитель указывает причину пропусков ученика (урок, день или даты)',
        params: idParams,
        body: absenceReasonBody,
        response: { 200: absenceReasonSaved, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => setAbsenceReasons(ctxOf(request, db), request.params.id, request.body),
  );
}
