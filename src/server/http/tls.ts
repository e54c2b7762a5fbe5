import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';

/**
 * Whether a request came over TLS: COOKIE_SECURE=true says the server is only reached over HTTPS;
 * otherwise the protocol Fastify sees, which behind a proxy (TRUST_PROXY=true) is the one of
 * `X-Forwarded-Proto`. Without TRUST_PROXY that header is ignored, so a client cannot fake it.
 */
export function overTls(request: FastifyRequest, config: Pick<Config, 'cookieSecure'>): boolean {
  return config.cookieSecure || request.protocol === 'https';
}

/** Sends Strict-Transport-Security (one year, subdomains too) on every answer given over TLS. */
export function registerTransportSecurity(app: FastifyInstance, config: Config): void {
  app.addHook('onSend', async (request, reply) => {
    if (overTls(request, config))
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}
