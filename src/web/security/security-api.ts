import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionItem, SignInItem } from '../../contract/security.ts';
import { apiGet, apiPost } from '../app/api.ts';

const sessionsKey = ['me', 'sessions'] as const;
const signInsKey = ['me', 'sign-ins'] as const;

/** The signed-in person's live sessions. */
export function useMySessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: () => apiGet<{ sessions: SessionItem[] }>('/api/me/sessions'),
  });
}

/** The signed-in person's login history (last 50). */
export function useMySignIns() {
  return useQuery({
    queryKey: signInsKey,
    queryFn: () => apiGet<{ signIns: SignInItem[] }>('/api/me/sign-ins'),
  });
}

/** Ends one session by its public id, or every other one with `'others'`; the list is asked again. */
export function useEndSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (which: string) =>
      apiPost<{ ended: number }>(
        which === 'others'
          ? '/api/me/sessions/end-others'
          : `/api/me/sessions/${encodeURIComponent(which)}/end`,
      ),
    onSettled: () => client.invalidateQueries({ queryKey: sessionsKey }),
  });
}
