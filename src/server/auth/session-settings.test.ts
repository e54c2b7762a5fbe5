import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson, buildSchool, testPassword } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';

const minute = 60_000;
const day = 24 * 60 * minute;

describe.each(engines())('session settings on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let secureApp: FastifyInstance;
  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    secureApp = await testApp(database, { COOKIE_SECURE: 'true' });
  });
  afterAll(async () => {
    await app.close();
    await secureApp.close();
    await database.close();
  });

  /** Pretends the person's sessions were last used `ms` ago. */
  async function idleFor(personId: number, ms: number): Promise<void> {
    const { id } = await database.db
      .selectFrom('accounts')
      .select('id')
      .where('personId', '=', personId)
      .executeTakeFirstOrThrow();
    await database.db
      .updateTable('sessions')
      .set({ lastSeenAt: new Date(Date.now() - ms).toISOString() })
      .where('accountId', '=', id)
      .execute();
  }

  const me = (client: Client) => client.get('/api/me');

  it("locks a staff session after the school's own idle timeout, not before, and it opens nothing", async () => {
    const { schoolId } = await buildSchool(database.db, { settings: { idleTimeoutMinutesStaff: 5 } });
    const teacher = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    const client = await signIn(app, teacher.login);
    const first = await me(client);
    expect(first.statusCode).toBe(200);
    expect(first.json().idleTimeoutMinutes).toBe(5);

    await idleFor(teacher.id, 4 * minute);
    expect((await me(client)).statusCode).toBe(200);

    await idleFor(teacher.id, 6 * minute);
    const locked = await client.get('/api/journal/courses');
    expect(locked.statusCode).toBe(401);
    expect(locked.json()).toMatchObject({ error: 'session_locked' });
    expect((await me(client)).json()).toMatchObject({ locked: true, abilities: [], roles: [] });
  });

  it('keeps a parent signed in for a week in a school with default settings', async () => {
    const { schoolId } = await buildSchool(database.db);
    const parent = await buildPerson(database.db, { schoolId, roles: ['parent'] });
    const client = await signIn(app, parent.login);
    expect((await me(client)).json().idleTimeoutMinutes).toBe(7 * 24 * 60);

    await idleFor(parent.id, 2 * day);
    const later = await me(client);
    expect(later.statusCode).toBe(200);
    expect(later.json().idleTimeoutMinutes).toBe(10080);
  });

  const loginCookie = async (server: FastifyInstance) => {
    const { schoolId } = await buildSchool(database.db);
    const p = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    const res = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: p.login, password: testPassword },
    });
    expect(res.statusCode).toBe(200);
    const header = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('otmetka_session='));
    expect(header).toBeDefined();
    return header!.split(';').map((part) => part.trim());
  };

  it('marks the session cookie Secure, HttpOnly, SameSite=Strict on the whole site with COOKIE_SECURE=true', async () => {
    const attributes = await loginCookie(secureApp);
    expect(attributes).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Strict', 'Path=/']));
  });

  it('leaves Secure off the cookie without COOKIE_SECURE', async () => {
    const attributes = await loginCookie(app);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
    expect(attributes).not.toContain('Secure');
  });

  it('sends Strict-Transport-Security only with COOKIE_SECURE=true', async () => {
    const secure = await secureApp.inject({ method: 'GET', url: '/api/health' });
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const plain = await app.inject({ method: 'GET', url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });
});
