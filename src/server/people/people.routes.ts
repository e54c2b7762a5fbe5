import type { Kysely } from 'kysely';
import {
  cardViews,
  classRoster,
  consentBody,
  createdAnswer,
  departureBody,
  guardianParams,
  guardianUpdateBody,
  idParams,
  linkGuardianBody,
  newGuardianBody,
  newStudentBody,
  studentCard,
  studentUpdateBody,
  withdrawBody,
} from '../../contract/people.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { registerSettingsRoutes } from '../settings/settings.routes.ts';
import { registerStaffRoutes } from '../staff/staff.routes.ts';
import { addGuardian, linkGuardian } from './add-guardian.ts';
import { createStudentInClass } from './create-student.ts';
import { getClassRoster } from './get-class-roster.ts';
import { getStudentCard } from './get-student-card.ts';
import { listCardViews } from './list-card-views.ts';
import { recordConsent, withdrawConsent } from './record-consent.ts';
import { recordDeparture } from './record-departure.ts';
import { unlinkGuardian, updateGuardian } from './update-guardian.ts';
import { updateStudent } from './update-student.ts';

const tags = ['people'];
const cardAnswer = { 200: studentCard, ...errors(400, 401, 403, 404, 409) };

/** Students' cards and personal files, parents, consent, «Мой класс»; staff and school settings. */
export function registerPeopleRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/students/:id',
    {
      schema: {
        tags,
        summary: 'Карточка обучающегося (просмотр записывается в журнал просмотров)',
        params: idParams,
        response: { 200: studentCard, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getStudentCard(ctxOf(request, db), request.params.id),
  );

  for (const method of ['patch', 'post'] as const) {
    api[method](
      '/api/students/:id',
      {
        schema: {
          tags,
          summary: 'Изменить данные и личное дело обучающегося (классный руководитель, администратор)',
          params: idParams,
          body: studentUpdateBody,
          response: cardAnswer,
        },
      },
      async (request) => updateStudent(ctxOf(request, db), request.params.id, request.body),
    );
  }

  api.post(
    '/api/students',
    {
      schema: {
        tags,
        summary: 'Новый обучающийся в классе',
        body: newStudentBody,
        response: { 201: createdAnswer, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const id = await createStudentInClass(ctxOf(request, db), request.body);
      return reply.code(201).send({ id });
    },
  );

  api.post(
    '/api/students/:id/departure',
    {
      schema: {
        tags,
        summary: 'Выбытие обучающегося: членство в группах заканчивается, учётные записи отключаются',
        params: idParams,
        body: departureBody,
        response: cardAnswer,
      },
    },
    async (request) => recordDeparture(ctxOf(request, db), request.params.id, request.body),
  );

  api.get(
    '/api/students/:id/views',
    {
      schema: {
        tags,
        summary: 'Кто и когда открывал карточку обучающегося',
        params: idParams,
        response: { 200: cardViews, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listCardViews(ctxOf(request, db), request.params.id),
  );

  api.post(
    '/api/students/:id/guardians',
    {
      schema: {
        tags,
        summary: 'Добавить родителя (законного представителя)',
        params: idParams,
        body: newGuardianBody,
        response: cardAnswer,
      },
    },
    async (request) => addGuardian(ctxOf(request, db), request.params.id, request.body),
  );

  api.post(
    '/api/students/:id/guardians/link',
    {
      schema: {
        tags,
        summary: 'Связать с обучающимся родителя, который уже есть в школе',
        params: idParams,
        body: linkGuardianBody,
        response: cardAnswer,
      },
    },
    async (request) => linkGuardian(ctxOf(request, db), request.params.id, request.body),
  );

  api.post(
    '/api/students/:id/guardians/:guardianId',
    {
      schema: {
        tags,
        summary: 'Изменить данные родителя',
        params: guardianParams,
        body: guardianUpdateBody,
        response: cardAnswer,
      },
    },
    async (request) =>
      updateGuardian(ctxOf(request, db), request.params.id, request.params.guardianId, request.body),
  );

  api.post(
    '/api/students/:id/guardians/:guardianId/unlink',
    {
      schema: {
        tags,
        summary: 'Родитель больше не представитель обучающегося (связь в архиве)',
        params: guardianParams,
        response: cardAnswer,
      },
    },
    async (request) => unlinkGuardian(ctxOf(request, db), request.params.id, request.params.guardianId),
  );

  api.post(
    '/api/students/:id/guardians/:guardianId/consent',
    {
      schema: {
        tags,
        summary: 'Записать согласие родителя на обработку персональных данных (152-ФЗ)',
        params: guardianParams,
        body: consentBody,
        response: cardAnswer,
      },
    },
    async (request) =>
      recordConsent(ctxOf(request, db), request.params.id, request.params.guardianId, request.body.givenOn),
  );

  api.post(
    '/api/students/:id/guardians/:guardianId/consent/withdraw',
    {
      schema: {
        tags,
        summary: 'Отзыв согласия на обработку персональных данных',
        params: guardianParams,
        body: withdrawBody,
        response: cardAnswer,
      },
    },
    async (request) =>
      withdrawConsent(
        ctxOf(request, db),
        request.params.id,
        request.params.guardianId,
        request.body.withdrawnOn,
      ),
  );

  api.get(
    '/api/classes/:id/roster',
    {
      schema: {
        tags,
        summary: '«Мой класс»: обучающиеся с родителями, согласием и учётными записями',
        params: idParams,
        response: { 200: classRoster, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getClassRoster(ctxOf(request, db), request.params.id),
  );

  registerStaffRoutes(api, db);
  registerSettingsRoutes(api, db);
}
