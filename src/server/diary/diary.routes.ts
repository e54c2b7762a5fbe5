import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  absenceNotice,
  absenceNoticeBody,
  absenceNotices,
  acknowledgeAnswer,
  acknowledgeBody,
  calendarFeedAnswer,
  classAcknowledgements,
  classAckQuery,
  classNoticesQuery,
  diaryFileParams,
  diaryMarks,
  diaryWeek,
  marksQuery,
  noticeParams,
  studentParams,
  weekQuery,
} from '../../contract/diary.ts';
import { idParams } from '../../contract/people.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { attachmentDisposition } from '../lessons/lesson-files.ts';
import { acknowledgeWeek } from './acknowledge.ts';
import { createFeed, feedText, getFeed, revokeFeed } from './calendar-feed.ts';
import { classAcknowledgementsOf, classNoticesOf } from './class-views.ts';
import { readDiaryFile } from './diary-files.ts';
import { getDiaryMarks } from './marks.ts';
import { cancelNotice, createNotice, listNotices } from './notices.ts';
import { readWeek } from './read-week.ts';

const tags = ['diary'];
const tokenParams = z.strictObject({ token: z.string().min(1).max(200) });

/**
 * The diary of students and parents: the week, marks by subject, acknowledgements, notices, calendar.
 * Calendar addresses start with `publicUrl` when given, else with the request's own address.
 * `reads` (the read replica, or `db`) serves the pure reads: the week, marks, files, the class
 * views and the calendar feed; what a parent writes and reads back at once (acknowledgements,
 * absence notices, the feed's address) stays on `db`.
 */
export function registerDiaryRoutes(
  api: Api,
  db: Kysely<DB>,
  publicUrl: string | null = null,
  reads: Kysely<DB> = db,
): void {
  api.get(
    '/api/diary/:studentId/week',
    {
      schema: {
        tags,
        summary: 'Неделя дневника ученика: уроки, темы, задания, отметки, пропуски (ETag, 304)',
        params: studentParams,
        querystring: weekQuery,
        response: { 200: diaryWeek, 304: z.null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      // The week's cache key carries the school's data version read from `reads`, the same handle
      // the body is built from (readWeek): see diary-cache.ts on why a lagging replica is safe.
      const read = await readWeek(
        ctxOf(request, reads),
        request.params.studentId,
        request.query.date,
        request.headers['if-none-match'],
      );
      reply.header('etag', read.etag).header('cache-control', 'private, no-cache');
      // A 304 has no body and no length of its own (RFC 9110 §15.4.5).
      if (read.body === null) return reply.code(304).send(undefined as never);
      return reply
        .type('application/json; charset=utf-8')
        .serializer((s: unknown) => s as string)
        .send(read.body as unknown as z.infer<typeof diaryWeek>);
    },
  );

  api.get(
    '/api/diary/:studentId/marks',
    {
      schema: {
        tags,
        summary: 'Отметки ученика по предметам за период: средний балл, отметки за периоды',
        params: studentParams,
        querystring: marksQuery,
        response: { 200: diaryMarks, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getDiaryMarks(ctxOf(request, reads), request.params.studentId, request.query.periodId),
  );

  api.get(
    '/api/diary/:studentId/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Скачать файл домашнего задания из дневника',
        params: diaryFileParams,
        response: { 200: z.unknown(), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await readDiaryFile(
        ctxOf(request, reads),
        request.params.studentId,
        request.params.fileId,
      );
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
    '/api/diary/:studentId/acknowledge',
    {
      schema: {
        tags,
        summary: 'Родитель отмечает «ознакомлен» за неделю',
        params: studentParams,
        body: acknowledgeBody,
        response: { 200: acknowledgeAnswer, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => acknowledgeWeek(ctxOf(request, db), request.params.studentId, request.body.weekStart),
  );

  api.get(
    '/api/diary/:studentId/absence-notices',
    {
      schema: {
        tags,
        summary: 'Сообщения родителей об отсутствии ученика',
        params: studentParams,
        response: { 200: absenceNotices, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listNotices(ctxOf(request, db), request.params.studentId),
  );

  api.post(
    '/api/diary/:studentId/absence-notices',
    {
      schema: {
        tags,
        summary: 'Родитель сообщает школе об отсутствии ребёнка (даты, причина)',
        params: studentParams,
        body: absenceNoticeBody,
        response: { 200: absenceNotice, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => createNotice(ctxOf(request, db), request.params.studentId, request.body),
  );

  api.post(
    '/api/diary/:studentId/absence-notices/:noticeId/cancel',
    {
      schema: {
        tags,
        summary: 'Родитель отменяет сообщение об отсутствии',
        params: noticeParams,
        response: { 200: absenceNotice, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => cancelNotice(ctxOf(request, db), request.params.studentId, request.params.noticeId),
  );

  api.get(
    '/api/diary/classes/:id/acknowledgements',
    {
      schema: {
        tags,
        summary: 'Классный руководитель: кто из родителей ознакомился с неделей',
        params: idParams,
        querystring: classAckQuery,
        response: { 200: classAcknowledgements, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) =>
      classAcknowledgementsOf(ctxOf(request, reads), request.params.id, request.query.weekStart),
  );

  api.get(
    '/api/diary/classes/:id/absence-notices',
    {
      schema: {
        tags,
        summary: 'Классный руководитель: сообщения родителей об отсутствии учеников класса',
        params: idParams,
        querystring: classNoticesQuery,
        response: { 200: absenceNotices, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => classNoticesOf(ctxOf(request, reads), request.params.id, request.query.from),
  );

  api.get(
    '/api/diary/:studentId/calendar',
    {
      schema: {
        tags,
        summary: 'Адрес календаря уроков ученика: есть ли он',
        params: studentParams,
        response: { 200: calendarFeedAnswer, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getFeed(ctxOf(request, db), request.params.studentId),
  );

  api.post(
    '/api/diary/:studentId/calendar',
    {
      schema: {
        tags,
        summary: 'Новый секретный адрес календаря (прежний перестаёт работать); показывается один раз',
        params: studentParams,
        response: { 200: calendarFeedAnswer, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) =>
      createFeed(
        ctxOf(request, db),
        request.params.studentId,
        publicUrl ?? `${request.protocol}://${request.host}`,
      ),
  );

  api.post(
    '/api/diary/:studentId/calendar/revoke',
    {
      schema: {
        tags,
        summary: 'Отключить адрес календаря',
        params: studentParams,
        response: { 200: calendarFeedAnswer, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => revokeFeed(ctxOf(request, db), request.params.studentId),
  );

  api.get(
    '/api/calendar/:token',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Календарь уроков ученика (iCalendar) по секретному адресу',
        params: tokenParams,
        response: { 200: z.string(), ...errors(404) },
      },
    },
    async (request, reply) => {
      const text = await feedText(reads, request.params.token);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-cache')
        .header('x-content-type-options', 'nosniff')
        .send(text);
    },
  );
}
