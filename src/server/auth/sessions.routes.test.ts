import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson, buildSchool, testPassword } from '../../../test/factories.ts';
import { systemCtx } from '../access/actor.ts';
import type { Database } from '../db/database.ts';
import { recordRefusedStep } from './sign-in-history.ts';

const chrome =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const firefox = 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0';

describe.each(engines())('sessions and login history on $name', (engine) => {
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

  const login = (login: string, password: string, ip: string, userAgent: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login, password },
      headers: { 'user-agent': userAgent },
      remoteAddress: ip,
    });

  it('records successful and failed logins with address and browser, shown to their owner only', async () => {
    const { schoolId } = await buildSchool(database.db);
    const teacher = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    const other = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    expect((await login(teacher.login, 'wrong password', '203.0.113.7', firefox)).statusCode).toBe(401);
    expect((await login(teacher.login, testPassword, '198.51.100.4', chrome)).statusCode).toBe(200);
    const client = await signIn(app, teacher.login);
    const history = (await client.get('/api/me/sign-ins')).json().signIns as {
      at: string;
      ip: string;
      browser: string | null;
      outcome: string;
    }[];
    expect(history.map((h) => h.outcome)).toEqual(['ok', 'ok', 'badPassword']);
    expect(history[1]).toMatchObject({ ip: '198.51.100.4', browser: 'Chrome 120, Windows', outcome: 'ok' });
    expect(history[2]).toMatchObject({ ip: '203.0.113.7', browser: 'Firefox 121, Linux' });
    expect(Date.parse(history[0]!.at)).toBeGreaterThanOrEqual(Date.parse(history[2]!.at));

    const stranger = await signIn(app, other.login);
    const theirs = (await stranger.get('/api/me/sign-ins')).json().signIns as { ip: string }[];
    expect(theirs).toHaveLength(1);
    expect(theirs.some((h) => h.ip === '203.0.113.7')).toBe(false);
  });

  it('answers an unknown login exactly as a wrong password and records nothing for it', async () => {
    const { schoolId } = await buildSchool(database.db);
    const teacher = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    const known = await login(teacher.login, 'wrong password', '203.0.113.8', chrome);
    const unknown = await login(`${teacher.login}zz`, 'wrong password', '203.0.113.8', chrome);
    expect(unknown.statusCode).toBe(known.statusCode);
    const { requestId: _a, ...unknownBody } = unknown.json();
    const { requestId: _b, ...knownBody } = known.json();
    expect(unknownBody).toEqual(knownBody);
    const rows = await database.db
      .selectFrom('signIns')
      .select('outcome')
      .where('ip', '=', '203.0.113.8')
      .where('schoolId', '=', schoolId)
      .execute();
    expect(rows.map((r) => r.outcome)).toEqual(['badPassword']);
  });

  it('shows a wrong second-factor code recorded by the two-factor step as «badCode»', async () => {
    const { schoolId } = await buildSchool(database.db);
    const teacher = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    const account = await accountOf(teacher.id);
    const ctx = {
      ...systemCtx(database.db),
      request: { requestId: null, ip: '203.0.113.10', lang: 'ru' as const },
    };
    await recordRefusedStep(ctx, { id: account.id, personId: teacher.id, schoolId }, 'badCode', firefox);
    const client = await signIn(app, teacher.login);
    const history = (await client.get('/api/me/sign-ins')).json().signIns;
    expect(history[1]).toMatchObject({
      outcome: 'badCode',
      ip: '203.0.113.10',
      browser: 'Firefox 121, Linux',
    });
  });

  it('records a locked login name as «locked» after five failures', async () => {
    const { schoolId } = await buildSchool(database.db);
    const teacher = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    for (let i = 0; i < 5; i++) await login(teacher.login, 'wrong password', '203.0.113.9', chrome);
    expect((await login(teacher.login, testPassword, '203.0.113.9', chrome)).statusCode).toBe(429);
    const rows = await database.db
      .selectFrom('signIns')
      .select('outcome')
      .where('accountId', '=', (await accountOf(teacher.id)).id)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.outcome)).toEqual([...Array(5).fill('badPassword'), 'locked']);
  });

  it('keeps at most 20 refused attempts an hour per account, so a flood hides no real sign-in', async () => {
    const { schoolId } = await buildSchool(database.db);
    const teacher = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    for (let i = 0; i < 30; i++) await login(teacher.login, 'wrong password', '203.0.113.7', chrome);
    const refused = await database.db
      .selectFrom('signIns')
      .select('outcome')
      .where('accountId', '=', (await accountOf(teacher.id)).id)
      .execute();
    expect(refused).toHaveLength(20);
    expect(refused.filter((r) => r.outcome === 'locked')).toHaveLength(15);
  });

  const accountOf = (personId: number) =>
    database.db
      .selectFrom('accounts')
      .select('id')
      .where('personId', '=', personId)
      .executeTakeFirstOrThrow();
  const sessionsOf = async (client: Client) =>
    (await client.get('/api/me/sessions')).json().sessions as {
      id: string;
      current: boolean;
      ip: string | null;
      browser: string | null;
    }[];

  it('lists one’s live sessions, ends one (its cookie then answers 401) and never another person’s', async () => {
    const { schoolId } = await buildSchool(database.db);
    const parent = await buildPerson(database.db, { schoolId, roles: ['parent'] });
    const other = await buildPerson(database.db, { schoolId, roles: ['parent'] });
    const phone = await signIn(app, parent.login);
    const laptop = await signIn(app, parent.login);
    const stranger = await signIn(app, other.login);

    const list = await sessionsOf(laptop);
    expect(list).toHaveLength(2);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const phoneSession = list.find((s) => !s.current)!;
    expect(phoneSession.id).not.toContain(phone.cookie.split('=')[1]);
    const stored = await database.db.selectFrom('sessions').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(phoneSession.id);

    const strangers = await sessionsOf(stranger);
    expect(strangers).toHaveLength(1);
    expect((await laptop.send('POST', `/api/me/sessions/${strangers[0]!.id}/end`)).statusCode).toBe(404);
    expect((await laptop.send('POST', '/api/me/sessions/nosuchsession/end')).statusCode).toBe(404);
    expect((await stranger.get('/api/me')).statusCode).toBe(200);

    const ended = await laptop.send('POST', `/api/me/sessions/${phoneSession.id}/end`);
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ ended: 1 });
    expect((await phone.get('/api/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/me')).statusCode).toBe(200);
    expect((await laptop.send('POST', `/api/me/sessions/${phoneSession.id}/end`)).statusCode).toBe(404);
    expect(await sessionsOf(laptop)).toHaveLength(1);

    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'entityId', 'actorId'])
      .where('schoolId', '=', schoolId)
      .where('action', '=', 'session.ended')
      .execute();
    const account = await accountOf(parent.id);
    expect(audit).toEqual([{ action: 'session.ended', entityId: String(account.id), actorId: parent.id }]);
  });

  it('ends all other sessions and keeps this one', async () => {
    const { schoolId } = await buildSchool(database.db);
    const teacher = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    const a = await signIn(app, teacher.login);
    const b = await signIn(app, teacher.login);
    const c = await signIn(app, teacher.login);
    const res = await c.send('POST', '/api/me/sessions/end-others');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ended: 2 });
    expect((await a.get('/api/me')).statusCode).toBe(401);
    expect((await b.get('/api/me')).statusCode).toBe(401);
    expect((await c.get('/api/me')).statusCode).toBe(200);
    const list = await sessionsOf(c);
    expect(list.map((s) => s.current)).toEqual([true]);
  });

  it('lists and ends a staff session locked by idleness, which the password could still reopen', async () => {
    const { schoolId } = await buildSchool(database.db);
    const teacher = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    const classroom = await signIn(app, teacher.login);
    const home = await signIn(app, teacher.login);
    const account = await accountOf(teacher.id);
    const [row] = await database.db
      .selectFrom('sessions')
      .select(['id', 'idleTimeoutMinutes'])
      .where('accountId', '=', account.id)
      .orderBy('createdAt')
      .orderBy('id')
      .limit(1)
      .execute();
    // The classroom computer was left an hour past the idle timeout: locked, not ended.
    const idleSince = new Date(Date.now() - (row!.idleTimeoutMinutes + 60) * 60_000).toISOString();
    await database.db
      .updateTable('sessions')
      .set({ lastSeenAt: idleSince })
      .where('id', '=', row!.id)
      .execute();
    expect((await classroom.get('/api/journal/courses')).json().error).toBe('session_locked');
    expect(await sessionsOf(home)).toHaveLength(2);
    const res = await home.send('POST', '/api/me/sessions/end-others');
    expect(res.json()).toEqual({ ended: 1 });
    const unlock = await classroom.send('POST', '/api/auth/unlock', { password: testPassword });
    expect(unlock.statusCode).toBe(401);
    expect((await classroom.get('/api/me')).statusCode).toBe(401);
  });

  it('answers 401 without a session and 400 for a malformed id', async () => {
    for (const [method, url] of [
      ['GET', '/api/me/sessions'],
      ['GET', '/api/me/sign-ins'],
      ['POST', '/api/me/sessions/end-others'],
      ['POST', '/api/me/sessions/abc/end'],
    ] as const) {
      expect(
        (await app.inject({ method, url, payload: method === 'POST' ? {} : undefined })).statusCode,
      ).toBe(401);
    }
    const { schoolId } = await buildSchool(database.db);
    const student = await buildPerson(database.db, { schoolId, roles: ['student'] });
    const client = await signIn(app, student.login);
    const long = await client.send('POST', `/api/me/sessions/${'x'.repeat(65)}/end`);
    expect(long.statusCode).toBe(400);
    expect(long.json().message).toMatch(/[а-я]/i);
  });
});
