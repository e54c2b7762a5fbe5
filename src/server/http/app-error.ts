import type { ErrorCode } from '../../contract/errors.ts';
import type { MessageKey } from './messages.ts';

/** The HTTP status of each error code: the one table use cases rely on. */
export const statusOf: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  session_expired: 401,
  session_locked: 401,
  password_change_required: 403,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  unsupported_media_type: 415,
  payload_too_large: 413,
  locked: 429,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** A domain error: use cases throw it, the HTTP layer renders it translated. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    readonly params: Record<string, string | number> = {},
    /** Field name → message key, for bad input the client should show beside the field. */
    readonly fields?: Record<string, MessageKey>,
  ) {
    super(messageKey);
    this.name = 'AppError';
  }
}

/** Shorthand for a 404 that does not reveal whether the thing exists. */
export const notFound = () => new AppError('not_found', 'notFound');
/** Shorthand for a 403 on something the actor can see but may not change. */
export const forbidden = () => new AppError('forbidden', 'forbidden');
