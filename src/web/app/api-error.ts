import type { ErrorCode } from '../../contract/errors.ts';

/** What went wrong with a request: a server error code, or no connection / an unreadable answer. */
export type ApiErrorCode = ErrorCode | 'network' | 'unexpected';

/** A failed API request, carrying the server's translated message and per-field messages. */
export class ApiError extends Error {
  /** Builds the error; `status` is 0 when the server could not be reached. */
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
    /** The whole parsed answer, for errors that carry more (a cell conflict's current value). */
    readonly body: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringFields(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const out: Record<string, string> = {};
  for (const [name, message] of Object.entries(value)) {
    if (typeof message === 'string') out[name] = message;
  }
  return out;
}

/**
 * Turns a failed response (status and parsed JSON body, or `undefined` when it was not JSON) into
 * an ApiError. `fallback` is the message shown when the body is not the API's `{error, message}`.
 */
export function toApiError(status: number, body: unknown, fallback: string): ApiError {
  if (isRecord(body) && typeof body.error === 'string' && typeof body.message === 'string') {
    // The server only sends codes of the contract's list; anything else is still shown by message.
    return new ApiError(status, body.error as ErrorCode, body.message, stringFields(body.fields), body);
  }
  return new ApiError(status, 'unexpected', fallback);
}

/** Whether the error means the session is gone (the person must sign in again); a locked one is not. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code !== 'session_locked';
}

/** Whether the session is locked: the password opens it again, nothing is lost meanwhile. */
export function isSessionLocked(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'session_locked';
}

/** Whether a request is worth repeating automatically: only lost connections and 5xx answers. */
export function isRetryable(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'network' || error.status >= 500);
}
