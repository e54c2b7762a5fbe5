import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson, buildSchool } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { countRows } from '../people/people.test-helpers.ts';

describe.each(engines())('staff («Люди и доступы») on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let schoolId = 0;
  let adminId = 0;
  let admin: Client;
  let teacher: Client;
  let teacherId = 0;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    ({ schoolId } = await buildSchool(database.db));
    const a = await buildPerson(database.db, { schoolId, roles: ['admin'], lastName: 'Яшина' });
    const t = await buildPerson(database.db, { schoolId, roles: ['teacher'], lastName: 'Ёжиков' });
    await buildPerson(database.db, { schoolId, roles: ['parent'], lastName: 'Родитель' });
    adminId = a.id;
    teacherId = t.id;
    admin = await signIn(app, a.login);
    teacher = await signIn(app, t.login);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lists staff in Russian order with roles and account status, without parents', async () => {
    const res = await admin.get('/api/staff');
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .staff.map((s: { lastName: string; roles: string[]; account: string }) => [
          s.lastName,
          s.roles,
          s.account,
        ]),
    ).toEqual([
      ['Ёжиков', ['teacher'], 'active'],
      ['Яшина', ['admin'], 'active'],
    ]);
  });

  it('creates a teacher without an account, audited', async () => {
    const res = await admin.send('POST', '/api/staff', {
      lastName: 'Васильева',
      firstName: 'Ольга',
      middleName: 'Игоревна',
      roles: ['teacher', 'deputy'],
      email: 'olga@example.ru',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      roles: ['deputy', 'teacher'],
      account: 'none',
      login: null,
      email: 'olga@example.ru',
    });
    const list = (await admin.get('/api/staff')).json().staff.map((s: { lastName: string }) => s.lastName);
    expect(list).toEqual(['Васильева', 'Ёжиков', 'Яшина']);
    const event = await database.db
      .selectFrom('auditEvents')
      .select('after')
      .where('action', '=', 'person.created')
      .where('entityId', '=', String(res.json().id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.after!)).toMatchObject({ roles: ['teacher', 'deputy'] });
  });

  it('changes roles by revoking, never deleting', async () => {
    const res = await admin.send('POST', `/api/staff/${teacherId}`, { roles: ['director'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual(['director']);
    const rows = await database.db
      .selectFrom('roleAssignments')
      .select(['role', 'revokedAt'])
      .where('personId', '=', teacherId)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.role, r.revokedAt === null])).toEqual([
      ['teacher', false],
      ['director', true],
    ]);
    await admin.send('POST', `/api/staff/${teacherId}`, { roles: ['teacher'] });
  });

  it('refuses bad input with 400 naming the field (ru and en), storing nothing', async () => {
    const audits = await countRows(database.db, 'auditEvents', schoolId);
    const persons = await countRows(database.db, 'persons', schoolId);
    const empty = await admin.send('POST', '/api/staff', {
      lastName: 'Пустов',
      firstName: 'Иван',
      roles: [],
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ fields: { roles: 'Выберите хотя бы одну роль.' } });
    expect(empty.json().message).toContain('«Роли»');
    const en = await admin.send('POST', '/api/staff', { firstName: 'Ivan' }, { 'accept-language': 'en' });
    expect(en.statusCode).toBe(400);
    expect(en.json().message).toContain('«Last name»');
    expect(en.json().message).toContain('«Roles»');
    const self = await admin.send('POST', `/api/staff/${adminId}`, { roles: ['teacher'] });
    expect(self.statusCode).toBe(400);
    expect(self.json().fields).toHaveProperty('roles');
    expect(await countRows(database.db, 'auditEvents', schoolId)).toBe(audits);
    expect(await countRows(database.db, 'persons', schoolId)).toBe(persons);
  });

  it('archives a staff member: account disabled, sessions ended, listed last', async () => {
    const leaving = await buildPerson(database.db, { schoolId, roles: ['teacher'], lastName: 'Абрамов' });
    const client = await signIn(app, leaving.login);
    const res = await admin.send('POST', `/api/staff/${leaving.id}/archive`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ archived: true, account: 'disabled' });
    expect((await client.get('/api/me')).statusCode).toBe(401);
    const list = (await admin.get('/api/staff')).json().staff;
    expect(list.at(-1).lastName).toBe('Абрамов');
    expect((await admin.send('POST', `/api/staff/${adminId}/archive`, {})).statusCode).toBe(400);
    expect((await admin.send('POST', `/api/staff/${leaving.id}`, { firstName: 'Х' })).statusCode).toBe(409);
  });

  it('answers 403 to a teacher, 401 without a session, 404 for someone not on the staff', async () => {
    expect((await teacher.get('/api/staff')).statusCode).toBe(403);
    const persons = await countRows(database.db, 'persons', schoolId);
    expect(
      (await teacher.send('POST', '/api/staff', { lastName: 'А', firstName: 'Б', roles: ['admin'] }))
        .statusCode,
    ).toBe(403);
    expect(await countRows(database.db, 'persons', schoolId)).toBe(persons);
    expect((await app.inject({ method: 'GET', url: '/api/staff' })).statusCode).toBe(401);
    const other = await buildSchool(database.db);
    const stranger = await buildPerson(database.db, { schoolId: other.schoolId, roles: ['teacher'] });
    expect((await admin.send('POST', `/api/staff/${stranger.id}`, { firstName: 'Х' })).statusCode).toBe(404);
  });
});
