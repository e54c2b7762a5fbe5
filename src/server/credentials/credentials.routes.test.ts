import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { parseSkipped } from '../../contract/credentials.ts';
import type { Database } from '../db/database.ts';
import { buildCredentialsSchool } from './credentials.test-helpers.ts';

/** The text of a PDF as pdftotext reads it. */
function pdfText(body: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'otmetka-slips-')), 'slips.pdf');
  writeFileSync(file, body);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe.each(engines())('credentials routes on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const accountCount = async (ids: number[]) =>
    (await database.db.selectFrom('accounts').select('id').where('personId', 'in', ids).execute()).length;

  it('answers a PDF of slips with names, logins and the site address, Cyrillic intact', async () => {
    const s = await buildCredentialsSchool(database.db);
    const teacher = await signIn(app, s.teacher.login);
    const res = await teacher.send(
      'POST',
      '/api/credentials/issue',
      { personIds: [s.ivanov.parentId, s.sidorov.parentId, s.ivanov.studentId, s.sidorov.studentId] },
      { host: 'school2.example.ru' },
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-credentials-issued']).toBe('3');
    expect(parseSkipped(res.headers['x-credentials-skipped'] as string)).toEqual([
      { personId: s.sidorov.studentId, reason: 'noConsent' },
    ]);
    const text = pdfText(res.rawPayload);
    const accounts = await database.db
      .selectFrom('accounts')
      .select(['personId', 'login'])
      .where('personId', 'in', [s.ivanov.parentId, s.sidorov.parentId, s.ivanov.studentId])
      .execute();
    expect(accounts).toHaveLength(3);
    for (const a of accounts) expect(text).toContain(a.login);
    expect(text).toContain('Иванова Мария Петровна');
    expect(text).toContain('Сидоров Илья Петрович');
    expect(text).toContain('Иванов Пётр Петрович');
    expect(text).not.toContain('Сидоров Олег Петрович');
    expect(text).toContain('http://school2.example.ru');
    expect(text).toContain('Временный пароль');
    expect(text).toContain('Откройте адрес, введите логин и временный пароль');
    expect(text).not.toContain('Open the address');
  });

  it('prints the configured public address instead of the request’s host', async () => {
    const s = await buildCredentialsSchool(database.db);
    const configured = await testApp(database, { PUBLIC_URL: 'https://otmetka.school2.ru/' });
    try {
      const admin = await signIn(configured, s.admin.login);
      const res = await admin.send(
        'POST',
        '/api/credentials/issue',
        { personIds: [s.otherTeacher.id] },
        { host: 'internal-host:3000' },
      );
      expect(res.statusCode).toBe(200);
      const text = pdfText(res.rawPayload);
      expect(text).toContain('https://otmetka.school2.ru');
      expect(text).not.toContain('internal-host');
    } finally {
      await configured.close();
    }
  });

  it('adds the English twin of the instructions when asked in English', async () => {
    const s = await buildCredentialsSchool(database.db);
    const admin = await signIn(app, s.admin.login);
    const res = await admin.send(
      'POST',
      '/api/credentials/issue',
      { personIds: [s.otherTeacher.id] },
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Другова Иван Иванович');
    expect(text).toContain('Open the address');
    expect(text).toContain('Откройте адрес');
    expect(text).toContain('One-time password');
  });

  it('refuses bad input with a Russian message naming the field, in English when asked', async () => {
    const s = await buildCredentialsSchool(database.db);
    const teacher = await signIn(app, s.teacher.login);
    const ru = await teacher.send('POST', '/api/credentials/issue', { personIds: [] });
    expect(ru.statusCode).toBe(400);
    expect(ru.json().message).toContain('Кому выдать доступ');
    expect(Object.keys(ru.json().fields)).toEqual(['personIds']);
    const en = await teacher.send(
      'POST',
      '/api/credentials/issue',
      { personIds: ['x'] },
      { 'accept-language': 'en' },
    );
    expect(en.statusCode).toBe(400);
    expect(en.json().message).toContain('Whom to issue access');
    const none = await teacher.send('POST', '/api/credentials/issue', { personIds: [s.sidorov.studentId] });
    expect(none.statusCode).toBe(400);
    expect(none.json().fields).toEqual({ personIds: expect.stringContaining('согласия') });
    const self = await teacher.send('POST', '/api/credentials/issue', { personIds: [s.teacher.id] });
    expect(self.statusCode).toBe(400);
    expect(await accountCount([s.sidorov.studentId])).toBe(0);
  });

  it('answers 401 without a session', async () => {
    const issue = await app.inject({
      method: 'POST',
      url: '/api/credentials/issue',
      payload: { personIds: [1] },
    });
    expect(issue.statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/credentials/staff' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/credentials/classes/1' })).statusCode).toBe(401);
  });

  it('answers 403 to those who issue nothing or may only look, 404 outside reach, and stores nothing', async () => {
    const s = await buildCredentialsSchool(database.db);
    const director = await signIn(app, s.director.login);
    const teacher = await signIn(app, s.teacher.login);
    const refused = [s.ivanov.parentId];
    expect((await director.send('POST', '/api/credentials/issue', { personIds: refused })).statusCode).toBe(
      403,
    );
    expect((await director.get('/api/credentials/staff')).statusCode).toBe(403);
    expect((await director.get(`/api/credentials/classes/${s.classA}`)).statusCode).toBe(403);
    expect((await teacher.get('/api/credentials/staff')).statusCode).toBe(403);
    expect((await teacher.get(`/api/credentials/classes/${s.classB}`)).statusCode).toBe(403);
    expect((await teacher.get('/api/credentials/classes/2147483000')).statusCode).toBe(404);
    const outside = await teacher.send('POST', '/api/credentials/issue', {
      personIds: [s.ivanov.parentId, s.other.parentId],
    });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().message).toBe('Не найдено.');
    expect(
      (await director.send('POST', `/api/credentials/accounts/${s.ivanov.parentId}/disable`)).statusCode,
    ).toBe(403);
    expect(
      (await teacher.send('POST', `/api/credentials/accounts/${s.other.parentId}/disable`)).statusCode,
    ).toBe(404);
    expect(await accountCount([s.ivanov.parentId, s.other.parentId])).toBe(0);
  });

  it('lists a class’s students and parents with consent and account states', async () => {
    const s = await buildCredentialsSchool(database.db);
    const teacher = await signIn(app, s.teacher.login);
    await teacher.send('POST', '/api/credentials/issue', { personIds: [s.ivanov.parentId] });
    const res = await teacher.get(`/api/credentials/classes/${s.classA}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.className).toBe('5А');
    expect(body.students.map((x: { name: string; consent: boolean }) => [x.name, x.consent])).toEqual([
      ['Иванов Пётр Петрович', true],
      ['Сидоров Олег Петрович', false],
    ]);
    expect(body.parents).toEqual([
      {
        personId: s.ivanov.parentId,
        name: 'Иванова Мария Петровна',
        account: { status: 'issued', login: expect.stringMatching(/^ivanova\.m/), lastLoginAt: null },
        canManage: true,
        children: [{ studentId: s.ivanov.studentId, name: 'Иванов Пётр', kind: 'mother' }],
      },
      {
        personId: s.sidorov.parentId,
        name: 'Сидоров Илья Петрович',
        account: { status: 'none', login: null, lastLoginAt: null },
        canManage: true,
        children: [{ studentId: s.sidorov.studentId, name: 'Сидоров Олег', kind: 'father' }],
      },
    ]);
  });

  it('lists the staff for the administrator, who may not reissue their own access', async () => {
    const s = await buildCredentialsSchool(database.db);
    const admin = await signIn(app, s.admin.login);
    const res = await admin.get('/api/credentials/staff');
    expect(res.statusCode).toBe(200);
    const staff = res.json().staff as {
      personId: number;
      roles: string[];
      canManage: boolean;
      account: object;
    }[];
    expect(staff.map((p) => p.personId).sort()).toEqual(
      [s.admin.id, s.teacher.id, s.otherTeacher.id, s.director.id].sort(),
    );
    expect(staff.find((p) => p.personId === s.admin.id)?.canManage).toBe(false);
    expect(staff.find((p) => p.personId === s.director.id)).toMatchObject({
      roles: ['director'],
      canManage: true,
      account: { status: 'active' },
    });
    const off = await admin.send('POST', `/api/credentials/accounts/${s.director.id}/disable`);
    expect(off.statusCode).toBe(200);
    expect(off.json().account.status).toBe('disabled');
  });
});
