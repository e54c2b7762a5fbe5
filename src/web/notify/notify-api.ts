import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { calendarFeedAnswer } from '../../contract/diary.ts';
import type {
  mailSettings,
  notificationPrefs,
  notificationSettings,
  telegramCode,
} from '../../contract/notifications.ts';
import { apiGet } from '../app/api.ts';
import { queryClient } from '../app/session.ts';

/** A parent's notification settings with the Telegram state. */
export type NotificationSettings = z.infer<typeof notificationSettings>;
/** What a parent wants to be told and how. */
export type Prefs = z.infer<typeof notificationPrefs>;
/** A one-time Telegram code. */
export type TelegramCode = z.infer<typeof telegramCode>;
/** The school's SMTP settings and queue. */
export type MailSettings = z.infer<typeof mailSettings>;
/** A student's calendar address. */
export type CalendarFeed = z.infer<typeof calendarFeedAnswer>;

/** Addresses of the notifications API. */
export const notifyPaths = {
  settings: '/api/notifications/settings',
  telegramCode: '/api/notifications/telegram/code',
  telegramUnlink: '/api/notifications/telegram/unlink',
  mail: '/api/admin/mail',
  mailTest: '/api/admin/mail/test',
  calendar: (studentId: number) => `/api/diary/${studentId}/calendar`,
  calendarRevoke: (studentId: number) => `/api/diary/${studentId}/calendar/revoke`,
};

/** Query keys of the notify pages. */
export const notifyKeys = {
  settings: ['notify', 'settings'] as const,
  mail: ['notify', 'mail'] as const,
  calendar: (studentId: number) => ['notify', 'calendar', studentId] as const,
};

/** The signed-in parent's notification settings. */
export function useNotificationSettings() {
  return useQuery({
    queryKey: notifyKeys.settings,
    queryFn: () => apiGet<NotificationSettings>(notifyPaths.settings),
  });
}

/** The school's SMTP settings. */
export function useMailSettings() {
  return useQuery({ queryKey: notifyKeys.mail, queryFn: () => apiGet<MailSettings>(notifyPaths.mail) });
}

/** A child's calendar address state. */
export function useCalendarFeed(studentId: number) {
  return useQuery({
    queryKey: notifyKeys.calendar(studentId),
    queryFn: () => apiGet<CalendarFeed>(notifyPaths.calendar(studentId)),
  });
}

/** Reloads the notify pages after a change. */
export function refreshNotify(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['notify'] });
}

/** A moment as ДД.ММ.ГГГГ ЧЧ:ММ in local time. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Whether a typed e-mail address looks like one (the server checks it for good). */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
