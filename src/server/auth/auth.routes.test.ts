import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson, buildSchool, testPassword } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';

describe.each(engines())('auth API on $name', (engine) => {
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

  const login = (payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: payload as object, headers });

  it('reports health with the engine', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: engine.name,
      backupsConfigured: false,
      backups: [],
    });
  });

  it('signs in, sets an HttpOnly SameSite cookie and answers who the person is', async () => {
    const { schoolId } = await buildSchool(database.db);
    const teacher = await buildPerson(database.db, {
      schoolId,
      roles: ['teacher', 'parent'],
      lastName: 'Петрова',
      firstName: 'Анна',
    });
    const res = await login({ login: teacher.login, password: testPassword });
    expect(res.statusCode).toBe(200);
    const cookie = res.headers['set-cookie'];
    expect(String(cookie)).toMatch(/otmetka_session=.+; .*HttpOnly/);
    expect(String(cookie)).toMatch(/SameSite=Strict/);
    const me = res.json();
    expect(me.person).toMatchObject({ id: teacher.id, lastName: 'Петрова', firstName: 'Анна' });
    expect(me.roles).toEqual(['teacher', 'parent']);
    expect(me.abilities).toContain('journal.edit');
    expect(me.abilities).toContain('diary.view');
    expect(me.abilities).not.toContain('staff.manage');
    expect(me.schools.map((s: { id: number }) => s.id)).toEqual([schoolId]);
    expect(me.idleTimeoutMinutes).toBe(30);

    const client = await signIn(app, teacher.login);
    const again = await client.get('/api/me');
    expect(again.statusCode).toBe(200);
    expect(again.json().login).toBe(teacher.login.toLowerCase());
  });

  it('refuses wrong passwords in Russian, or English on request, without telling which part was wrong', async () => {
    const { schoolId } = await buildSchool(database.db);
    const p = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    const wrong = await login({ login: p.login, password: 'nope' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: 'unauthenticated', message: 'Неверный логин или пароль.' });
    const unknown = await login(
      { login: 'nobody-here', password: 'nope' },
      { 'accept-language': 'en-GB,en;q=0.9' },
    );
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().message).toBe('Wrong login or password.');
  });

  it('locks an account after five failures, with a growing delay, even for the right password', async () => {
    const { schoolId } = await buildSchool(database.db);
    const p = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    for (let i = 0; i < 5; i++)
      expect((await login({ login: p.login, password: 'bad' })).statusCode).toBe(401);
    const locked = await login({ login: p.login, password: testPassword });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ error: 'locked' });
    expect(locked.json().message).toMatch(/Повторите через 1 мин/);
    const row = await database.db
      .selectFrom('loginThrottles')
      .select(['failures', 'lockedUntil'])
      .where('login', '=', p.login.toLowerCase())
      .executeTakeFirstOrThrow();
    expect(row.failures).toBe(5);
    const seconds = (new Date(row.lockedUntil!).getTime() - Date.now()) / 1000;
    expect(seconds).toBeGreaterThan(20);
    expect(seconds).toBeLessThanOrEqual(30);
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'after', 'ip'])
      .where('entity', '=', 'account')
      .where('schoolId', '=', schoolId)
      .execute();
    expect(audit).toEqual([
      { action: 'account.locked', after: expect.stringContaining('"failedLogins":5'), ip: '127.0.0.1' },
    ]);
  });

  it('locks unknown logins the same way, so a lock does not reveal which logins exist', async () => {
    const ghost = `ghost-${Date.now()}`;
    for (let i = 0; i < 5; i++) expect((await login({ login: ghost, password: 'bad' })).statusCode).toBe(401);
    const locked = await login({ login: ghost, password: 'bad' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().message).toMatch(/Повторите через 1 мин/);
  });

  it('counts parallel guesses before checking them, so only five are ever checked', async () => {
    const { schoolId } = await buildSchool(database.db);
    const p = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => login({ login: p.login, password: 'bad' })),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
  });

  it('lets the fifth attempt in, and a right password then lifts the lock it set', async () => {
    const { schoolId } = await buildSchool(database.db);
    const p = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    for (let i = 0; i < 4; i++) await login({ login: p.login, password: 'bad' });
    expect((await login({ login: p.login, password: testPassword })).statusCode).toBe(200);
    const rows = await database.db
      .selectFrom('loginThrottles')
      .selectAll()
      .where('login', '=', p.login.toLowerCase())
      .execute();
    expect(rows).toEqual([]);
  });

  it('starts the count afresh after two quiet hours', async () => {
    const { schoolId } = await buildSchool(database.db);
    const p = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    for (let i = 0; i < 4; i++) await login({ login: p.login, password: 'bad' });
    await database.db
      .updateTable('loginThrottles')
      .set({ updatedAt: new Date(Date.now() - 3 * 3600_000).toISOString() })
      .where('login', '=', p.login.toLowerCase())
      .execute();
    expect((await login({ login: p.login, password: 'bad' })).statusCode).toBe(401);
    expect((await login({ login: p.login, password: 'bad' })).statusCode).toBe(401);
    const row = await database.db
      .selectFrom('loginThrottles')
      .select('failures')
      .where('login', '=', p.login.toLowerCase())
      .executeTakeFirstOrThrow();
    expect(row.failures).toBe(2);
  });

  it('ends the browser’s previous session when it signs in again', async () => {
    const { schoolId } = await buildSchool(database.db);
    const p = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    const first = await signIn(app, p.login);
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: p.login, password: testPassword },
      headers: { cookie: first.cookie },
    });
    expect(again.statusCode).toBe(200);
    expect((await first.get('/api/me')).statusCode).toBe(401);
    const account = await database.db
      .selectFrom('accounts')
      .select('id')
      .where('personId', '=', p.id)
      .executeTakeFirstOrThrow();
    const live = await database.db
      .selectFrom('sessions')
      .select('id')
      .where('accountId', '=', account.id)
      .where('endedAt', 'is', null)
      .execute();
    expect(live.length).toBe(1);
  });

  it('forgets the failures after a successful login', async () => {
    const { schoolId } = await buildSchool(database.db);
    const p = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    for (let i = 0; i < 4; i++) await login({ login: p.login, password: 'bad' });
    expect((await login({ login: p.login, password: testPassword })).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await login({ login: p.login, password: 'bad' });
    expect((await login({ login: p.login, password: testPassword })).statusCode).toBe(200);
  });

  it('rejects bad input with 400 naming each field', async () => {
    const missing = await login({});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toBe('validation');
    expect(missing.json().fields).toEqual({ login: 'Обязательное поле.', password: 'Обязательное поле.' });
    expect(missing.json().message).toBe('Проверьте поля: «Логин», «Пароль».');

    const extra = await login({ login: 'a', password: 'b', admin: true });
    expect(extra.json().fields).toEqual({ admin: 'Неизвестное поле.' });
    const wrongType = await login({ login: 5, password: 'b' }, { 'accept-language': 'en' });
    expect(wrongType.json().fields).toEqual({ login: 'Wrong type of value.' });
    const long = await login({ login: 'a'.repeat(65), password: 'b' });
    expect(long.json().fields).toEqual({ login: 'Не длиннее 64 символов.' });

    const malformed = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"login": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({
      error: 'validation',
      message: 'Тело запроса не является корректным JSON.',
    });

    const form = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: 'login=a&password=b',
      headers: { 'content-type': 'text/plain' },
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().error).toBe('unsupported_media_type');
  });

  it('refuses control characters and malformed addresses with 400, never a 500', async () => {
    const nul = await login({ login: 'a\u0000b', password: 'x' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().fields).toEqual({ login: 'Содержит недопустимые управляющие символы.' });
    const badUrl = await app.inject({ method: 'GET', url: '/api/students/%zz' });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json()).toMatchObject({ error: 'validation', message: 'Неверный адрес запроса.' });
    const longParam = await app.inject({ method: 'GET', url: `/api/students/${'7'.repeat(150)}` });
    expect(longParam.statusCode).toBe(400);
    expect(longParam.json()).toMatchObject({ error: 'validation', message: 'Неверный адрес запроса.' });
    const notObject = await login([1, 2]);
    expect(notObject.statusCode).toBe(400);
    expect(notObject.json().message).toBe('Проверьте поля: «Тело запроса».');
  });

  it('answers 401 without a session and 404 JSON for unknown routes', async () => {
    const me = await app.inject({ method: 'GET', url: '/api/me' });
    expect(me.statusCode).toBe(401);
    expect(me.json()).toMatchObject({ error: 'unauthenticated', message: 'Войдите в систему.' });
    const nowhere = await app.inject({ method: 'GET', url: '/api/nowhere' });
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.json()).toMatchObject({ error: 'not_found' });
  });

  it('guards routes by the matched route, so percent-encoded paths get no way around the session', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/%61pi/classes' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error).toBe('unauthenticated');
    const { schoolId } = await buildSchool(database.db);
    const p = await buildPerson(database.db, { schoolId, roles: ['admin'], mustChangePassword: true });
    const client = await signIn(app, p.login);
    const early = await client.get('/%61pi/classes');
    expect(early.statusCode).toBe(403);
    expect(early.json().error).toBe('password_change_required');
    const change = await app.inject({
      method: 'POST',
      url: '/%61pi/auth/change-password',
      payload: { currentPassword: 'x', newPassword: 'y'.repeat(9) },
    });
    expect(change.statusCode).toBe(401);
    expect(change.json().error).toBe('unauthenticated');
  });

  it('logs out: the cookie opens nothing afterwards', async () => {
    const { schoolId } = await buildSchool(database.db);
    const p = await buildPerson(database.db, { schoolId, roles: ['director'] });
    const client = await signIn(app, p.login);
    expect((await client.send('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });

  it('requires the CSRF token and the same origin for writes in a session', async () => {
    const { schoolId } = await buildSchool(database.db);
    const p = await buildPerson(database.db, { schoolId, roles: ['director'] });
    const client = await signIn(app, p.login);
    const noToken = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      payload: {},
      headers: { cookie: client.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error).toBe('csrf');
    const foreign = await client.send(
      'POST',
      '/api/auth/logout',
      {},
      { origin: 'https://evil.example', host: 'localhost:80' },
    );
    expect(foreign.statusCode).toBe(403);
    expect((await client.get('/api/me')).statusCode).toBe(200);
  });

  it('forces a password change at first login, then issues a fresh session and ends all others', async () => {
    const { schoolId } = await buildSchool(database.db);
    const p = await buildPerson(database.db, { schoolId, roles: ['admin'], mustChangePassword: true });
    const first = await signIn(app, p.login);
    const other = await signIn(app, p.login);
    expect((await first.get('/api/me')).json().mustChangePassword).toBe(true);
    const blocked = await first.get('/api/classes');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error).toBe('password_change_required');

    const same = await first.send('POST', '/api/auth/change-password', {
      currentPassword: testPassword,
      newPassword: testPassword,
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().fields).toHaveProperty('newPassword');
    const short = await first.send('POST', '/api/auth/change-password', {
      currentPassword: testPassword,
      newPassword: 'short',
    });
    expect(short.json().fields).toEqual({ newPassword: 'Не короче 8 символов.' });
    // Common passwords (the shipped list, Russian ones, the login itself) are refused by name.
    for (const common of ['qwerty123', 'Password1', 'йцукенгшщз', p.login, `${p.login}2026`]) {
      const weak = await first.send('POST', '/api/auth/change-password', {
        currentPassword: testPassword,
        newPassword: common,
      });
      expect(weak.statusCode, common).toBe(400);
      expect(weak.json().fields).toEqual({
        newPassword: 'Этот пароль слишком простой или часто встречается: придумайте другой.',
      });
    }
    const weakEn = await first.send(
      'POST',
      '/api/auth/change-password',
      { currentPassword: testPassword, newPassword: 'iloveyou' },
      { 'accept-language': 'en' },
    );
    expect(weakEn.json().fields).toEqual({
      newPassword: 'This password is too simple or too common: choose another.',
    });
    const wrong = await first.send('POST', '/api/auth/change-password', {
      currentPassword: 'x',
      newPassword: 'a new secret',
    });
    expect(wrong.json()).toMatchObject({
      message: 'Проверьте поля: «Текущий пароль».',
      fields: { currentPassword: 'Текущий пароль указан неверно.' },
    });

    const ok = await first.send('POST', '/api/auth/change-password', {
      currentPassword: testPassword,
      newPassword: 'a new secret',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ mustChangePassword: false, person: { id: p.id } });
    // The session is issued anew: the old cookie and token are worth nothing now.
    expect((await first.get('/api/classes')).statusCode).toBe(401);
    expect((await other.get('/api/me')).statusCode).toBe(401);
    const fresh = ok.cookies.find((c) => c.name === 'otmetka_session')!.value;
    expect(`otmetka_session=${fresh}`).not.toBe(first.cookie);
    const classes = await app.inject({
      method: 'GET',
      url: '/api/classes',
      headers: { cookie: `otmetka_session=${fresh}` },
    });
    expect(classes.statusCode).toBe(200);
    expect(ok.json().csrfToken).not.toBe(first.csrf);
    const events = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'actorId'])
      .where('schoolId', '=', schoolId)
      .where('action', '=', 'account.password_changed')
      .execute();
    expect(events).toEqual([{ action: 'account.password_changed', actorId: p.id }]);
    expect((await login({ login: p.login, password: 'a new secret' })).statusCode).toBe(200);
  });

  it('throttles guesses of the current password like logins', async () => {
    const { schoolId } = await buildSchool(database.db);
    const p = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    const client = await signIn(app, p.login);
    const change = (currentPassword: string) =>
      client.send('POST', '/api/auth/change-password', { currentPassword, newPassword: 'a new secret' });
    for (let i = 0; i < 5; i++) expect((await change(`guess ${i}`)).statusCode).toBe(400);
    const locked = await change(testPassword);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toBe('locked');
  });

  it('ends a staff session idle longer than the school allows plus the 12 hours it may stay locked', async () => {
    const { schoolId } = await buildSchool(database.db);
    const p = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    const client = await signIn(app, p.login);
    const account = await database.db
      .selectFrom('accounts')
      .select('id')
      .where('personId', '=', p.id)
      .executeTakeFirstOrThrow();
    await database.db
      .updateTable('sessions')
      .set({ lastSeenAt: new Date(Date.now() - (31 + 12 * 60) * 60_000).toISOString() })
      .where('accountId', '=', account.id)
      .execute();
    // A public request racing ahead ends the session; the app's own request must still learn why.
    const setup = await client.get('/api/setup');
    expect(setup.statusCode).toBe(200);
    // The browser keeps the expired cookie, so its other requests learn why too.
    expect(setup.headers['set-cookie']).toBeUndefined();
    const res = await client.get('/api/me');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({
      error: 'session_expired',
      message: 'Сеанс завершён из-за бездействия. Войдите снова.',
    });
    const ended = await database.db
      .selectFrom('sessions')
      .select('endReason')
      .where('accountId', '=', account.id)
      .execute();
    expect(ended).toEqual([{ endReason: 'idle' }]);
  });

  it('ends the sessions of a person who is archived or whose account is disabled', async () => {
    const { schoolId } = await buildSchool(database.db);
    const archived = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    const disabled = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    const a = await signIn(app, archived.login);
    const d = await signIn(app, disabled.login);
    const at = new Date().toISOString();
    await database.db.updateTable('persons').set({ archivedAt: at }).where('id', '=', archived.id).execute();
    await database.db
      .updateTable('accounts')
      .set({ disabledAt: at })
      .where('personId', '=', disabled.id)
      .execute();
    expect((await a.get('/api/me')).statusCode).toBe(401);
    expect((await d.get('/api/me')).statusCode).toBe(401);
    const again = await login({ login: archived.login, password: testPassword });
    expect(again.statusCode).toBe(401);
    expect(again.json().message).toBe('Учётная запись отключена. Обратитесь к администратору школы.');
  });

  it('tells a signed-out cookie apart from an expired one', async () => {
    const { schoolId } = await buildSchool(database.db);
    const p = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    const client = await signIn(app, p.login);
    await client.send('POST', '/api/auth/logout');
    expect((await client.get('/api/me')).json().error).toBe('unauthenticated');
  });
});
