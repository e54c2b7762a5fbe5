import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Client, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson, buildSchool, testPassword } from '../../../test/factories.ts';
import type { Role } from '../../domain/roles.ts';
import { ctxFor } from '../credentials/credentials.test-helpers.ts';
import { issueCredentials } from '../credentials/issue-credentials.ts';
import type { Database } from '../db/database.ts';
import { totpCode } from './totp.ts';

describe.each(engines())('two-factor login on $name', (engine) => {
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
  // Only Date is faked: each code needs a time step of its own, and pending steps expire. The
  // clock starts at the real time: other test files on the same PostgreSQL database sweep login
  // throttle rows older than two hours of their (real) now.
  let now = Math.floor(Date.now() / 30_000) * 30_000 + 10_000;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
  });
  afterEach(() => vi.useRealTimers());
  /** Moves the clock on by whole 30-second steps, so the app shows a new code. */
  const later = (steps = 1) => {
    now += steps * 30_000;
    vi.setSystemTime(now);
  };

  const cookieOf = (res: LightMyRequestResponse, name: string) => res.cookies.find((c) => c.name === name);
  const login = (login: string, password = testPassword) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  /** The second step with the pending cookie of a first step. */
  const second = (first: LightMyRequestResponse, body: object) => {
    const pending = cookieOf(first, 'otmetka_two_factor');
    return app.inject({
      method: 'POST',
      url: '/api/auth/login/code',
      payload: body,
      headers: pending ? { cookie: `otmetka_two_factor=${pending.value}` } : {},
    });
  };
  /** A client over the session cookie an answer set. */
  const clientOf = (res: LightMyRequestResponse): Client => {
    const set = cookieOf(res, 'otmetka_session');
    if (!set) throw new Error(`no session: ${res.statusCode} ${res.body}`);
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
  };
  const person = async (schoolId: number, roles: Role[]) => buildPerson(database.db, { schoolId, roles });
  const auditActions = async (accountId: number) =>
    (
      await database.db
        .selectFrom('auditEvents')
        .select(['action', 'before', 'after'])
        .where('entity', '=', 'account')
        .where('entityId', '=', String(accountId))
        .where('action', 'like', 'account.twoFactor%')
        .orderBy('id')
        .execute()
    ).map((e) => e.action);
  const accountIdOf = async (loginName: string) =>
    (
      await database.db
        .selectFrom('accounts')
        .select('id')
        .where('login', '=', loginName.toLowerCase())
        .executeTakeFirstOrThrow()
    ).id;

  /** A staff member who turned two-factor login on from the security page: their secret and recovery codes. */
  const enrolled = async (schoolId: number, roles: Role[] = ['teacher']) => {
    const p = await person(schoolId, roles);
    const client = clientOf(await login(p.login));
    const wrong = await client.send('POST', '/api/two-factor/begin', { password: 'not it' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toHaveProperty('password');
    const begin = await client.send('POST', '/api/two-factor/begin', { password: testPassword });
    expect(begin.statusCode).toBe(200);
    const { secret, uri } = begin.json();
    expect(uri).toContain(`secret=${secret}`);
    const confirm = await client.send('POST', '/api/two-factor/confirm', {
      code: totpCode(secret, Date.now()),
    });
    expect(confirm.statusCode).toBe(200);
    later();
    return {
      ...p,
      secret: secret as string,
      recoveryCodes: confirm.json().recoveryCodes as string[],
      client,
    };
  };

  it('a teacher turns it on: ten recovery codes once, audited without the secret; then the password alone opens no session', async () => {
    const { schoolId } = await buildSchool(database.db);
    const t = await enrolled(schoolId);
    expect(t.recoveryCodes).toHaveLength(10);
    expect(new Set(t.recoveryCodes).size).toBe(10);
    const status = (await t.client.get('/api/two-factor')).json();
    expect(status).toMatchObject({ mode: 'optional', required: false, enabled: true, recoveryCodesLeft: 10 });
    const accountId = await accountIdOf(t.login);
    expect(await auditActions(accountId)).toEqual(['account.twoFactor.enabled']);
    const events = await database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityId', '=', String(accountId))
      .execute();
    expect(JSON.stringify(events)).not.toContain(t.secret);

    const first = await login(t.login);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ twoFactor: 'code' });
    expect(cookieOf(first, 'otmetka_session')).toBeUndefined();
    const pending = cookieOf(first, 'otmetka_two_factor');
    expect(pending).toMatchObject({ httpOnly: true, sameSite: 'Strict', maxAge: 300 });
    const me = await app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: `otmetka_two_factor=${pending?.value}` },
    });
    expect(me.statusCode).toBe(401);
  });

  it('two confirmations at once (codes of two steps) turn it on once: one set of recovery codes, one event', async () => {
    const { schoolId } = await buildSchool(database.db);
    const p = await person(schoolId, ['teacher']);
    const client = clientOf(await login(p.login));
    const { secret } = (
      await client.send('POST', '/api/two-factor/begin', { password: testPassword })
    ).json();
    const answers = await Promise.all(
      [Date.now(), Date.now() - 30_000].map((at) =>
        client.send('POST', '/api/two-factor/confirm', { code: totpCode(secret, at) }),
      ),
    );
    const ok = answers.filter((a) => a.statusCode === 200);
    expect(ok).toHaveLength(1);
    const accountId = await accountIdOf(p.login);
    expect(await auditActions(accountId)).toEqual(['account.twoFactor.enabled']);
    const codes = await database.db
      .selectFrom('recoveryCodes')
      .select('id')
      .where('accountId', '=', accountId)
      .execute();
    expect(codes).toHaveLength(10);
    // The recovery codes handed out are the ones that work.
    later();
    const first = await login(p.login);
    const signedIn = await second(first, { recoveryCode: ok[0]!.json().recoveryCodes[0] });
    expect(signedIn.statusCode).toBe(200);
  });

  it('the code finishes the login once; the same code is refused the next time; no pending cookie, no login', async () => {
    const { schoolId } = await buildSchool(database.db);
    const t = await enrolled(schoolId);
    const first = await login(t.login);
    const noCookie = await app.inject({
      method: 'POST',
      url: '/api/auth/login/code',
      payload: { code: '123456' },
    });
    expect(noCookie.statusCode).toBe(401);
    expect(noCookie.json().message).toBe('Время на ввод кода истекло. Войдите снова.');
    const code = totpCode(t.secret, Date.now());
    const ok = await second(first, { code: `${code.slice(0, 3)} ${code.slice(3)}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().login).toBe(t.login.toLowerCase());
    expect(ok.json().recoveryCodes).toBeUndefined();
    expect((await clientOf(ok).get('/api/me')).statusCode).toBe(200);
    // The pending step is used up, and the same code does not open a second login.
    expect((await second(first, { code })).statusCode).toBe(401);
    const replay = await second(await login(t.login), { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().message).toContain('Неверный код');
    expect(cookieOf(replay, 'otmetka_session')).toBeUndefined();
  });

  it('five wrong codes lock the codes of the account (a new password login does not lift it), audited', async () => {
    const { schoolId } = await buildSchool(database.db);
    const t = await enrolled(schoolId);
    let first = await login(t.login);
    const right = totpCode(t.secret, Date.now());
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) expect((await second(first, { code: wrong })).statusCode).toBe(401);
    first = await login(t.login);
    expect((await second(first, { code: wrong })).statusCode).toBe(401);
    const locked = await second(first, { code: right });
    expect(locked.statusCode).toBe(429);
    expect(cookieOf(locked, 'otmetka_session')).toBeUndefined();
    const again = await second(await login(t.login), { code: right });
    expect(again.statusCode).toBe(429);
    const lockEvent = await database.db
      .selectFrom('auditEvents')
      .select('after')
      .where('action', '=', 'account.locked')
      .where('entityId', '=', String(await accountIdOf(t.login)))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(lockEvent.after ?? '{}')).toMatchObject({ failedCodes: 5 });
    // The owner's login history shows the wrong codes.
    const refused = await database.db
      .selectFrom('signIns')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('accountId', '=', await accountIdOf(t.login))
      .where('outcome', '=', 'badCode')
      .executeTakeFirstOrThrow();
    expect(Number(refused.n)).toBe(5);
  });

  it('a recovery code signs in once, audited; a used one is refused', async () => {
    const { schoolId } = await buildSchool(database.db);
    const t = await enrolled(schoolId);
    const [code] = t.recoveryCodes;
    const ok = await second(await login(t.login), { recoveryCode: code?.toUpperCase() });
    expect(ok.statusCode).toBe(200);
    const again = await second(await login(t.login), { recoveryCode: code });
    expect(again.statusCode).toBe(401);
    expect(again.json().message).toBe('Неверный или уже использованный резервный код.');
    expect(await auditActions(await accountIdOf(t.login))).toEqual([
      'account.twoFactor.enabled',
      'account.twoFactor.recoveryCodeUsed',
    ]);
    expect((await clientOf(ok).get('/api/two-factor')).json().recoveryCodesLeft).toBe(9);
  });

  it('the pending step lasts five minutes', async () => {
    const { schoolId } = await buildSchool(database.db);
    const t = await enrolled(schoolId);
    const first = await login(t.login);
    later(11);
    const res = await second(first, { code: totpCode(t.secret, Date.now()) });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('Время на ввод кода истекло. Войдите снова.');
  });

  it('required: a director adds the app at login before any session; a teacher and a parent sign in as before', async () => {
    const { schoolId } = await buildSchool(database.db, { settings: { twoFactor: 'required' } });
    const director = await person(schoolId, ['director']);
    const first = await login(director.login);
    expect(first.statusCode).toBe(200);
    const step = first.json();
    expect(step.twoFactor).toBe('enroll');
    expect(step.enrollment.uri).toContain(`secret=${step.enrollment.secret}`);
    expect(cookieOf(first, 'otmetka_session')).toBeUndefined();
    const wrong = await second(first, { recoveryCode: 'aaaaa-bbbbb' });
    expect(wrong.statusCode).toBe(400);
    const done = await second(first, { code: totpCode(step.enrollment.secret, Date.now()) });
    expect(done.statusCode).toBe(200);
    expect(done.json().recoveryCodes).toHaveLength(10);
    const client = clientOf(done);
    expect((await client.get('/api/two-factor')).json()).toMatchObject({
      mode: 'required',
      required: true,
      enabled: true,
    });
    later();
    const off = await client.send('POST', '/api/two-factor/disable', {
      password: testPassword,
      code: totpCode(step.enrollment.secret, Date.now()),
    });
    expect(off.statusCode).toBe(403);
    expect((await login(director.login)).json()).toEqual({ twoFactor: 'code' });

    const teacher = await person(schoolId, ['teacher']);
    const teacherLogin = await login(teacher.login);
    expect(teacherLogin.json().csrfToken).toEqual(expect.any(String));
    expect((await clientOf(teacherLogin).get('/api/two-factor')).json()).toMatchObject({
      mode: 'optional',
      required: false,
      enabled: false,
    });
    const parent = await person(schoolId, ['parent']);
    const parentLogin = await login(parent.login);
    expect(cookieOf(parentLogin, 'otmetka_session')).toBeDefined();
    const family = clientOf(parentLogin);
    expect((await family.get('/api/two-factor')).statusCode).toBe(403);
    expect((await family.send('POST', '/api/two-factor/begin', { password: testPassword })).statusCode).toBe(
      403,
    );
  });

  it('switching off needs the password and a current code; then the password alone signs in again', async () => {
    const { schoolId } = await buildSchool(database.db);
    const t = await enrolled(schoolId);
    const code = totpCode(t.secret, Date.now());
    const badPassword = await t.client.send('POST', '/api/two-factor/disable', { password: 'nope', code });
    expect(badPassword.statusCode).toBe(400);
    expect(badPassword.json().fields).toHaveProperty('password');
    const badCode = await t.client.send('POST', '/api/two-factor/disable', {
      password: testPassword,
      code: code === '000000' ? '111111' : '000000',
    });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().fields).toHaveProperty('code');
    const notDigits = await t.client.send('POST', '/api/two-factor/disable', {
      password: testPassword,
      code: 'abc',
    });
    expect(notDigits.statusCode).toBe(400);
    expect(notDigits.json().message).toContain('«Код из приложения»');
    const ok = await t.client.send('POST', '/api/two-factor/disable', { password: testPassword, code });
    expect(ok.statusCode).toBe(200);
    expect((await login(t.login)).json().csrfToken).toEqual(expect.any(String));
    expect(await auditActions(await accountIdOf(t.login))).toEqual([
      'account.twoFactor.enabled',
      'account.twoFactor.disabled',
    ]);
  });

  it('the school switches it off: no code asked, nothing to turn on; the administrator sets it in «Настройки школы»', async () => {
    const { schoolId } = await buildSchool(database.db);
    const admin = clientOf(await login((await person(schoolId, ['admin'])).login));
    const t = await enrolled(schoolId);
    const { settings } = (await admin.get('/api/settings')).json();
    expect(settings.twoFactor).toBe('optional');
    const bad = await admin.send('POST', '/api/settings', { ...settings, twoFactor: 'always' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('«Двухфакторный вход»');
    expect((await admin.send('POST', '/api/settings', { ...settings, twoFactor: 'off' })).statusCode).toBe(
      200,
    );
    const direct = await login(t.login);
    expect(direct.json().csrfToken).toEqual(expect.any(String));
    const other = clientOf(await login((await person(schoolId, ['teacher'])).login));
    expect((await other.send('POST', '/api/two-factor/begin', { password: testPassword })).statusCode).toBe(
      403,
    );
  });

  it('reissued credentials clear two-factor login (a lost phone), audited', async () => {
    const { schoolId } = await buildSchool(database.db);
    const adminPerson = await person(schoolId, ['admin']);
    const t = await enrolled(schoolId);
    const ctx = await ctxFor(database.db, adminPerson.id);
    await issueCredentials(ctx, { personIds: [t.id] });
    const accountId = await accountIdOf(t.login);
    expect(await auditActions(accountId)).toEqual(['account.twoFactor.enabled', 'account.twoFactor.reset']);
    const row = await database.db
      .selectFrom('twoFactor')
      .select('accountId')
      .where('accountId', '=', accountId)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });
});
