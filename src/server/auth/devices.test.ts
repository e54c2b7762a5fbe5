import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson, buildSchool, testPassword } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { outboxOf, startSmtp, testNotifyConfig, useLocalSmtp } from '../notify/notify.test-helpers.ts';
import { runRound } from '../notify/worker.ts';

const chrome =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

describe.each(engines())('sign-in from a new device on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    database = await engine.open();
    smtp = await startSmtp();
    app = await testApp(database, { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    await smtp.close();
  });

  /** Signs in with the given device cookie (none: a browser never seen) and answers the device cookie it got. */
  const signInFrom = async (login: string, device: string | null) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login, password: testPassword },
      headers: { 'user-agent': chrome, ...(device ? { cookie: `otmetka_device=${device}` } : {}) },
      remoteAddress: '198.51.100.23',
    });
    expect(res.statusCode).toBe(200);
    const set = res.cookies.find((c) => c.name === 'otmetka_device');
    expect(set).toMatchObject({ httpOnly: true, sameSite: 'Strict', maxAge: 60 * 60 * 24 * 365 });
    return set!.value;
  };

  const send = async (schoolId: number) => {
    const result = await runRound(database.db, testNotifyConfig(), undefined, { schoolId });
    expect(result.failed).toBe(0);
  };

  it('e-mails once per new device, never for a known one nor for the very first sign-in', async () => {
    const { schoolId } = await buildSchool(database.db);
    await useLocalSmtp(database.db, schoolId, smtp.port);
    const teacher = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    const address = `${teacher.login}@example.test`;
    await database.db.updateTable('persons').set({ email: address }).where('id', '=', teacher.id).execute();
    const mine = () => smtp.letters.filter((l) => l.to.includes(address));

    const laptop = await signInFrom(teacher.login, null);
    expect(await signInFrom(teacher.login, laptop)).toBe(laptop);
    await send(schoolId);
    expect(mine()).toEqual([]);

    const phone = await signInFrom(teacher.login, null);
    expect(phone).not.toBe(laptop);
    await send(schoolId);
    expect(mine()).toHaveLength(1);
    const [letter] = mine();
    expect(letter!.subject).toContain('Вход в Отметку с нового устройства');
    expect(letter!.raw).toContain('198.51.100.23');

    await signInFrom(teacher.login, phone);
    await signInFrom(teacher.login, laptop);
    await send(schoolId);
    expect(mine()).toHaveLength(1);

    const history = await database.db
      .selectFrom('signIns')
      .select('deviceKnown')
      .where('personId', '=', teacher.id)
      .orderBy('id')
      .execute();
    expect(history.map((h) => h.deviceKnown)).toEqual([0, 1, 0, 1, 1]);
  });

  it('queues nothing for a person without an e-mail; a forged device cookie counts as a new device', async () => {
    const { schoolId } = await buildSchool(database.db);
    await useLocalSmtp(database.db, schoolId, smtp.port);
    const parent = await buildPerson(database.db, { schoolId, roles: ['parent'] });
    await signInFrom(parent.login, null);
    const forged = await signInFrom(parent.login, 'not-a-token');
    expect(forged).not.toBe('not-a-token');
    expect(await outboxOf(database.db, schoolId)).toEqual([]);
  });
});
