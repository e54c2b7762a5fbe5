import { z } from 'zod';

/** One live session of the signed-in person. */
export const sessionItem = z.object({
  /** Opaque: derived from the session one way, never the cookie's hash itself. */
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  /** «Chrome 120, Windows», or null when the user agent is not recognised. */
  browser: z.string().nullable(),
  current: z.boolean(),
});
/** A session as the web shows it. */
export type SessionItem = z.infer<typeof sessionItem>;

/** `GET /api/me/sessions` answer: the person's live sessions, newest first. */
export const sessionsResponse = z.object({ sessions: z.array(sessionItem) });

/** `POST /api/me/sessions/:id/end` parameters. */
export const sessionParams = z.strictObject({ id: z.string().min(1).max(64) });

/** How many sessions an «end» ended. */
export const endedResponse = z.object({ ended: z.number().int() });

/** How a login attempt ended. */
export const signInOutcomes = ['ok', 'badPassword', 'locked', 'badCode'] as const;

/** One entry of the login history. */
export const signInItem = z.object({
  id: z.number().int(),
  at: z.string(),
  ip: z.string().nullable(),
  browser: z.string().nullable(),
  outcome: z.enum(signInOutcomes),
  /** A successful sign-in from a browser the account had not used before. */
  newDevice: z.boolean(),
});
/** A login history entry as the web shows it. */
export type SignInItem = z.infer<typeof signInItem>;

/** `GET /api/me/sign-ins` answer: the last 50 attempts, newest first. */
export const signInsResponse = z.object({ signIns: z.array(signInItem) });
