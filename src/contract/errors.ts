import { z } from 'zod';

/** Error codes the API answers with; the server maps each to one HTTP status. */
export const errorCodes = [
  'validation',
  'unauthenticated',
  'session_expired',
  'session_locked',
  'password_change_required',
  'forbidden',
  'csrf',
  'not_found',
  'conflict',
  'locked',
  'rate_limited',
  'unavailable',
  'unsupported_media_type',
  'payload_too_large',
  'internal',
] as const;
/** One error code. */
export type ErrorCode = (typeof errorCodes)[number];

/** Every error response: a code, a translated message and, for bad input, a message per field. */
export const errorBody = z.object({
  error: z.enum(errorCodes),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
  requestId: z.string().optional(),
});
/** An error response. */
export type ErrorBody = z.infer<typeof errorBody>;
