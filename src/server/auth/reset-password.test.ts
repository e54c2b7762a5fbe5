import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson, buildSchool, testPassword } from '../../../test/factories.ts';
import { systemCtx } from '../access/actor.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { resetPassword } from './reset-password.ts';
import { totpCode } from './totp.ts';

describe.each(engines())('resetting a password on the server on $name', (engine) => {
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

  const login = (name: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: name, password } });
  const accountOf = async (name: string) =>
    (
      await database.db
        .selectFrom('accounts')
        .select('id')
        .where('login', '=', name.toLowerCase())
        .executeTakeFirstOrThrow()
    ).id;
  const events = (accountId: number) =>
    database.db
      .selectFrom('auditEvents')
      .select(['action', 'actorKind', 'after'])
      .where('entity', '=', 'account')
      .where('entityId', '=', String(accountId))
      .orderBy('id')
      .execute();

  it("switches off the only administrator's two-factor login (phone and recovery codes lost), in one audited step", async () => {
    const { schoolId } = await buildSchool(database.db);
    const admin = await buildPerson(database.db, { schoolId, roles: ['admin'] });
    const client = await signIn(app, admin.login);
    const begin = await client.send('POST', '/api/two-factor/begin', { password: testPassword });
    const confirm = await client.send('POST', '/api/two-factor/confirm', {
      code: totpCode(begin.json().secret, Date.now()),
    });
    expect(confirm.json().recoveryCodes).toHaveLength(10);
    expect((await login(admin.login, testPassword)).json()).toEqual({ twoFactor: 'code' });

    const result = await resetPassword(systemCtx(database.db), {
      login: admin.login,
      password: 'temporary 42',
    });
    expect(result).toEqual({ twoFactorReset: true });

    expect((await client.get('/api/me')).statusCode).toBe(401);
    expect((await login(admin.login, testPassword)).statusCode).toBe(401);
    // A session at once, no code asked: signIn fails on a second-factor step.
    const me = await signIn(app, admin.login, 'temporary 42');
    expect((await me.get('/api/me')).json()).toMatchObject({ mustChangePassword: true });

    const accountId = await accountOf(admin.login);
    for (const table of ['twoFactor', 'recoveryCodes', 'twoFactorChallenges'] as const) {
      const rows = await database.db
        .selectFrom(table)
        .select('accountId')
        .where('accountId', '=', accountId)
        .execute();
      expect(rows, table).toEqual([]);
    }
    const audit = (await events(accountId)).filter((e) => e.action !== 'account.twoFactor.enabled');
    expect(audit.map(({ action, actorKind }) => ({ action, actorKind }))).toEqual([
      { action: 'account.twoFactor.reset', actorKind: 'system' },
      { action: 'account.password_reset', actorKind: 'system' },
    ]);
    expect(JSON.parse(String(audit[1]?.after))).toEqual({ twoFactorReset: true });
  });

  it('without two-factor login says so in the audit event, and refuses an unknown login', async () => {
    const { schoolId } = await buildSchool(database.db);
    const teacher = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    const result = await resetPassword(systemCtx(database.db), {
      login: teacher.login,
      password: 'temporary 43',
    });
    expect(result).toEqual({ twoFactorReset: false });
    const audit = await events(await accountOf(teacher.login));
    expect(audit.map((e) => e.action)).toEqual(['account.password_reset']);
    expect(JSON.parse(String(audit[0]?.after))).toEqual({ twoFactorReset: false });
    await expect(
      resetPassword(systemCtx(database.db), { login: 'nobody.at.all', password: 'temporary 44' }),
    ).rejects.toBeInstanceOf(AppError);
  });
});
