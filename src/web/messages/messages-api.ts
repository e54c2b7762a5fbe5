import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  contactList,
  messageFile,
  threadItem,
  threadList,
  threadPage,
} from '../../contract/messages.ts';
import { apiGet } from '../app/api.ts';
import { queryClient } from '../app/session.ts';
import { formatDate } from '../i18n/format-date.ts';

/** A conversation in the list. */
export type Thread = z.infer<typeof threadItem>;
/** An opened conversation with its messages. */
export type ThreadPage = z.infer<typeof threadPage>;
/** A file attached to a message. */
export type MessageFile = z.infer<typeof messageFile>;
/** Someone the actor may write to about a student. */
export type Contact = z.infer<typeof contactList>['contacts'][number];

const withStudent = (path: string, studentId: number | null) =>
  studentId ? `${path}?studentId=${studentId}` : path;

/** Addresses of the messages API. */
export const messagePaths = {
  threads: (studentId: number | null) => withStudent('/api/messages/threads', studentId),
  contacts: (studentId: number | null) => withStudent('/api/messages/contacts', studentId),
  newThread: '/api/messages/threads',
  announcements: '/api/messages/announcements',
  thread: (id: number) => `/api/messages/threads/${id}`,
  read: (id: number) => `/api/messages/threads/${id}/read`,
  reply: (id: number) => `/api/messages/threads/${id}/messages`,
  upload: (name: string) => `/api/messages/files?name=${encodeURIComponent(name)}`,
  file: (id: number) => `/api/messages/files/${id}`,
};

/** Query keys of the messages pages. */
export const messageKeys = {
  threads: (studentId: number | null) => ['messages', 'threads', studentId ?? 0] as const,
  thread: (id: number) => ['messages', 'thread', id] as const,
  contacts: (studentId: number | null) => ['messages', 'contacts', studentId ?? 0] as const,
};

/** The actor's conversations (a parent's about one child); refreshed every minute while open. */
export function useThreads(studentId: number | null) {
  return useQuery({
    queryKey: messageKeys.threads(studentId),
    queryFn: () => apiGet<z.infer<typeof threadList>>(messagePaths.threads(studentId)),
    refetchInterval: 60_000,
    staleTime: 5_000,
  });
}

/** One conversation with its messages. */
export function useThread(id: number | null) {
  return useQuery({
    queryKey: messageKeys.thread(id ?? 0),
    queryFn: () => apiGet<ThreadPage>(messagePaths.thread(id ?? 0)),
    enabled: id !== null,
    refetchInterval: 60_000,
    staleTime: 5_000,
  });
}

/** The people the actor may write to (about one child for a parent). */
export function useContacts(studentId: number | null, enabled: boolean) {
  return useQuery({
    queryKey: messageKeys.contacts(studentId),
    queryFn: () => apiGet<z.infer<typeof contactList>>(messagePaths.contacts(studentId)),
    enabled,
  });
}

/** Reloads the conversations after a change (all the messages queries but one, if told). */
export function refreshMessages(options: { except?: readonly unknown[] } = {}): Promise<void> {
  const except = options.except;
  return queryClient.invalidateQueries({
    queryKey: ['messages'],
    predicate: except ? (q) => q.queryKey.join('/') !== except.join('/') : undefined,
  });
}

/** A moment as ДД.ММ.ГГГГ ЧЧ:ММ in local time. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatDate(d)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** A file size for people: «12 КБ», «3,4 МБ». */
export function formatSize(bytes: number, units: { kb: string; mb: string }): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} ${units.kb}`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',').replace(/,0$/, '')} ${units.mb}`;
}

/** The message of a failed request, if any. */
export function errorText(error: unknown, fallback: string): string | undefined {
  if (!error) return undefined;
  return error instanceof Error && error.message ? error.message : fallback;
}
