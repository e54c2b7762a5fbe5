import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildDistrict, buildPerson, buildSchool } from '../../../test/factories.ts';
import type { Role } from '../../domain/roles.ts';
import type { Database } from '../db/database.ts';

const url = '/api/admin/first-steps';

describe.each(engines())('GET /api/admin/first-steps on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let schoolId: number;
  const as: Partial<Record<Role, Client>> = {};

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    const db = database.db;
    ({ schoolId } = await buildSchool(db));
    const districtId = await buildDistrict(db);
    for (const role of ['admin', 'director', 'deputy', 'teacher', 'parent', 'student'] as const)
      as[role] = await signIn(app, (await buildPerson(db, { schoolId, roles: [role] })).login);
    const official = await buildPerson(db, { schoolId: null, districtId, roles: ['district'] });
    as.district = await signIn(app, official.login);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('answers 401 without a session', async () => {
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('refuses other staff, families and the district with 403', async () => {
    for (const role of ['director', 'deputy', 'teacher', 'parent', 'student', 'district'] as const)
      expect((await as[role]!.get(url)).statusCode, role).toBe(403);
  });

  it("shows the administrator their school's checklist: its teacher and parent logins, the year next", async () => {
    const res = await as.admin!.get(url);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ schoolId, doneCount: 3, next: 'year' });
    expect(body.steps).toHaveLength(12);
    expect(body.steps.filter((s: { done: boolean }) => s.done).map((s: { key: string }) => s.key)).toEqual([
      'school',
      'teachers',
      'parents',
    ]);
  });

  it('answers 404 for another school and 400 naming the field for a bad one, in Russian or English', async () => {
    const other = await buildSchool(database.db);
    expect((await as.admin!.get(`${url}?schoolId=${other.schoolId}`)).statusCode).toBe(404);
    const bad = await as.admin!.get(`${url}?schoolId=abc`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toHaveProperty('schoolId');
    expect(bad.json().message).toMatch(/[а-яё]/i);
    const english = await as.admin!.get(`${url}?schoolId=abc`, { 'accept-language': 'en' });
    expect(english.statusCode).toBe(400);
    expect(english.json().message).not.toMatch(/[а-яё]/i);
    expect((await as.admin!.get(`${url}?school=1`)).statusCode).toBe(400);
  });
});
