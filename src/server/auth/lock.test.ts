import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson, buildSchool, testPassword } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { hashPassword } from './password.ts';

const minute = 60_000;
const hour = 60 * minute;

describe.each(engines())('session lock on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database, { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  async function teacherIn(settings: Record<string, number> = {}) {
    const { schoolId } = await buildSchool(database.db, { settings });
    const teacher = await buildPerson(database.db, {
      schoolId,
      roles: ['teacher'],
      lastName: 'Петрова',
      firstName: 'Анна',
    });
    return { schoolId, teacher, client: await signIn(app, teacher.login) };
  }

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

  const actions = async (schoolId: number) =>
    (
      await database.db
        .selectFrom('auditEvents')
        .select('action')
        .where('schoolId', '=', schoolId)
        .where('action', 'like', 'session.%')
        .orderBy('id')
        .execute()
    ).map((e) => e.action);

  const staffRoute = (client: Client) => client.get('/api/journal/courses');

  it('refuses every other route with session_locked while locked, and shows only the name on /api/me', async () => {
    const { schoolId, client } = await teacherIn();
    expect((await staffRoute(client)).statusCode).toBe(200);
    expect((await client.send('POST', '/api/auth/lock')).statusCode).toBe(200);

    const me = await client.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      locked: true,
      person: { lastName: 'Петрова', firstName: 'Анна' },
      roles: [],
      abilities: [],
      schools: [],
      csrfToken: client.csrf,
    });

    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    // The document itself is open but not among its own paths.
    const open = new Set<string>(['GET /api/openapi.json']);
    for (const [path, methods] of Object.entries(document.paths))
      for (const [method, op] of Object.entries(methods))
        if (op.security?.length === 0)
          open.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    const whileLocked = new Set([
      'GET /api/me',
      'POST /api/auth/logout',
      'POST /api/auth/lock',
      'POST /api/auth/unlock',
    ]);
    const reached: string[] = [];
    for (const route of app.apiRoutes()) {
      const key = `${route.method} ${route.url}`;
      if (open.has(key) || whileLocked.has(key)) continue;
      const url = route.url.replace(/:\w+/g, '1');
      const res =
        route.method === 'GET' ? await client.get(url) : await client.send(route.method as 'POST', url, {});
      if (res.statusCode !== 401 || res.json().error !== 'session_locked')
        reached.push(`${key} → ${res.statusCode}`);
    }
    expect(reached).toEqual([]);
    expect(open.size).toBeGreaterThan(0);
    const refused = await staffRoute(client);
    expect(refused.json()).toMatchObject({
      error: 'session_locked',
      message: 'Сеанс заблокирован. Введите пароль, чтобы продолжить.',
    });
    expect(await actions(schoolId)).toEqual(['session.locked']);
  });

  it('refuses a wrong password and counts it in the login throttle; the right one reopens the same session', async () => {
    const { schoolId, teacher, client } = await teacherIn();
    await client.send('POST', '/api/auth/lock');
    const wrong = await client.send('POST', '/api/auth/unlock', { password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({
      error: 'session_locked',
      message: 'Неверный пароль. Сеанс остаётся заблокированным.',
    });
    const throttle = await database.db
      .selectFrom('loginThrottles')
      .select('failures')
      .where('login', '=', teacher.login.toLowerCase())
      .executeTakeFirstOrThrow();
    expect(throttle.failures).toBe(1);
    expect((await staffRoute(client)).statusCode).toBe(401);

    const right = await client.send('POST', '/api/auth/unlock', { password: testPassword });
    expect(right.statusCode).toBe(200);
    // The same cookie and CSRF token: the journal's pending saves simply go again.
    expect((await staffRoute(client)).statusCode).toBe(200);
    expect((await client.send('POST', '/api/auth/lock')).statusCode).toBe(200);
    expect((await client.send('POST', '/api/auth/unlock', { password: testPassword })).statusCode).toBe(200);
    const me = await client.get('/api/me');
    expect(me.json()).toMatchObject({ locked: false, csrfToken: client.csrf, roles: ['teacher'] });
    expect(await actions(schoolId)).toEqual([
      'session.locked',
      'session.unlocked',
      'session.locked',
      'session.unlocked',
    ]);
  });

  it('locks out unlocking after five wrong passwords, even with the right one', async () => {
    const { client } = await teacherIn();
    await client.send('POST', '/api/auth/lock');
    for (let i = 0; i < 5; i++)
      expect((await client.send('POST', '/api/auth/unlock', { password: `wrong-${i}` })).statusCode).toBe(
        401,
      );
    const locked = await client.send('POST', '/api/auth/unlock', { password: testPassword });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toBe('locked');
    expect((await staffRoute(client)).json().error).toBe('session_locked');
  });

  it("never unlocks with another person's password", async () => {
    const { schoolId, client } = await teacherIn();
    const other = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    await database.db
      .updateTable('accounts')
      .set({ passwordHash: await hashPassword('Другой-пароль-42') })
      .where('login', '=', other.login.toLowerCase())
      .execute();
    await client.send('POST', '/api/auth/lock');
    const res = await client.send('POST', '/api/auth/unlock', { password: 'Другой-пароль-42' });
    expect(res.statusCode).toBe(401);
    expect((await signIn(app, other.login, 'Другой-пароль-42')).csrf).toBeTruthy();
    expect((await staffRoute(client)).json().error).toBe('session_locked');
  });

  it('answers 400 naming the password field for a bad unlock body', async () => {
    const { client } = await teacherIn();
    await client.send('POST', '/api/auth/lock');
    const res = await client.send('POST', '/api/auth/unlock', {});
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toHaveProperty('password');
  });

  it('locks a staff session idle past its timeout instead of ending it, and ends it 12 hours later', async () => {
    const { schoolId, teacher, client } = await teacherIn({ idleTimeoutMinutesStaff: 5 });
    await idleFor(teacher.id, 6 * minute);
    const idle = await staffRoute(client);
    expect(idle.statusCode).toBe(401);
    expect(idle.json().error).toBe('session_locked');
    expect((await client.get('/api/me')).json()).toMatchObject({ locked: true });
    expect(await actions(schoolId)).toEqual(['session.locked']);
    const event = await database.db
      .selectFrom('auditEvents')
      .select(['after', 'actorId'])
      .where('schoolId', '=', schoolId)
      .where('action', '=', 'session.locked')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.after!)).toEqual({ reason: 'idle' });
    expect(event.actorId).toBe(teacher.id);

    // Waiting while locked is no activity: the lock ends for good after the cap.
    await idleFor(teacher.id, 5 * minute + 12 * hour - minute);
    expect((await client.get('/api/me')).json()).toMatchObject({ locked: true });
    await idleFor(teacher.id, 5 * minute + 12 * hour + minute);
    const gone = await client.get('/api/me');
    expect(gone.statusCode).toBe(401);
    expect(gone.json().error).toBe('session_expired');
    expect((await client.send('POST', '/api/auth/unlock', { password: testPassword })).json().error).toBe(
      'session_expired',
    );
  });

  it('unlocks an idle-locked session with the password and counts that as activity', async () => {
    const { teacher, client } = await teacherIn({ idleTimeoutMinutesStaff: 5 });
    await idleFor(teacher.id, 6 * minute);
    expect((await staffRoute(client)).statusCode).toBe(401);
    expect((await client.send('POST', '/api/auth/unlock', { password: testPassword })).statusCode).toBe(200);
    expect((await staffRoute(client)).statusCode).toBe(200);
  });

  it('lets a family session expire instead of locking, and refuses families the lock', async () => {
    const { schoolId } = await buildSchool(database.db, { settings: { idleTimeoutMinutesFamily: 60 } });
    const parent = await buildPerson(database.db, { schoolId, roles: ['parent'] });
    const client = await signIn(app, parent.login);
    expect((await client.send('POST', '/api/auth/lock')).statusCode).toBe(403);
    expect((await client.get('/api/me')).json().locked).toBe(false);
    await idleFor(parent.id, 61 * minute);
    const gone = await client.get('/api/me');
    expect(gone.statusCode).toBe(401);
    expect(gone.json().error).toBe('session_expired');
  });
});
