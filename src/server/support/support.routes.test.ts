import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildDistrict, buildPerson, buildSchool } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { startSmtp, testNotifyConfig, useLocalSmtp } from '../notify/notify.test-helpers.ts';
import { runRound } from '../notify/worker.ts';
import { otmetkaVersion } from './version.ts';

const browser = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0';

describe.each(engines())('help and support on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let schoolId: number;
  let admin: Client;
  let teacher: Client;
  let otherTeacher: Client;
  let parent: Client;
  let otherAdmin: Client;
  let district: Client;
  const adminEmail = `admin${process.pid}@school.example`;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    smtp = await startSmtp();
    ({ schoolId } = await buildSchool(database.db));
    const other = await buildSchool(database.db);
    const people = {
      admin: await buildPerson(database.db, { schoolId, roles: ['admin'], lastName: 'Админова' }),
      teacher: await buildPerson(database.db, { schoolId, roles: ['teacher'], lastName: 'Учителева' }),
      otherTeacher: await buildPerson(database.db, { schoolId, roles: ['teacher'] }),
      parent: await buildPerson(database.db, { schoolId, roles: ['parent'] }),
      otherAdmin: await buildPerson(database.db, { schoolId: other.schoolId, roles: ['admin'] }),
      district: await buildPerson(database.db, {
        schoolId: null,
        districtId: await buildDistrict(database.db),
        roles: ['district'],
      }),
    };
    await database.db
      .updateTable('persons')
      .set({ email: adminEmail })
      .where('id', '=', people.admin.id)
      .execute();
    await useLocalSmtp(database.db, schoolId, smtp.port);
    admin = await signIn(app, people.admin.login);
    teacher = await signIn(app, people.teacher.login);
    otherTeacher = await signIn(app, people.otherTeacher.login);
    parent = await signIn(app, people.parent.login);
    otherAdmin = await signIn(app, people.otherAdmin.login);
    district = await signIn(app, people.district.login);
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
    await database.close();
  });

  const report = (client: Client, body: object = {}) =>
    client.send('POST', '/api/support/problems', {
      description: 'Не сохраняется отметка',
      pagePath: '/journal/12?student=Петров#row',
      userAgent: browser,
      ...body,
    });

  it('contacts start empty; the administrator sets them, everyone signed in sees them, the change is audited', async () => {
    const first = await teacher.get('/api/support/contacts');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      contacts: { who: '', phone: '', email: '', hours: '', details: '' },
      updatedAt: null,
      canEdit: false,
    });
    const contacts = {
      who: 'Завуч по ИКТ Петрова А. А.',
      phone: '+7 900 000-00-00',
      email: 'help@school.example',
      hours: 'Пн–Пт 9:00–17:00',
      details: 'Кабинет 12',
    };
    const set = await admin.send('POST', '/api/support/contacts', contacts);
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ contacts, canEdit: true });
    for (const client of [teacher, parent])
      expect((await client.get('/api/support/contacts')).json().contacts).toEqual(contacts);
    expect((await otherAdmin.get('/api/support/contacts')).json().contacts.who).toBe('');
    const events = await database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('schoolId', '=', schoolId)
      .where('action', '=', 'support.contacts_updated')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('refuses contacts from anyone but the administrator and bad input with the field named', async () => {
    const body = { who: 'Я', phone: '', email: '', hours: '', details: '' };
    expect((await teacher.send('POST', '/api/support/contacts', body)).statusCode).toBe(403);
    expect((await district.get('/api/support/contacts')).statusCode).toBe(403);
    const unsigned = await app.inject({ method: 'GET', url: '/api/support/contacts' });
    expect(unsigned.statusCode).toBe(401);
    const bad = await admin.send('POST', '/api/support/contacts', { ...body, email: 'не почта' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('Электронная почта');
    const en = await admin.send(
      'POST',
      '/api/support/contacts',
      { ...body, email: 'x' },
      { 'accept-language': 'en' },
    );
    expect(en.json().message).toContain('E-mail');
  });

  it('a teacher reports a problem: path only, browser, version; the administrator gets a letter and resolves it', async () => {
    const res = await report(teacher);
    expect(res.statusCode).toBe(200);
    const created = res.json();
    expect(created).toMatchObject({
      pagePath: '/journal/12',
      userAgent: browser,
      appVersion: otmetkaVersion,
      status: 'open',
      reporter: 'Учителева И. И.',
    });
    expect(JSON.stringify(created)).not.toContain('Петров');

    const round = await runRound(database.db, testNotifyConfig(), new Date(), { schoolId });
    expect(round).toBeDefined();
    const letters = smtp.letters.filter((l) => l.subject.includes(`№${created.id}`));
    expect(letters.map((l) => l.to)).toEqual([[adminEmail]]);
    expect(letters[0]!.raw).not.toContain('Петров');

    const open = await admin.get('/api/support/problems?status=open');
    expect(open.statusCode).toBe(200);
    expect(open.json().items.map((i: { id: number }) => i.id)).toContain(created.id);
    expect((await teacher.get('/api/support/problems')).statusCode).toBe(403);
    expect((await teacher.send('POST', `/api/support/problems/${created.id}/resolve`, {})).statusCode).toBe(
      403,
    );
    expect(
      (await otherTeacher.send('POST', `/api/support/problems/${created.id}/resolve`, {})).statusCode,
    ).toBe(404);
    expect(
      (await otherAdmin.send('POST', `/api/support/problems/${created.id}/resolve`, {})).statusCode,
    ).toBe(404);
    expect((await otherAdmin.get('/api/support/problems')).json().items).toEqual([]);

    const resolved = await admin.send('POST', `/api/support/problems/${created.id}/resolve`, {
      note: 'Обновили браузер',
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({
      status: 'resolved',
      resolutionNote: 'Обновили браузер',
      resolvedBy: 'Админова И. И.',
    });
    expect((await admin.send('POST', `/api/support/problems/${created.id}/resolve`, {})).statusCode).toBe(
      409,
    );
    const mine = (await teacher.get('/api/support/my-problems')).json().items;
    expect(mine.map((i: { id: number; status: string }) => [i.id, i.status])).toEqual([
      [created.id, 'resolved'],
    ]);
    expect((await otherTeacher.get('/api/support/my-problems')).json().items).toEqual([]);
    expect(
      (await admin.get('/api/support/problems?status=open')).json().items.map((i: { id: number }) => i.id),
    ).not.toContain(created.id);

    const actions = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'entityId'])
      .where('schoolId', '=', schoolId)
      .where('action', 'like', 'support.problem%')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['support.problem_reported', 'support.problem_resolved']);
  });

  it('a parent reports too; bad input is 400 naming the field, the list newest first', async () => {
    const first = (await report(parent, { description: 'Первая' })).json();
    const second = (await report(parent, { description: 'Вторая' })).json();
    const mine = (await parent.get('/api/support/my-problems')).json().items.map((i: { id: number }) => i.id);
    expect(mine).toEqual([second.id, first.id]);
    const short = await report(parent, { description: ' ' });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toContain('Описание проблемы');
    const whole = await report(parent, { pagePath: 'https://elsewhere.example/diary/5?token=secret' });
    expect(whole.json().pagePath).toBe('/diary/5');
    expect((await report(parent, { description: 'x'.repeat(2001) })).statusCode).toBe(400);
    expect((await admin.get('/api/support/problems?status=maybe')).statusCode).toBe(400);
    expect((await admin.send('POST', '/api/support/problems/99999999/resolve', {})).statusCode).toBe(404);
    expect((await district.send('POST', '/api/support/problems', {})).statusCode).toBe(400);
  });
});
