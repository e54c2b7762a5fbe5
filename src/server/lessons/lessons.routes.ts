import type { FastifyError } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { errorBody } from '../../contract/errors.ts';
import {
  fileRemoved,
  fileSaved,
  fileUploadQuery,
  lessonBody,
  lessonPage,
  maxLessonFileBytes,
} from '../../contract/lessons.ts';
import { idParams } from '../../contract/people.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import {
  addLessonFile,
  attachmentDisposition,
  fileTooLarge,
  readLessonFile,
  removeLessonFile,
} from './lesson-files.ts';
import { getLessonPage, saveLessonPage } from './lesson-page.ts';

const tags = ['lessons'];

/** The lesson page and its homework files. */
export function registerLessonRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/journal/lessons/:id',
    {
      schema: {
        tags,
        summary: 'Страница урока: тема, план, домашнее задание, файлы, темы КТП',
        params: idParams,
        response: { 200: lessonPage, ...errors(400, 401, 404) },
      },
    },
    async (request) => getLessonPage(ctxOf(request, db), request.params.id),
  );

  api.post(
    '/api/journal/lessons/:id',
    {
      schema: {
        tags,
        summary: 'Изменить страницу урока (не переданные поля не меняются)',
        params: idParams,
        body: lessonBody,
        response: { 200: lessonPage, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => saveLessonPage(ctxOf(request, db), request.params.id, request.body),
  );

  api.get(
    '/api/journal/files/:id',
    {
      schema: {
        tags,
        summary: 'Скачать файл домашнего задания',
        params: idParams,
        response: { 200: z.unknown(), ...errors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const file = await readLessonFile(ctxOf(request, db), request.params.id);
      return reply
        .type(file.mime)
        .header('content-disposition', attachmentDisposition(file.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(file.content);
    },
  );

  api.post(
    '/api/journal/files/:id/remove',
    {
      schema: {
        tags,
        summary: 'Убрать файл из домашнего задания',
        params: idParams,
        response: { 200: fileRemoved, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => removeLessonFile(ctxOf(request, db), request.params.id),
  );

  api.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    // Any content type: the body is the file itself, whatever it is.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxLessonFileBytes }, (_r, body, done) =>
      done(null, body),
    );
    scope.setErrorHandler((error: FastifyError) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw fileTooLarge();
      throw error;
    });
    scope.post(
      '/api/journal/lessons/:id/files',
      {
        bodyLimit: maxLessonFileBytes,
        schema: {
          tags,
          summary: 'Прикрепить файл к домашнему заданию',
          description:
            'Тело запроса — сам файл (любой Content-Type), не больше 10 МБ; имя — в параметре name.',
          params: idParams,
          querystring: fileUploadQuery,
          response: { 201: fileSaved, ...errors(400, 401, 403, 404, 409), 413: errorBody },
        },
      },
      async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : new Uint8Array();
        const file = await addLessonFile(ctxOf(request, db), request.params.id, request.query.name, body);
        return reply.code(201).send({ file });
      },
    );
  });
}
