import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { idParams } from '../../contract/people.ts';
import {
  changeBody,
  changeList,
  changeSaved,
  changesQuery,
  closeSlotBody,
  draftBody,
  draftReport,
  generateBody,
  generationReport,
  slotBody,
  slotSaved,
  teacherList,
  weekQuery,
  weekResponse,
} from '../../contract/timetable.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { AppError } from '../http/app-error.ts';
import { fieldNames, langOf, translate } from '../http/messages.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { buildDraft } from './draft-timetable.ts';
import { generateLessons } from './generate-lessons.ts';
import { getWeek, listTeachers } from './get-week.ts';
import { removeChange } from './remove-change.ts';
import { addSlot, closeSlot, editSlot } from './save-slots.ts';
import { actorSchool } from './timetable.policy.ts';
import { createChange, listChanges } from './timetable-changes.ts';

const tags = ['timetable'];

/**
 * Runs a use case; a field error whose message names who or what clashes is answered here, with
 * its parameters filled in beside the field (the shared renderer fills them only in the message).
 */
async function answer<T>(request: FastifyRequest, reply: FastifyReply, run: () => Promise<T>) {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AppError) || !error.fields || Object.keys(error.params).length === 0) throw error;
    const lang = langOf(request.headers['accept-language']);
    const text = translate(lang, error.messageKey, error.params);
    const fields = Object.fromEntries(Object.keys(error.fields).map((f) => [f, text]));
    // As everywhere: the message above the form names the fields, the field tells what is wrong.
    const message = translate(lang, 'validation', { fields: fieldNames(lang, Object.keys(fields)) });
    return reply.code(400).send({ error: 'validation', message, fields, requestId: String(request.id) });
  }
}

/** The weekly timetable, dated changes and lesson generation. */
export function registerTimetableRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/timetable/classes/:id',
    {
      schema: {
        tags,
        summary: 'Расписание класса на неделю (действующее на дату)',
        params: idParams,
        querystring: weekQuery,
        response: { 200: weekResponse, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getWeek(ctxOf(request, db), request.params.id, request.query.on),
  );

  api.post(
    '/api/timetable/slots',
    {
      schema: {
        tags,
        summary: 'Поставить курс в расписание с даты',
        body: slotBody,
        response: { 201: slotSaved, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      answer(request, reply, async () => {
        const id = await addSlot(ctxOf(request, db), request.body);
        return reply.code(201).send({ id });
      }),
  );

  // PATCH as REST has it, POST for the web client (which sends GET and POST only).
  for (const method of ['patch', 'post'] as const)
    api[method](
      '/api/timetable/slots/:id',
      {
        schema: {
          tags,
          summary: 'Изменить урок расписания с даты (прошлое не меняется)',
          params: idParams,
          body: slotBody,
          response: { 200: slotSaved, ...errors(400, 401, 403, 404) },
        },
      },
      async (request, reply) =>
        answer(request, reply, async () => ({
          id: await editSlot(ctxOf(request, db), request.params.id, request.body),
        })),
    );

  api.post(
    '/api/timetable/slots/:id/close',
    {
      schema: {
        tags,
        summary: 'Убрать урок из расписания с даты',
        params: idParams,
        body: closeSlotBody,
        response: { 200: slotSaved, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      answer(request, reply, async () => {
        await closeSlot(ctxOf(request, db), request.params.id, request.body);
        return { id: request.params.id };
      }),
  );

  api.post(
    '/api/timetable/classes/:id/draft',
    {
      schema: {
        tags,
        summary: 'Составить черновик расписания пустого класса',
        params: idParams,
        body: draftBody,
        response: { 201: draftReport, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      answer(request, reply, async () =>
        reply.code(201).send(await buildDraft(ctxOf(request, db), request.params.id, request.body.from)),
      ),
  );

  api.post(
    '/api/timetable/lessons',
    {
      schema: {
        tags,
        summary: 'Создать уроки по расписанию за период (класс или вся школа)',
        body: generateBody,
        response: { 200: generationReport, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => generateLessons(ctxOf(request, db), request.body),
  );

  api.get(
    '/api/timetable/classes/:id/changes',
    {
      schema: {
        tags,
        summary: 'Изменения расписания класса по датам',
        params: idParams,
        querystring: changesQuery,
        response: { 200: changeList, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => ({ changes: await listChanges(ctxOf(request, db), request.params.id, request.query) }),
  );

  api.post(
    '/api/timetable/changes',
    {
      schema: {
        tags,
        summary: 'Замена, отмена, перенос или дополнительный урок на дату',
        body: changeBody,
        response: { 201: changeSaved, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      answer(request, reply, async () =>
        reply.code(201).send(await createChange(ctxOf(request, db), request.body)),
      ),
  );

  api.post(
    '/api/timetable/changes/:id/remove',
    {
      schema: {
        tags,
        summary: 'Отозвать изменение расписания (уроки дня вернутся к расписанию)',
        params: idParams,
        response: { 200: generationReport, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => removeChange(ctxOf(request, db), request.params.id),
  );

  api.get(
    '/api/timetable/teachers',
    {
      schema: {
        tags,
        summary: 'Учителя школы (для замены)',
        response: { 200: teacherList, ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, db);
      return { teachers: await listTeachers(ctx, actorSchool(ctx, 'timetable.view')) };
    },
  );
}
