import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/** The header carrying a request's id, both ways. */
export const requestIdHeader = 'x-request-id';

const saneId = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A request's id: the caller's `x-request-id` (a proxy's) when it is a sane token of at most 64
 * letters, digits, `-` and `_`, else a new UUID, so a forged header cannot inject into the logs.
 */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[requestIdHeader];
  return typeof given === 'string' && saneId.test(given) ? given : randomUUID();
}

/** Every answer carries its request's id, the one the logs and error bodies name. */
export function registerRequestIds(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header(requestIdHeader, request.id);
    return payload;
  });
}
