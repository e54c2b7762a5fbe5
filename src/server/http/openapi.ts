import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { errorBody } from '../../contract/errors.ts';

/** Error answers a route can give, for its response schema and the OpenAPI document. */
export function errors(...statuses: (400 | 401 | 403 | 404 | 409 | 429)[]) {
  return Object.fromEntries(statuses.map((s) => [s, errorBody]));
}

/** Publishes the OpenAPI document at /api/openapi.json and a browsable reference at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Otmetka API',
        description: 'Электронный классный журнал и дневник «Отметка». Ошибки: `{error, message, fields?}`.',
        version,
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'otmetka_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list' },
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
}
