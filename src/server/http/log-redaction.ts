import type { FastifyRequest } from 'fastify';

/** Addresses whose last part is a secret: the calendar feed's token. */
const secretPaths = /^(\/api\/calendar\/)[^/?#]+/;

/** The address as the log may keep it: the secret of a calendar feed replaced by «…». */
export function redactUrl(url: string): string {
  return url.replace(secretPaths, '$1…');
}

/** Fastify's request serializer for logs, with secrets in addresses removed. */
export function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
