import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson, linkGuardian, testPassword } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { buildClassWorld, buildConsent, type ClassWorld } from './people.test-helpers.ts';

/** 152-ФЗ: a student without any parent's consent has no account, also after a withdrawal. */
describe.each(engines())('withdrawing consent on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let w: ClassWorld;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    w = await buildClassWorld(database.db);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const login = (name: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: name, password: testPassword } });

  it('switches off the account of a child left without consent, and ends their sessions', async () => {
    const child = await signIn(app, w.s.login);
    const teacher = await signIn(app, w.classTeacher.login);
    const res = await teacher.send(
      'POST',
      `/api/students/${w.s.id}/guardians/${w.mother.id}/consent/withdraw`,
      {
        withdrawnOn: '2026-11-01',
      },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().consent).toBe(false);
    expect((await child.get('/api/me')).statusCode).toBe(401);
    const again = await login(w.s.login);
    expect(again.statusCode).toBe(401);
    expect(again.json().message).toBe('Учётная запись отключена. Обратитесь к администратору школы.');
  });

  it('keeps the account of a child whose other parent still consents', async () => {
    const father = await buildPerson(database.db, {
      schoolId: w.schoolId,
      roles: ['parent'],
      lastName: 'Андреев',
    });
    const mother = await buildPerson(database.db, {
      schoolId: w.schoolId,
      roles: ['parent'],
      lastName: 'Андреева',
    });
    for (const guardianId of [father.id, mother.id]) {
      await linkGuardian(database.db, { schoolId: w.schoolId, guardianId, studentId: w.t.id });
      await buildConsent(database.db, { schoolId: w.schoolId, guardianId });
    }
    const teacher = await signIn(app, w.classTeacher.login);
    const res = await teacher.send(
      'POST',
      `/api/students/${w.t.id}/guardians/${father.id}/consent/withdraw`,
      {
        withdrawnOn: '2026-11-01',
      },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().consent).toBe(true);
    expect((await login(w.t.login)).statusCode).toBe(200);
  });
});
