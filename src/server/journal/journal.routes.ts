import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyRouteSchemaDef, FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { errorBody } from '../../contract/errors.ts';
import {
  attendanceBody,
  attendanceColumnBody,
  attendanceColumnSaved,
  attendanceSaved,
  cellConflict,
  columnBody,
  columnsSaved,
  gridQuery,
  historyAnswer,
  historyQuery,
  journalCourseList,
  journalCoursesQuery,
  journalGrid,
  markBody,
  markSaved,
  periodMarkBody,
  periodMarkSaved,
} from '../../contract/journal.ts';
import { idParams } from '../../contract/people.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { AppError } from '../http/app-error.ts';
import { fieldNames, langOf, translate } from '../http/messages.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { addColumn } from './add-column.ts';
import { cellHistory } from './cell-history.ts';
import { CellConflict } from './cell-write.ts';
import { getGrid } from './get-grid.ts';
import { attendanceSymbol } from './journal.present.ts';
import { listJournalCourses } from './list-courses.ts';
import { saveAttendance } from './save-attendance.ts';
import { saveAttendanceColumn } from './save-attendance-column.ts';
import { saveMark } from './save-mark.ts';
import { savePeriodMark } from './save-period-mark.ts';
import { registerSyncRoutes } from './sync.routes.ts';

const tags = ['journal'];

/**
 * The grid's 200 answer is built field by field from the contract (get-grid.ts, journal.present.ts),
 * so it is written with JSON.stringify: encoding ≈1,500 cells through zod again cost ≈1 ms a request.
 * The schema stays for the OpenAPI document; the other statuses go through zod as everywhere.
 */
const gridSerializer: FastifySerializerCompiler<unknown> = (route) =>
  route.httpStatus === '200'
    ? (data) => JSON.stringify(data)
    : serializerCompiler(route as FastifyRouteSchemaDef<never>);

/** What a conflicting cell holds, as the message quotes it. */
function shown(current: CellConflict['current']): string {
  if (!current) return '';
  if ('workKindId' in current || 'periodId' in current) return current.value;
  return attendanceSymbol(current) ?? '';
}

/**
 * Runs a write: a stale save answers 409 with the cell as stored now; a field error whose message
 * has parameters (what may be typed) is answered with them filled in beside the field.
 */
async function answer<T>(request: FastifyRequest, reply: FastifyReply, run: () => Promise<T>) {
  try {
    return await run();
  } catch (error) {
    const lang = langOf(request.headers['accept-language']);
    if (error instanceof CellConflict) {
      const message = error.current
        ? translate(lang, 'journalConflict', { current: shown(error.current) })
        : translate(lang, 'journalConflictEmpty');
      return reply
        .code(409)
        .send({ error: 'conflict' as const, message, current: error.current, requestId: String(request.id) });
    }
    if (!(error instanceof AppError) || !error.fields || Object.keys(error.params).length === 0) throw error;
    const fields = Object.fromEntries(
      Object.entries(error.fields).map(([f, key]) => [f, translate(lang, key, error.params)]),
    );
    const message = translate(lang, 'validation', { fields: fieldNames(lang, Object.keys(fields)) });
    return reply.code(400).send({ error: 'validation', message, fields, requestId: String(request.id) });
  }
}

/** The journal grid: courses, marks, attendance, period marks and the history of a cell. */
export function registerJournalRoutes(api: Api, db: Kysely<DB>): void {
  // 409: a stale save gets the cell as stored now; a closed period, the usual error body.
  const writeErrors = { ...errors(400, 401, 403, 404), 409: z.union([cellConflict, errorBody]) };

  api.get(
    '/api/journal/courses',
    {
      schema: {
        tags,
        summary: 'Журналы, доступные пользователю, и уроки, которые он заменяет',
        querystring: journalCoursesQuery,
        response: { 200: journalCourseList, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listJournalCourses(ctxOf(request, db), request.query.classId),
  );

  api.get(
    '/api/journal/courses/:id',
    {
      schema: {
        tags,
        summary: 'Журнал курса за период: ученики, уроки, отметки, посещаемость, итоговые',
        params: idParams,
        querystring: gridQuery,
        response: { 200: journalGrid, ...errors(400, 401, 403, 404) },
      },
      serializerCompiler: gridSerializer,
    },
    async (request, reply) =>
      answer(request, reply, () => getGrid(ctxOf(request, db), request.params.id, request.query.periodId)),
  );

  api.post(
    '/api/journal/marks',
    {
      schema: {
        tags,
        summary: 'Поставить, изменить или удалить отметку в ячейке',
        body: markBody,
        response: { 200: markSaved, ...writeErrors },
      },
    },
    async (request, reply) => answer(request, reply, () => saveMark(ctxOf(request, db), request.body)),
  );

  api.post(
    '/api/journal/attendance',
    {
      schema: {
        tags,
        summary: 'Отметить отсутствие или опоздание ученика на уроке (или снять)',
        body: attendanceBody,
        response: { 200: attendanceSaved, ...writeErrors },
      },
    },
    async (request, reply) => answer(request, reply, () => saveAttendance(ctxOf(request, db), request.body)),
  );

  api.post(
    '/api/journal/lessons/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Сохранить посещаемость урока целиком и отметить, что она проверена',
        params: idParams,
        body: attendanceColumnBody,
        response: { 200: attendanceColumnSaved, ...writeErrors },
      },
    },
    async (request, reply) =>
      answer(request, reply, () => saveAttendanceColumn(ctxOf(request, db), request.params.id, request.body)),
  );

  api.post(
    '/api/journal/lessons/:id/columns',
    {
      schema: {
        tags,
        summary: 'Добавить в урок колонку отметок за вид работы',
        params: idParams,
        body: columnBody,
        response: { 200: columnsSaved, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      answer(request, reply, () =>
        addColumn(ctxOf(request, db), request.params.id, request.body.workKindId, request.body.editReason),
      ),
  );

  api.post(
    '/api/journal/period-marks',
    {
      schema: {
        tags,
        summary: 'Поставить или удалить отметку за период, год, экзамен или итоговую',
        body: periodMarkBody,
        response: { 200: periodMarkSaved, ...writeErrors },
      },
    },
    async (request, reply) => answer(request, reply, () => savePeriodMark(ctxOf(request, db), request.body)),
  );

  api.get(
    '/api/journal/history',
    {
      schema: {
        tags,
        summary: 'История ячейки журнала: кто, когда, что на что изменил и почему',
        querystring: historyQuery,
        response: { 200: historyAnswer, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => cellHistory(ctxOf(request, db), request.query),
  );

  registerSyncRoutes(api, db);
}
