import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';

interface Operation {
  security?: unknown[];
  responses?: Record<string, unknown>;
}
interface Document {
  openapi: string;
  info: { description: string };
  security?: unknown[];
  components: { securitySchemes: Record<string, unknown> };
  paths: Record<string, Record<string, Operation>>;
}

/** The routes anyone may call without a session, by `METHOD path`. */
const publicRoutes = [
  'GET /api/health',
  'GET /api/ready',
  'GET /api/setup',
  'POST /api/setup',
  'POST /api/auth/login',
  // The second step of a two-factor login: the 5-minute pending cookie is the key, not a session.
  'POST /api/auth/login/code',
  // The secret calendar address: the token is the key.
  'GET /api/calendar/{token}',
];
/** The one route the document leaves out: the document itself. */
const theDocument = 'GET /api/openapi.json';

/** `METHOD /path/{param}` as the OpenAPI document names an operation. */
const operationOf = (method: string, url: string) =>
  `${method.toUpperCase()} ${url.replace(/:(\w+)/g, '{$1}')}`;

async function openApiDocument(app: FastifyInstance): Promise<Document> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  return res.json();
}

function documentedOperations(doc: Document): Map<string, Operation> {
  const operations = new Map<string, Operation>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      operations.set(`${method.toUpperCase()} ${path}`, operation);
    }
  }
  return operations;
}

/** The registered API routes, as operations, without the document's own route. */
const collectedOperations = (app: FastifyInstance) =>
  app
    .apiRoutes()
    .map((r) => operationOf(r.method, r.url))
    .filter((op) => op !== theDocument);

/** Registered routes the document does not describe. */
async function undocumented(app: FastifyInstance): Promise<string[]> {
  const documented = documentedOperations(await openApiDocument(app));
  return collectedOperations(app).filter((op) => !documented.has(op));
}

describe.each(engines())('the OpenAPI document on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let doc: Document;
  let operations: Map<string, Operation>;
  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    doc = await openApiDocument(app);
    operations = documentedOperations(doc);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('collects the API routes, without HEAD and the reference pages', () => {
    const routes = collectedOperations(app);
    expect(routes).toEqual(
      expect.arrayContaining([...publicRoutes, 'GET /api/me', 'PATCH /api/students/{id}']),
    );
    expect(new Set(routes).size).toBe(routes.length);
    expect(routes.filter((op) => op.startsWith('HEAD ') || op.includes('/api/docs'))).toEqual([]);
    expect(app.apiRoutes().map((r) => `${r.method} ${r.url}`)).toContain(theDocument);
  });

  it('describes every registered route, and nothing else', async () => {
    expect(await undocumented(app)).toEqual([]);
    expect([...operations.keys()].sort()).toEqual(collectedOperations(app).sort());
  });

  it('notices a route hidden from the document', async () => {
    const other = await testApp(database);
    try {
      other.get('/api/hidden-probe', { schema: { hide: true } }, () => ({ ok: true }));
      expect(await undocumented(other)).toEqual(['GET /api/hidden-probe']);
    } finally {
      await other.close();
    }
  });

  it('asks for the session cookie by default and marks the open routes as open', () => {
    expect(doc.components.securitySchemes.session).toEqual({
      type: 'apiKey',
      in: 'cookie',
      name: 'otmetka_session',
    });
    expect(doc.security).toEqual([{ session: [] }]);
    for (const [op, operation] of operations) {
      if (publicRoutes.includes(op)) expect(operation.security, op).toEqual([]);
      else expect(operation.security, `${op} inherits the session scheme`).toBeUndefined();
    }
    for (const op of publicRoutes) expect(operations.has(op), op).toBe(true);
  });

  it('documents the 401 of every route that needs a session, and every such route gives it', async () => {
    for (const [op, operation] of operations) {
      const [method, path] = op.split(' ') as [string, string];
      const res = await app.inject({
        method: method as 'GET',
        url: path.replace(/\{\w+\}/g, '1'),
      });
      if (publicRoutes.includes(op)) {
        expect(res.statusCode, `${op} without a session`).not.toBe(401);
        continue;
      }
      expect(Object.keys(operation.responses ?? {}), op).toContain('401');
      expect(res.statusCode, `${op} without a session`).toBe(401);
      expect(res.json().error).toBe('unauthenticated');
    }
  });

  it('tells how to write: the CSRF header, JSON, and the shape and language of errors', () => {
    const text = doc.info.description;
    expect(text).toContain('X-CSRF-Token');
    expect(text).toContain('csrfToken');
    expect(text).toContain('GET /api/me');
    expect(text).toContain('application/json');
    expect(text).toContain('{error, message, fields?}');
    expect(text).toContain('Accept-Language: en');
  });

  it('serves the browsable reference', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('swagger-ui');
  });
});
