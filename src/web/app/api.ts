import { getLanguage, tr } from '../i18n/language.ts';
import { ApiError, toApiError } from './api-error.ts';

let csrfToken: string | null = null;
let onLocked: () => void = () => {};

/** Sets what happens when any API answer says the session is locked (the lock screen shows). */
export function onSessionLocked(handler: () => void): void {
  onLocked = handler;
}

/** Remembers the CSRF token of the signed-in session (from `GET /api/me`), or forgets it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function request<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': getLanguage() };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
  } catch {
    throw new ApiError(0, 'network', tr('error.network'));
  }
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const error = toApiError(response.status, parsed, tr('error.unexpected'));
    if (error.code === 'session_locked') onLocked();
    throw error;
  }
  return parsed as T;
}

/** `GET` an API path; resolves with the JSON answer or rejects with an ApiError. */
export function apiGet<T>(path: string): Promise<T> {
  return request<T>('GET', path);
}

/** `POST` a JSON body (`{}` when none) with the CSRF token; rejects with an ApiError. */
export function apiPost<T>(path: string, body: unknown = {}): Promise<T> {
  return request<T>('POST', path, body);
}

/** `PUT` a JSON body with the CSRF token (settings replaced as a whole); rejects with an ApiError. */
export function apiPut<T>(path: string, body: unknown): Promise<T> {
  return request<T>('PUT', path, body);
}
