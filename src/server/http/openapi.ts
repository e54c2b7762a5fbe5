import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { errorBody } from '../../contract/errors.ts';
import { sessionCookie } from './session.ts';

/** Error answers a route can give, for its response schema and the OpenAPI document. */
export function errors(...statuses: (400 | 401 | 403 | 404 | 409 | 429)[]) {
  return Object.fromEntries(statuses.map((s) => [s, errorBody]));
}

/** One route of the API as registered: its method and its Fastify path (`/api/students/:id`). */
export interface ApiRoute {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Every route under `/api/` registered on the app, in registration order: what the OpenAPI
     * document must describe. HEAD routes (Fastify adds one per GET) and the reference pages of
     * `/api/docs` are left out.
     */
    apiRoutes(): ApiRoute[];
  }
}

const docsPrefix = '/api/docs';

const description = `Электронный классный журнал и дневник «Отметка».

**Вход.** \`POST /api/auth/login\` открывает сеанс: сервер ставит cookie \`${sessionCookie}\` (HttpOnly, SameSite=Strict) и отвечает тем же, что \`GET /api/me\`. Все методы, кроме отмеченных как открытые, требуют этот сеанс, иначе отвечают 401.

**Запись.** Каждый POST, PUT, PATCH и DELETE в сеансе должен нести заголовок \`X-CSRF-Token\` со значением \`csrfToken\` из \`GET /api/me\` или из ответа на вход (иначе 403 \`csrf\`), а тело запроса, если оно есть, — быть JSON (\`Content-Type: application/json\`, иначе 415).

**Ошибки.** Любая ошибка — JSON \`{error, message, fields?}\`: \`error\` — код, \`message\` — текст для человека на русском (на английском при \`Accept-Language: en\`), \`fields\` — сообщение для каждого неверного поля.`;

/**
 * Publishes the OpenAPI document at /api/openapi.json and a browsable reference at /api/docs,
 * and collects every route registered after it (`app.apiRoutes()`). The session cookie is the
 * default security scheme; routes with `config: { public: true }` are documented as open.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  const routes: ApiRoute[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith(docsPrefix)) return;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url });
    }
  });
  app.decorate('apiRoutes', () => routes.map((r) => ({ ...r })));

  await app.register(swagger, {
    openapi: {
      info: { title: 'Otmetka API', description, version },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookie } } },
      security: [{ session: [] }],
    },
    transform: (document) => {
      const transformed = jsonSchemaTransform(document);
      if (!document.route.config?.public) return transformed;
      return { ...transformed, schema: { ...transformed.schema, security: [] } };
    },
  });
  await app.register(swaggerUi, {
    routePrefix: docsPrefix,
    staticCSP: true,
    uiConfig: { docExpansion: 'list' },
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
}
