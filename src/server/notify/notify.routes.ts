import type { Kysely } from 'kysely';
import {
  mailSettings,
  mailSettingsBody,
  mailTestAnswer,
  mailTestBody,
  notificationSettings,
  notificationSettingsBody,
  telegramCode,
} from '../../contract/notifications.ts';
import type { NotifyConfig } from '../config.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { getMailSettings, putMailSettings, queueTestLetter } from './mail-settings.ts';
import { setNotifyConfig } from './outbox.ts';
import {
  createTelegramCode,
  getNotificationSettings,
  putNotificationSettings,
  unlinkTelegram,
} from './prefs.ts';

const tags = ['notifications'];

/** Notification preferences, Telegram linking, and the school's SMTP settings. */
export function registerNotifyRoutes(api: Api, db: Kysely<DB>, config: NotifyConfig): void {
  setNotifyConfig(config);

  api.get(
    '/api/notifications/settings',
    {
      schema: {
        tags,
        summary: 'Уведомления родителя: настройки, адрес почты, Telegram',
        response: { 200: notificationSettings, ...errors(401, 403) },
      },
    },
    async (request) => getNotificationSettings(ctxOf(request, db), config),
  );

  api.put(
    '/api/notifications/settings',
    {
      schema: {
        tags,
        summary: 'Сохранить настройки уведомлений и адрес почты',
        body: notificationSettingsBody,
        response: { 200: notificationSettings, ...errors(400, 401, 403) },
      },
    },
    async (request) => putNotificationSettings(ctxOf(request, db), config, request.body),
  );

  api.post(
    '/api/notifications/telegram/code',
    {
      schema: {
        tags,
        summary: 'Одноразовый код для связи с Telegram (действует 30 минут)',
        response: { 200: telegramCode, ...errors(401, 403, 409) },
      },
    },
    async (request) => createTelegramCode(ctxOf(request, db), config),
  );

  api.post(
    '/api/notifications/telegram/unlink',
    {
      schema: {
        tags,
        summary: 'Отвязать Telegram',
        response: { 200: notificationSettings, ...errors(401, 403) },
      },
    },
    async (request) => unlinkTelegram(ctxOf(request, db), config),
  );

  api.get(
    '/api/admin/mail',
    {
      schema: {
        tags,
        summary: 'Почта школы: настройки SMTP (без пароля) и очередь',
        response: { 200: mailSettings, ...errors(401, 403, 404) },
      },
    },
    async (request) => getMailSettings(ctxOf(request, db)),
  );

  api.put(
    '/api/admin/mail',
    {
      schema: {
        tags,
        summary: 'Сохранить настройки SMTP; без пароля — прежний пароль остаётся',
        body: mailSettingsBody,
        response: { 200: mailSettings, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => putMailSettings(ctxOf(request, db), request.body),
  );

  api.post(
    '/api/admin/mail/test',
    {
      schema: {
        tags,
        summary: 'Поставить в очередь проверочное письмо',
        body: mailTestBody,
        response: { 200: mailTestAnswer, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => queueTestLetter(ctxOf(request, db), request.body.to),
  );
}
