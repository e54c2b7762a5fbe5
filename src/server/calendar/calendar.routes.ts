import type { Kysely } from 'kysely';
import { okResponse } from '../../contract/auth.ts';
import {
  bellBody,
  bellItem,
  bellList,
  entryBody,
  entryItem,
  prefillResult,
  schemeBody,
  schemeParams,
  yearBody,
  yearCalendar,
  yearItem,
  yearList,
  yearParams,
} from '../../contract/calendar.ts';
import { idParams } from '../../contract/people.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { addCalendarEntry } from './add-calendar-entry.ts';
import { createAcademicYear } from './create-academic-year.ts';
import { createBellSet } from './create-bell-set.ts';
import { deleteBellSet } from './delete-bell-set.ts';
import { deleteCalendarEntry } from './delete-calendar-entry.ts';
import { getYearCalendar } from './get-year-calendar.ts';
import { listBellSets } from './list-bell-sets.ts';
import { listYears } from './list-years.ts';
import { prefillPublicHolidays } from './prefill-public-holidays.ts';
import { prefillVacations } from './prefill-vacations.ts';
import { setPeriodScheme } from './set-period-scheme.ts';
import { updateBellSet } from './update-bell-set.ts';
import { updateCalendarEntry } from './update-calendar-entry.ts';

const tags = ['calendar'];
const refusals = errors(400, 401, 403, 404);

/** Academic years, study periods, the school calendar and the bell schedules. */
export function registerCalendarRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/calendar/years',
    { schema: { tags, summary: 'Учебные годы школы', response: { 200: yearList, ...errors(401, 403) } } },
    async (request) => listYears(ctxOf(request, db)),
  );

  api.post(
    '/api/calendar/years',
    {
      schema: {
        tags,
        summary: 'Новый учебный год',
        body: yearBody,
        response: { 201: yearItem, ...refusals },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createAcademicYear(ctxOf(request, db), request.body)),
  );

  api.get(
    '/api/calendar/years/:yearId',
    {
      schema: {
        tags,
        summary: 'Периоды, календарь и классы учебного года',
        params: yearParams,
        response: { 200: yearCalendar, ...refusals },
      },
    },
    async (request) => getYearCalendar(ctxOf(request, db), request.params.yearId),
  );

  api.post(
    '/api/calendar/years/:yearId/schemes/:scheme',
    {
      schema: {
        tags,
        summary: 'Периоды системы (четверти, триместры, полугодия) и параллели, которые по ней учатся',
        params: schemeParams,
        body: schemeBody,
        response: { 200: okResponse, ...refusals },
      },
    },
    async (request) => {
      const { yearId, scheme } = request.params;
      await setPeriodScheme(ctxOf(request, db), yearId, scheme, request.body);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/calendar/years/:yearId/entries',
    {
      schema: {
        tags,
        summary: 'Каникулы, праздник или перенос рабочего дня',
        params: yearParams,
        body: entryBody,
        response: { 201: entryItem, ...refusals },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addCalendarEntry(ctxOf(request, db), request.params.yearId, request.body)),
  );

  api.post(
    '/api/calendar/years/:yearId/holidays',
    {
      schema: {
        tags,
        summary: 'Добавить государственные праздники года',
        params: yearParams,
        response: { 200: prefillResult, ...refusals },
      },
    },
    async (request) => prefillPublicHolidays(ctxOf(request, db), request.params.yearId),
  );

  api.post(
    '/api/calendar/years/:yearId/vacations',
    {
      schema: {
        tags,
        summary:
          'Добавить обычные каникулы года (осенние, зимние, весенние, летние, февральские для 1 классов)',
        params: yearParams,
        response: { 200: prefillResult, ...refusals },
      },
    },
    async (request) => prefillVacations(ctxOf(request, db), request.params.yearId),
  );

  api.post(
    '/api/calendar/entries/:id',
    {
      schema: {
        tags,
        summary: 'Изменить запись календаря',
        params: idParams,
        body: entryBody,
        response: { 200: entryItem, ...refusals },
      },
    },
    async (request) => updateCalendarEntry(ctxOf(request, db), request.params.id, request.body),
  );

  api.post(
    '/api/calendar/entries/:id/delete',
    {
      schema: {
        tags,
        summary: 'Удалить запись календаря',
        params: idParams,
        response: { 200: okResponse, ...refusals },
      },
    },
    async (request) => {
      await deleteCalendarEntry(ctxOf(request, db), request.params.id);
      return { ok: true as const };
    },
  );

  api.get(
    '/api/calendar/bells',
    {
      schema: { tags, summary: 'Расписания звонков школы', response: { 200: bellList, ...errors(401, 403) } },
    },
    async (request) => listBellSets(ctxOf(request, db)),
  );

  api.post(
    '/api/calendar/bells',
    {
      schema: {
        tags,
        summary: 'Новое расписание звонков',
        body: bellBody,
        response: { 201: bellItem, ...refusals },
      },
    },
    async (request, reply) => reply.code(201).send(await createBellSet(ctxOf(request, db), request.body)),
  );

  api.post(
    '/api/calendar/bells/:id',
    {
      schema: {
        tags,
        summary: 'Изменить расписание звонков',
        params: idParams,
        body: bellBody,
        response: { 200: bellItem, ...refusals },
      },
    },
    async (request) => updateBellSet(ctxOf(request, db), request.params.id, request.body),
  );

  api.post(
    '/api/calendar/bells/:id/delete',
    {
      schema: {
        tags,
        summary: 'Удалить расписание звонков',
        params: idParams,
        response: { 200: okResponse, ...refusals },
      },
    },
    async (request) => {
      await deleteBellSet(ctxOf(request, db), request.params.id);
      return { ok: true as const };
    },
  );
}
