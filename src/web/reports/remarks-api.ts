import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { remarksAnswer, remarksQuery } from '../../contract/remarks.ts';
import { apiGet, apiPost } from '../app/api.ts';
import { queryClient } from '../app/session.ts';

/** The remarks the signed-in person sees, as the server answers them. */
export type Remarks = z.infer<typeof remarksAnswer>;
/** One remark of the list. */
export type Remark = Remarks['items'][number];
/** The filters of `GET /api/remarks`. */
export type RemarksFilter = z.infer<typeof remarksQuery>;

/** The address of the remarks list for filters, in a stable order. */
export function remarksPath(filter: RemarksFilter): string {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.teacherId) params.set('teacherId', String(filter.teacherId));
  if (filter.courseId) params.set('courseId', String(filter.courseId));
  const text = params.toString();
  return `/api/remarks${text ? `?${text}` : ''}`;
}

/** Query keys of remarks: every list under one root, refreshed together after a change. */
export const remarkKeys = {
  all: ['remarks'] as const,
  list: (filter: RemarksFilter) => ['remarks', remarksPath(filter)] as const,
};

/** The remarks for the filters; `enabled: false` asks nothing (a role that sees no remarks). */
export function useRemarks(filter: RemarksFilter, enabled = true) {
  return useQuery({
    queryKey: remarkKeys.list(filter),
    queryFn: () => apiGet<Remarks>(remarksPath(filter)),
    enabled,
    retry: false,
  });
}

/** Refreshes every remarks list (and the reports, whose counts include remarks) after a change. */
export function refreshRemarks(): Promise<void> {
  void queryClient.invalidateQueries({ queryKey: ['reports'] });
  return queryClient.invalidateQueries({ queryKey: remarkKeys.all });
}

/** The changes of a remark's life: each answers the remark as it now stands. */
export const remarkActions = {
  create: (body: { courseId: number; lessonId?: number; text: string }) =>
    apiPost<Remark>('/api/remarks', body),
  fix: (id: number, note: string) =>
    apiPost<Remark>(`/api/remarks/${id}/fix`, note.trim() ? { note: note.trim() } : {}),
  close: (id: number) => apiPost<Remark>(`/api/remarks/${id}/close`),
  reopen: (id: number, text: string) =>
    apiPost<Remark>(`/api/remarks/${id}/reopen`, text.trim() ? { text: text.trim() } : {}),
};
