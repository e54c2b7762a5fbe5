import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** EXPORT_RATE_LIMIT_PER_MINUTE, read by `exportRateLimit`. */
    exportRateLimitPerMinute: number;
  }
}

/** Counts per signed-in person (a school behind one address is many people), else per address. */
function perPerson(request: FastifyRequest): string {
  return request.auth ? `person:${request.auth.person.id}` : `ip:${request.ip}`;
}

/**
 * The limit of routes that build whole files (report exports, the paper journal, report cards,
 * print jobs, OneRoster, backups): EXPORT_RATE_LIMIT_PER_MINUTE (default 12) per person in each
 * process, so one account cannot keep the server busy with them; beyond it the answer is 429.
 */
export const exportRateLimit = {
  max: (request: FastifyRequest) => request.server.exportRateLimitPerMinute,
  timeWindow: '1 minute',
  keyGenerator: perPerson,
};
