import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildDistrict, buildPerson, buildSchool } from '../../../test/factories.ts';
import type { Role } from '../../domain/roles.ts';
import type { Database } from '../db/database.ts';

describe.each(engines())('GET /api/audit/verify on $name', (engine) => {
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
    for (const role of ['director', 'admin', 'deputy', 'teacher', 'parent', 'student'] as const)
      as[role] = await signIn(app, (await buildPerson(db, { schoolId, roles: [role] })).login);
    const official = await buildPerson(db, { schoolId: null, districtId, roles: ['district'] });
    as.district = await signIn(app, official.login);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('answers 401 without a session', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/audit/verify' })).statusCode).toBe(401);
  });

  it('refuses other staff, families and the district with 403', async () => {
    for (const role of ['deputy', 'teacher', 'parent', 'student', 'district'] as const)
      expect((await as[role]!.get('/api/audit/verify')).statusCode, role).toBe(403);
  });

  it('checks the school of the director and of the administrator', async () => {
    for (const role of ['director', 'admin'] as const) {
      const res = await as[role]!.get('/api/audit/verify');
      expect(res.statusCode, role).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ schoolId, intact: true, problemCount: 0, problems: [] });
      // The school, its year's setup and its seven people were audited.
      expect(body.events).toBeGreaterThanOrEqual(7);
      expect(body.lastAt).not.toBeNull();
    }
  });

  it('answers 404 for another school and 400 for a bad one', async () => {
    const other = await buildSchool(database.db);
    expect((await as.director!.get(`/api/audit/verify?schoolId=${other.schoolId}`)).statusCode).toBe(404);
    const bad = await as.director!.get('/api/audit/verify?schoolId=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toHaveProperty('schoolId');
  });

  it('lets a person check six times a minute', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i += 1) codes.push((await as.admin!.get('/api/audit/verify')).statusCode);
    // The administrator checked once above.
    expect(codes.filter((c) => c === 200)).toHaveLength(5);
    expect(codes.at(-1)).toBe(429);
  });
});
