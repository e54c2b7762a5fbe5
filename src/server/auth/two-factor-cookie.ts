import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { overTls } from '../http/tls.ts';
import { secondStepMinutes } from './two-factor-login.ts';

/** The cookie of a login waiting for its code; sent only to the login routes. */
export const pendingCookie = 'otmetka_two_factor';
const pendingPath = '/api/auth/login';

/** Hands the browser the pending step's token: HttpOnly, strict, gone after five minutes. */
export function setPendingCookie(
  reply: FastifyReply,
  token: string,
  config: Pick<Config, 'cookieSecure'>,
): void {
  reply.setCookie(pendingCookie, token, {
    path: pendingPath,
    httpOnly: true,
    sameSite: 'strict',
    secure: overTls(reply.request, config),
    maxAge: secondStepMinutes * 60,
  });
}

/** The pending step's token the browser sent, if any. */
export function pendingTokenOf(request: FastifyRequest): string | undefined {
  return request.cookies[pendingCookie];
}

/** Removes the pending cookie once the step is done. */
export function clearPendingCookie(reply: FastifyReply): void {
  reply.clearCookie(pendingCookie, { path: pendingPath });
}
