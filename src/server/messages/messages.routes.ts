import type { FastifyError } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { errorBody } from '../../contract/errors.ts';
import {
  announcementBody,
  contactList,
  contactsQuery,
  maxMessageFileBytes,
  messageFileParams,
  newDialogBody,
  replyBody,
  threadList,
  threadPage,
  threadParams,
  threadsQuery,
  unreadAnswer,
  uploaded,
  uploadQuery,
} from '../../contract/messages.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { attachmentDisposition } from '../lessons/lesson-files.ts';
import { announce } from './announcements.ts';
import { listContacts } from './contacts.ts';
import { messageFileTooLarge, readMessageFile, uploadMessageFile } from './files.ts';
import { messagesErrorHandler } from './messages.errors.ts';
import { reply, startDialog } from './send.ts';
import { getThread, getUnread, listThreads, markRead } from './threads.ts';

const tags = ['messages'];

/** Conversations between teachers and parents, announcements, read receipts and attachments. */
export function registerMessagesRoutes(api: Api, db: Kysely<DB>): void {
  api.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.setErrorHandler(messagesErrorHandler);

    scope.get(
      '/api/messages/contacts',
      {
        schema: {
          tags,
          summary: 'Кому можно написать: по каждому ребёнку или ученику (или по одному)',
          querystring: contactsQuery,
          response: { 200: contactList, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => listContacts(ctxOf(request, db), request.query.studentId),
    );

    scope.get(
      '/api/messages/threads',
      {
        schema: {
          tags,
          summary: 'Беседы и объявления, новые сверху (у родителя — по одному ребёнку)',
          querystring: threadsQuery,
          response: { 200: threadList, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => listThreads(ctxOf(request, db), request.query.studentId),
    );

    scope.post(
      '/api/messages/threads',
      {
        schema: {
          tags,
          summary: 'Начать переписку об ученике',
          body: newDialogBody,
          response: { 201: threadPage, ...errors(400, 401, 403, 404) },
        },
      },
      async (request, res) => res.code(201).send(await startDialog(ctxOf(request, db), request.body)),
    );

    scope.get(
      '/api/messages/threads/:id',
      {
        schema: {
          tags,
          summary: 'Беседа с сообщениями и отметками о прочтении (только участникам)',
          params: threadParams,
          response: { 200: threadPage, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => getThread(ctxOf(request, db), request.params.id),
    );

    scope.post(
      '/api/messages/threads/:id/read',
      {
        schema: {
          tags,
          summary: 'Отметить беседу прочитанной (веб вызывает, когда показывает её)',
          params: threadParams,
          response: { 200: unreadAnswer, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => markRead(ctxOf(request, db), request.params.id),
    );

    scope.post(
      '/api/messages/threads/:id/messages',
      {
        schema: {
          tags,
          summary: 'Ответить в беседе (в объявлении — только автору)',
          params: threadParams,
          body: replyBody,
          response: { 201: threadPage, ...errors(400, 401, 403, 404) },
        },
      },
      async (request, res) =>
        res.code(201).send(await reply(ctxOf(request, db), request.params.id, request.body)),
    );

    scope.post(
      '/api/messages/announcements',
      {
        schema: {
          tags,
          summary: 'Объявление классу (классный руководитель) или школе (администрация)',
          body: announcementBody,
          response: { 201: threadPage, ...errors(400, 401, 403, 404) },
        },
      },
      async (request, res) => res.code(201).send(await announce(ctxOf(request, db), request.body)),
    );

    scope.get(
      '/api/messages/unread',
      {
        schema: {
          tags,
          summary: 'Сколько непрочитанных сообщений',
          response: { 200: unreadAnswer, ...errors(401, 403) },
        },
      },
      async (request) => getUnread(ctxOf(request, db)),
    );

    scope.get(
      '/api/messages/files/:id',
      {
        schema: {
          tags,
          summary: 'Скачать вложение (участникам беседы; неотправленное — загрузившему)',
          params: messageFileParams,
          response: { 200: z.unknown(), ...errors(400, 401, 403, 404) },
        },
      },
      async (request, res) => {
        const file = await readMessageFile(ctxOf(request, db), request.params.id);
        return res
          .type(file.mime)
          .header('content-disposition', attachmentDisposition(file.name))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(file.content);
      },
    );

    scope.register(async (raw) => {
      const files = raw.withTypeProvider<ZodTypeProvider>();
      // Any content type: the body is the file itself, whatever it is.
      files.removeAllContentTypeParsers();
      files.addContentTypeParser(
        '*',
        { parseAs: 'buffer', bodyLimit: maxMessageFileBytes },
        (_r, body, done) => done(null, body),
      );
      files.setErrorHandler((error: FastifyError) => {
        if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw messageFileTooLarge();
        throw error;
      });
      files.post(
        '/api/messages/files',
        {
          bodyLimit: maxMessageFileBytes,
          schema: {
            tags,
            summary: 'Загрузить вложение (прикрепляется по id при отправке)',
            description:
              'Тело запроса — сам файл (любой Content-Type), не больше 5 МБ; имя — в параметре name.',
            querystring: uploadQuery,
            response: { 201: uploaded, ...errors(400, 401, 403), 413: errorBody },
          },
        },
        async (request, res) => {
          const body = Buffer.isBuffer(request.body) ? request.body : new Uint8Array();
          return res.code(201).send(await uploadMessageFile(ctxOf(request, db), request.query.name, body));
        },
      );
    });
  });
}
