import { MutationCache, QueryCache, QueryClient, useQuery } from '@tanstack/react-query';
import type { Me } from '../../contract/auth.ts';
import { clearOfflineData } from '../pwa/offline-data.ts';
import { apiGet, apiPost, setCsrfToken } from './api.ts';
import { ApiError, isRetryable, isUnauthenticated } from './api-error.ts';
import { type Notice, setNotice } from './notice.ts';

/** Query key of the signed-in actor (`null` when nobody is signed in). */
export const meKey = ['me'] as const;
/** Query key of the first-run setup status. */
export const setupKey = ['setup'] as const;

function onApiError(error: unknown): void {
  if (isUnauthenticated(error) && queryClient.getQueryData(meKey)) {
    endSession('sessionExpired');
  } else if (error instanceof ApiError && error.code === 'password_change_required') {
    void queryClient.invalidateQueries({ queryKey: meKey });
  }
}

/** The app's one query client: an ended session anywhere sends the person back to login. */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      retry: (failures, error) => failures < 2 && isRetryable(error),
      refetchOnWindowFocus: false,
      staleTime: 60_000,
    },
  },
});

/** Asks the server who is signed in; `null` when nobody is. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiGet<Me>('/api/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isUnauthenticated(error)) {
      setCsrfToken(null);
      // Nobody is signed in (e.g. the session ended while the app was closed): what was kept for
      // reading offline was the previous person's.
      void clearOfflineData();
      // The server ended an idle session (e.g. overnight, then a reload): say why on the login page.
      if (error instanceof ApiError && error.code === 'session_expired') setNotice('sessionExpired');
      return null;
    }
    throw error;
  }
}

/** The signed-in actor: fetched once, never in the background, so the app alone keeps no idle session alive. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY });
}

/** Whether the first-run setup is still to be done. */
export function useSetupStatus() {
  return useQuery({ queryKey: setupKey, queryFn: () => apiGet<{ needed: boolean }>('/api/setup') });
}

/** Makes a freshly signed-in actor current. */
export function startSession(me: Me): void {
  setCsrfToken(me.csrfToken);
  setNotice(null);
  queryClient.setQueryData(meKey, me);
  // Answers a previous person left for reading offline are not this person's.
  void clearOfflineData();
}

/** Forgets the session on this side (the server's is already gone) and shows login with a notice. */
export function endSession(notice: Notice): void {
  setCsrfToken(null);
  setNotice(notice);
  queryClient.removeQueries({
    predicate: (q) => q.queryKey[0] !== meKey[0] && q.queryKey[0] !== setupKey[0],
  });
  queryClient.setQueryData(meKey, null);
  void clearOfflineData();
  // Signing out removes the offline journal's queue from the device; a session that ended by itself
  // (idle, expired) keeps its owner's waiting changes, sent when the same person signs in again.
  void import('../offline/outbox.ts').then(({ outbox }) => outbox.forget(notice !== 'signedOut'));
}

/** Signs out on the server, then here; a failure (e.g. an already expired session) changes nothing. */
export async function signOut(notice: Notice): Promise<void> {
  try {
    await apiPost('/api/auth/logout');
  } catch {
    // The session may already be gone; either way the person ends up on the login page.
  }
  endSession(notice);
}
