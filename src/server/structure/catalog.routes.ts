import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { okResponse } from '../../contract/auth.ts';
import { idParams } from '../../contract/people.ts';
import {
  classBody,
  courseBody,
  createdResponse,
  schoolQuery,
  structureOverview,
  subjectBody,
} from '../../contract/structure.ts';
import type { Ctx } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { getStructure } from './get-structure.ts';
import { archiveClass, createClass, updateClass } from './manage-classes.ts';
import { archiveCourse, createCourse, updateCourse } from './manage-courses.ts';
import { archiveSubject, createSubject, updateSubject } from './manage-subjects.ts';

const tags = ['structure'];
const ok = { ok: true as const };

/** What the administrator does with one kind of structure row. */
interface UseCases<T> {
  create(ctx: Ctx, input: T): Promise<number>;
  update(ctx: Ctx, id: number, input: T): Promise<void>;
  archive(ctx: Ctx, id: number): Promise<void>;
}

/** Add, change and archive routes of one kind of row. */
function crud<B extends z.ZodType>(
  api: Api,
  db: Kysely<DB>,
  path: string,
  what: string,
  body: B,
  uc: UseCases<z.output<B>>,
): void {
  api.post(
    `/api/structure/${path}`,
    {
      schema: {
        tags,
        summary: `Добавить ${what}`,
        body,
        response: { 201: createdResponse, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const id = await uc.create(ctxOf(request, db), request.body as z.output<B>);
      return reply.code(201).send({ id });
    },
  );
  api.post(
    `/api/structure/${path}/:id`,
    {
      schema: {
        tags,
        summary: `Изменить ${what}`,
        params: idParams,
        body,
        response: { 200: okResponse, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await uc.update(ctxOf(request, db), request.params.id, request.body as z.output<B>);
      return ok;
    },
  );
  api.post(
    `/api/structure/${path}/:id/archive`,
    {
      schema: {
        tags,
        summary: `Отправить в архив: ${what}`,
        params: idParams,
        response: { 200: okResponse, ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      await uc.archive(ctxOf(request, db), request.params.id);
      return ok;
    },
  );
}

/** The administrator's classes, subjects and courses («Классы и предметы»). */
export function registerCatalogRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/structure',
    {
      schema: {
        tags,
        summary:
          'Классы, предметы, группы и нагрузка текущего учебного года (управлению — любой школы района)',
        querystring: schoolQuery,
        response: { 200: structureOverview, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getStructure(ctxOf(request, db), request.query.schoolId),
  );

  crud(api, db, 'classes', 'класс', classBody, {
    create: createClass,
    update: updateClass,
    archive: archiveClass,
  });
  crud(api, db, 'subjects', 'предмет', subjectBody, {
    create: createSubject,
    update: updateSubject,
    archive: archiveSubject,
  });
  crud(api, db, 'courses', 'учебный курс (нагрузку)', courseBody, {
    create: createCourse,
    update: updateCourse,
    archive: archiveCourse,
  });
}
