import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { notificationSettings } from '../../contract/notifications.ts';
import type { Database } from '../db/database.ts';
import { journalSchool } from '../journal/journal.test-helpers.ts';

const prefs = {
  emailEnabled: true,
  telegramEnabled: false,
  absencesInstant: false,
  markThreshold: 3,
  digest: false,
};

describe.each(engines())('notification routes on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof journalSchool>>;
  let parent: Client;
  let teacher: Client;
  let admin: Client;

  const audits = (action: string) =>
    database.db
      .selectFrom('auditEvents')
      .select(['before', 'after'])
      .where('schoolId', '=', s.schoolId)
      .where('action', '=', action)
      .execute();

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await journalSchool(database.db);
    parent = await signIn(app, s.people.parent.login);
    teacher = await signIn(app, s.people.ivanova.login);
    admin = await signIn(app, s.people.admin.login);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('shows a parent the defaults; 401 without a session, 403 for a teacher', async () => {
    const res = await parent.get('/api/notifications/settings');
    expect(res.statusCode).toBe(200);
    expect(notificationSettings.parse(res.json())).toEqual({
      prefs: {
        emailEnabled: true,
        telegramEnabled: true,
        absencesInstant: true,
        markThreshold: 2,
        digest: true,
      },
      email: null,
      telegram: { available: false, linked: false, linkedAt: null, botName: null },
      emailAvailable: false,
    });
    expect((await app.inject({ method: 'GET', url: '/api/notifications/settings' })).statusCode).toBe(401);
    expect((await teacher.get('/api/notifications/settings')).statusCode).toBe(403);
    expect((await teacher.send('PUT', '/api/notifications/settings', { prefs, email: '' })).statusCode).toBe(
      403,
    );
  });

  it('saves preferences and the address (audited); 400 names the field', async () => {
    const bad = await parent.send('PUT', '/api/notifications/settings', {
      prefs: { ...prefs, markThreshold: 7 },
      email: 'parent@example.test',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(['prefs.markThreshold']);
    const badMail = await parent.send('PUT', '/api/notifications/settings', {
      prefs,
      email: 'not an address',
    });
    expect(badMail.statusCode).toBe(400);
    expect(Object.keys(badMail.json().fields)).toEqual(['email']);

    const res = await parent.send('PUT', '/api/notifications/settings', {
      prefs,
      email: 'parent@example.test',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ prefs, email: 'parent@example.test' });
    expect((await parent.get('/api/notifications/settings')).json()).toMatchObject({
      prefs,
      email: 'parent@example.test',
    });
    const person = await database.db
      .selectFrom('persons')
      .select('email')
      .where('id', '=', s.people.parent.id)
      .executeTakeFirstOrThrow();
    expect(person.email).toBe('parent@example.test');
    expect(await audits('notify.prefs')).toHaveLength(1);
    expect(await audits('person.email')).toHaveLength(1);

    const cleared = await parent.send('PUT', '/api/notifications/settings', { prefs, email: '' });
    expect(cleared.json()).toMatchObject({ email: null });
    expect(await audits('notify.prefs')).toHaveLength(1);
    expect(await audits('person.email')).toHaveLength(2);
  });

  it('refuses a Telegram code when the installation has no bot; unlink is harmless', async () => {
    const res = await parent.send('POST', '/api/notifications/telegram/code');
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('Telegram в этой установке Отметки не подключён.');
    const unlink = await parent.send('POST', '/api/notifications/telegram/unlink');
    expect(unlink.statusCode).toBe(200);
    expect(unlink.json().telegram.linked).toBe(false);
    expect((await teacher.send('POST', '/api/notifications/telegram/code')).statusCode).toBe(403);
  });

  it('lets the administrator set up the school mail; the password never comes back', async () => {
    const empty = await admin.get('/api/admin/mail');
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({ configured: false, hasPassword: false, queue: { pending: 0 } });
    expect((await admin.send('POST', '/api/admin/mail/test', { to: 'a@example.test' })).statusCode).toBe(409);

    const body = {
      host: 'smtp.example.test',
      port: 465,
      secure: true,
      username: 'school',
      password: 'pa55-secret',
      fromAddress: 'school@example.test',
    };
    const saved = await admin.send('PUT', '/api/admin/mail', body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      configured: true,
      host: 'smtp.example.test',
      port: 465,
      hasPassword: true,
    });
    expect(saved.body).not.toContain('pa55-secret');
    const { password: _, ...withoutPassword } = body;
    const again = await admin.send('PUT', '/api/admin/mail', {
      ...withoutPassword,
      port: 587,
      secure: false,
    });
    expect(again.json()).toMatchObject({ port: 587, secure: false, hasPassword: true });
    const row = await database.db
      .selectFrom('mailSettings')
      .select('password')
      .where('schoolId', '=', s.schoolId)
      .executeTakeFirstOrThrow();
    expect(row.password).toBe('pa55-secret');
    const events = await audits('notify.mail.settings');
    expect(events).toHaveLength(2);
    expect(JSON.stringify(events)).not.toContain('pa55-secret');

    // The stored password never follows the settings to another server or user.
    for (const moved of [{ host: 'smtp.elsewhere.test' }, { username: 'someone' }]) {
      const refused = await admin.send('PUT', '/api/admin/mail', { ...withoutPassword, ...moved });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().fields).toEqual({ password: expect.stringContaining('пароль') });
    }
    expect((await admin.get('/api/admin/mail')).json().host).toBe('smtp.example.test');
    expect(await audits('notify.mail.settings')).toHaveLength(2);

    const bad = await admin.send('PUT', '/api/admin/mail', { ...body, port: 0 });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(['port']);
    expect((await teacher.get('/api/admin/mail')).statusCode).toBe(403);
    expect((await teacher.send('PUT', '/api/admin/mail', body)).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/admin/mail' })).statusCode).toBe(401);

    const test = await admin.send('POST', '/api/admin/mail/test', { to: 'head@example.test' });
    expect(test.statusCode).toBe(200);
    expect(test.json()).toEqual({ queued: true });
    expect((await admin.get('/api/admin/mail')).json().queue).toEqual({
      pending: 1,
      sentLastDay: 0,
      failed: 0,
    });
    expect((await parent.get('/api/notifications/settings')).json().emailAvailable).toBe(true);
  });
});
