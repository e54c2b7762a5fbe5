import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { readConfig } from '../src/server/config.ts';
import type { Database } from '../src/server/db/database.ts';
import { testPassword } from './factories.ts';

/** The whole HTTP stack over a test database, without a network socket. */
export function testApp(database: Database, env: Record<string, string> = {}): Promise<FastifyInstance> {
  return buildApp(
    database,
    readConfig({
      LOG_LEVEL: 'silent',
      WEB_DIR: 'test/no-web',
      // Route tests export many files a minute; src/server/http/security-headers.test.ts tests the limit.
      EXPORT_RATE_LIMIT_PER_MINUTE: '1000',
      ...env,
    }),
  );
}

/** A signed-in client: its cookie and CSRF token are sent with every request. */
export interface Client {
  cookie: string;
  csrf: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  send(
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

/** Logs in through the API and returns a client carrying the session. */
export async function signIn(app: FastifyInstance, login: string, password = testPassword): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
  const set = res.cookies.find((c) => c.name === 'otmetka_session');
  if (!set) throw new Error('no session cookie');
  const cookie = `otmetka_session=${set.value}`;
  const csrf = res.json().csrfToken as string;
  return {
    cookie,
    csrf,
    get: (url, headers = {}) => app.inject({ method: 'GET', url, headers: { cookie, ...headers } }),
    send: (method, url, body = {}, headers = {}) =>
      app.inject({
        method,
        url,
        payload: body as object,
        headers: { cookie, 'x-csrf-token': csrf, ...headers },
      }),
  };
}
