import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson, buildSchool, testPassword } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';

describe.each(engines())('security headers, TLS and export limits on $name', (engine) => {
  let database: Database;
  let plain: FastifyInstance;
  let proxied: FastifyInstance;
  let limited: FastifyInstance;
  beforeAll(async () => {
    database = await engine.open();
    plain = await testApp(database);
    proxied = await testApp(database, { TRUST_PROXY: 'true' });
    limited = await testApp(database, { EXPORT_RATE_LIMIT_PER_MINUTE: '2' });
  });
  afterAll(async () => {
    await Promise.all([plain.close(), proxied.close(), limited.close()]);
    await database.close();
  });

  const login = async (server: FastifyInstance, headers: Record<string, string>) => {
    const { schoolId } = await buildSchool(database.db);
    const p = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    const res = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers,
      payload: { login: p.login, password: testPassword },
    });
    expect(res.statusCode).toBe(200);
    const cookie = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('otmetka_session='));
    return { res, attributes: cookie!.split(';').map((part) => part.trim()) };
  };

  it('forbids framing and inline script on every answer', async () => {
    for (const url of ['/api/health', '/api/me', '/api/nope']) {
      const res = await plain.inject({ url });
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      const csp = new Map(
        String(res.headers['content-security-policy'])
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values.join(' ')]),
      );
      expect(csp.get('frame-ancestors'), url).toBe("'none'");
      expect(csp.get('script-src'), url).toBe("'self'");
      expect(csp.get('script-src-attr'), url).toBe("'none'");
      expect(csp.get('object-src'), url).toBe("'none'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });

  it('behind a TLS proxy sends HSTS and a Secure cookie, without COOKIE_SECURE', async () => {
    const { res, attributes } = await login(proxied, { 'x-forwarded-proto': 'https' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(attributes).toContain('Secure');
    const overHttp = await login(proxied, { 'x-forwarded-proto': 'http' });
    expect(overHttp.res.headers['strict-transport-security']).toBeUndefined();
    expect(overHttp.attributes).not.toContain('Secure');
  });

  it('ignores a forged X-Forwarded-Proto when not behind a trusted proxy', async () => {
    const { res, attributes } = await login(plain, { 'x-forwarded-proto': 'https' });
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(attributes).not.toContain('Secure');
  });

  it('limits the files one person builds a minute; others and cheap routes are not held up', async () => {
    const { schoolId } = await buildSchool(database.db);
    const first = await buildPerson(database.db, { schoolId, roles: ['admin'] });
    const second = await buildPerson(database.db, { schoolId, roles: ['admin'] });
    const a = await signIn(limited, first.login);
    const b = await signIn(limited, second.login);
    const url = '/api/exchange/oneroster?yearId=2147483647';
    for (let i = 0; i < 2; i++) expect((await a.get(url)).statusCode).not.toBe(429);
    const refused = await a.get(url);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({
      error: 'rate_limited',
      message: 'Слишком много запросов. Повторите чуть позже.',
    });
    const english = await a.get(url, { 'accept-language': 'en' });
    expect(english.json().message).toBe('Too many requests. Please try again shortly.');
    expect((await a.get('/api/classes')).statusCode).toBe(200);
    expect((await b.get(url)).statusCode).not.toBe(429);
  });
});
