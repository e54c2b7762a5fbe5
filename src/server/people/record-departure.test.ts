import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson, enroll, linkGuardian, testPassword } from '../../../test/factories.ts';
import { today } from '../access/relationships.queries.ts';
import type { Database } from '../db/database.ts';
import { buildClassWorld, buildProfile, type ClassWorld } from './people.test-helpers.ts';

describe.each(engines())('departure on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let w: ClassWorld;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    w = await buildClassWorld(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const accountOf = (personId: number) =>
    database.db
      .selectFrom('accounts')
      .select(['id', 'disabledAt'])
      .where('personId', '=', personId)
      .executeTakeFirstOrThrow();

  it('ends memberships and sessions, disables the student and the parent with no other child, keeps the rest', async () => {
    const db = database.db;
    const { schoolId } = w;
    // S's father has another child at school; a teacher is also S's guardian; the mother has only S.
    const father = await buildPerson(db, {
      schoolId,
      roles: ['parent'],
      lastName: 'Яковлев',
      firstName: 'Пётр',
    });
    const sibling = await buildPerson(db, { schoolId, roles: ['student'], account: false });
    await enroll(db, { schoolId, groupId: w.b.groupId, studentId: sibling.id });
    await buildProfile(db, { schoolId, studentId: sibling.id, fileNumber: 'SIB-1' });
    await linkGuardian(db, { schoolId, guardianId: father.id, studentId: w.s.id });
    await linkGuardian(db, { schoolId, guardianId: father.id, studentId: sibling.id });
    await linkGuardian(db, { schoolId, guardianId: w.subjectTeacher.id, studentId: w.s.id });
    const studentClient = await signIn(app, w.s.login);
    const motherClient = await signIn(app, w.mother.login);
    expect((await studentClient.get('/api/me')).statusCode).toBe(200);

    const teacher = await signIn(app, w.classTeacher.login);
    const on = today();
    const res = await teacher.send('POST', `/api/students/${w.s.id}/departure`, {
      departedOn: on,
      departureOrder: '№ 45-у',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().file).toMatchObject({ departedOn: on, departureOrder: '№ 45-у' });
    expect(res.json().account).toBe('disabled');

    const open = await db
      .selectFrom('groupMemberships')
      .select('endsOn')
      .where('studentId', '=', w.s.id)
      .execute();
    expect(open.map((m) => m.endsOn)).toEqual([on]);
    expect((await accountOf(w.s.id)).disabledAt).not.toBeNull();
    expect((await accountOf(w.mother.id)).disabledAt).not.toBeNull();
    expect((await accountOf(father.id)).disabledAt).toBeNull();
    expect((await accountOf(w.subjectTeacher.id)).disabledAt).toBeNull();
    expect((await studentClient.get('/api/me')).statusCode).toBe(401);
    expect((await motherClient.get('/api/me')).statusCode).toBe(401);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: w.s.login, password: testPassword },
    });
    expect(login.statusCode).not.toBe(200);

    const links = await db.selectFrom('guardianships').select('id').where('studentId', '=', w.s.id).execute();
    expect(links).toHaveLength(3);
    const event = await db
      .selectFrom('auditEvents')
      .select(['after'])
      .where('action', '=', 'student.departed')
      .where('entityId', '=', String(w.s.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.after!)).toMatchObject({ parentAccountsDisabled: [w.mother.id] });

    const roster = (await teacher.get(`/api/classes/${w.a.classId}/roster`)).json();
    expect(roster.students.find((s: { id: number }) => s.id === w.s.id)).toMatchObject({ departedOn: on });
  });

  it('refuses a second departure, a future date and another class’s student, changing nothing', async () => {
    const teacher = await signIn(app, w.classTeacher.login);
    const again = await teacher.send('POST', `/api/students/${w.s.id}/departure`, {
      departedOn: today(),
      departureOrder: '№ 46',
    });
    expect(again.statusCode).toBe(409);
    const future = await teacher.send('POST', `/api/students/${w.t.id}/departure`, {
      departedOn: '2999-01-01',
      departureOrder: '№ 47',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields).toHaveProperty('departedOn');
    const foreign = await teacher.send('POST', `/api/students/${w.u.id}/departure`, {
      departedOn: today(),
      departureOrder: '№ 48',
    });
    expect(foreign.statusCode).toBe(404);
    const missing = await teacher.send('POST', `/api/students/${w.t.id}/departure`, { departedOn: today() });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('«Приказ о выбытии»');
    const profiles = await database.db
      .selectFrom('studentProfiles')
      .select('departedOn')
      .where('personId', 'in', [w.t.id, w.u.id])
      .execute();
    expect(profiles.map((p) => p.departedOn)).toEqual([null, null]);
  });

  it('answers with the card after a past departure, then the student is out of the class teacher’s reach but not the admin’s', async () => {
    const teacher = await signIn(app, w.classTeacher.login);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const res = await teacher.send('POST', `/api/students/${w.t.id}/departure`, {
      departedOn: yesterday,
      departureOrder: '№ 50',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().file.departedOn).toBe(yesterday);
    expect((await teacher.get(`/api/students/${w.t.id}`)).statusCode).toBe(404);
    const roster = (await teacher.get(`/api/classes/${w.a.classId}/roster`)).json();
    expect(roster.students.find((s: { id: number }) => s.id === w.t.id)).toMatchObject({
      departedOn: yesterday,
      canOpen: false,
    });
    const admin = await signIn(app, w.admin.login);
    expect((await admin.get(`/api/students/${w.t.id}`)).json().file.departedOn).toBe(yesterday);
  });
});
