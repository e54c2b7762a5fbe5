import { useQueries, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Me } from '../../contract/auth.ts';
import type { threadList, unreadAnswer } from '../../contract/messages.ts';
import { apiGet } from '../app/api.ts';
import type { NavGroup } from '../app/navigation.ts';
import { messageKeys, messagePaths } from './messages-api.ts';

/** The query key of the unread count (under `messages`, so every refresh of messages renews it). */
export const unreadKey = ['messages', 'unread'] as const;
/** How often the navigation asks for the unread count. */
const everyMinute = 60_000;

/** A «Сообщения» link of the navigation: a parent's is about one child. */
export type MessageLink = { path: string; studentId: number | null };

/** The «Сообщения» links among the navigation's sections. */
export function messageLinks(groups: readonly NavGroup[]): MessageLink[] {
  const links: MessageLink[] = [];
  for (const group of groups) {
    for (const sec of group.sections) {
      for (const item of sec.items) {
        if (item.label.key !== 'section.messages') continue;
        const child = /^\/children\/(\d+)\/messages$/.exec(item.path);
        links.push({ path: item.path, studentId: child ? Number(child[1]) : null });
      }
    }
  }
  return links;
}

/**
 * The count to show beside each «Сообщения» link (none when 0). A link that lists all the person's
 * conversations shows the total; a parent's link about one child shows that child's own count,
 * unless it is the person's only link (then the total is the child's).
 */
export function unreadBadges(
  links: readonly MessageLink[],
  total: number,
  perChild: ReadonlyMap<number, number>,
): Map<string, number> {
  const badges = new Map<string, number>();
  if (total <= 0) return badges;
  for (const link of links) {
    const n = link.studentId === null || links.length === 1 ? total : (perChild.get(link.studentId) ?? 0);
    if (n > 0) badges.set(link.path, n);
  }
  return badges;
}

/** Whether the children's own counts are needed (several links and at least one about a child). */
export function needsPerChild(links: readonly MessageLink[]): boolean {
  return links.length > 1 && links.some((l) => l.studentId !== null);
}

/**
 * The unread counts of the navigation's «Сообщения» links: one cheap request a minute (and after a
 * conversation is read); a parent with several children also asks each child's list, only while
 * something is unread.
 */
export function useUnreadBadges(me: Me, groups: readonly NavGroup[]): Map<string, number> {
  const links = messageLinks(groups);
  const enabled = links.length > 0 && me.abilities.includes('messages.use');
  const unread = useQuery({
    queryKey: unreadKey,
    queryFn: () => apiGet<z.infer<typeof unreadAnswer>>('/api/messages/unread'),
    enabled,
    refetchInterval: everyMinute,
    staleTime: 10_000,
  });
  const total = enabled ? (unread.data?.unread ?? 0) : 0;
  const childIds = needsPerChild(links)
    ? links.flatMap((l) => (l.studentId === null ? [] : [l.studentId]))
    : [];
  const lists = useQueries({
    queries: childIds.map((id) => ({
      queryKey: messageKeys.threads(id),
      queryFn: () => apiGet<z.infer<typeof threadList>>(messagePaths.threads(id)),
      enabled: total > 0,
      refetchInterval: everyMinute,
      staleTime: 10_000,
    })),
  });
  const perChild = new Map<number, number>();
  childIds.forEach((id, i) => {
    const threads = lists[i]?.data?.threads;
    if (threads)
      perChild.set(
        id,
        threads.reduce((sum, th) => sum + th.unread, 0),
      );
  });
  return unreadBadges(links, total, perChild);
}
