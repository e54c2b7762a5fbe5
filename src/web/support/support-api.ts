import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProblemItem, SupportContacts } from '../../contract/support.ts';
import { apiGet, apiPost } from '../app/api.ts';

/** The school's support contacts as the API answers them. */
export interface ContactsAnswer {
  contacts: SupportContacts;
  updatedAt: string | null;
  canEdit: boolean;
}

const contactsKey = ['support', 'contacts'] as const;
const problemsKey = ['support', 'problems'] as const;

/** The school's support contacts (and whether the actor may edit them). */
export function useSupportContacts() {
  return useQuery({ queryKey: contactsKey, queryFn: () => apiGet<ContactsAnswer>('/api/support/contacts') });
}

/** The administrator saves the contacts. */
export function useSaveContacts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SupportContacts) => apiPost<ContactsAnswer>('/api/support/contacts', body),
    onSuccess: (data) => client.setQueryData(contactsKey, data),
  });
}

/** The signed-in person's own reports. */
export function useMyProblems() {
  return useQuery({
    queryKey: [...problemsKey, 'mine'],
    queryFn: () => apiGet<{ items: ProblemItem[] }>('/api/support/my-problems'),
  });
}

/** The school's reports for its administrator, by status (`all` for both). */
export function useSchoolProblems(status: 'open' | 'resolved' | 'all', enabled: boolean) {
  return useQuery({
    queryKey: [...problemsKey, 'school', status],
    queryFn: () =>
      apiGet<{ items: ProblemItem[] }>(`/api/support/problems${status === 'all' ? '' : `?status=${status}`}`),
    enabled,
  });
}

/** How many of the school's reports are open: the administrator's badge on «Поддержка» (asked each minute). */
export function useOpenProblemCount(enabled: boolean): number {
  const open = useQuery({
    queryKey: [...problemsKey, 'school', 'open'],
    queryFn: () => apiGet<{ items: ProblemItem[] }>('/api/support/problems?status=open'),
    enabled,
    refetchInterval: 60_000,
  });
  return open.data?.items.length ?? 0;
}

/** Sends a problem report. */
export function useReportProblem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { description: string; pagePath: string; userAgent: string }) =>
      apiPost<ProblemItem>('/api/support/problems', body),
    onSettled: () => client.invalidateQueries({ queryKey: problemsKey }),
  });
}

/** The administrator marks a report resolved. */
export function useResolveProblem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: number; note: string }) =>
      apiPost<ProblemItem>(`/api/support/problems/${id}/resolve`, note.trim() ? { note: note.trim() } : {}),
    onSettled: () => client.invalidateQueries({ queryKey: problemsKey }),
  });
}
