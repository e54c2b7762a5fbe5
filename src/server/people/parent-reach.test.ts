import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { buildClassWorld, type ClassWorld } from './people.test-helpers.ts';

/**
 * A class teacher must not reach another class's parent by linking them to a student of their own
 * class (which would show the parent's contacts and let them issue the parent a new password).
 */
describe.each(engines())('linking an existing parent on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let w: ClassWorld;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    w = await buildClassWorld(database.db);
    await database.db
      .updateTable('persons')
      .set({ phone: '+7 916 111-22-33' })
      .where('id', '=', w.mother.id)
      .execute();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const linksOf = (guardianId: number) =>
    database.db
      .selectFrom('guardianships')
      .select('studentId')
      .where('guardianId', '=', guardianId)
      .execute();

  it('refuses another class’s parent by id, like an unknown one, and stores nothing', async () => {
    const other = await signIn(app, w.otherClassTeacher.login);
    const res = await other.send('POST', `/api/students/${w.u.id}/guardians/link`, {
      guardianId: w.mother.id,
      kind: 'mother',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual({ guardianId: 'Это не родитель из этой школы.' });
    expect(await linksOf(w.mother.id)).toEqual([{ studentId: w.s.id }]);
  });

  it('creates a new parent instead of matching another class’s parent by name and phone', async () => {
    const other = await signIn(app, w.otherClassTeacher.login);
    const res = await other.send('POST', `/api/students/${w.u.id}/guardians`, {
      lastName: 'Яковлева',
      firstName: 'Мария',
      middleName: 'Иванович',
      kind: 'mother',
      phone: '+7 916 111-22-33',
    });
    expect(res.statusCode).toBe(200);
    expect(await linksOf(w.mother.id)).toEqual([{ studentId: w.s.id }]);
  });

  it('lets the administrator link any parent of the school', async () => {
    const admin = await signIn(app, w.admin.login);
    const res = await admin.send('POST', `/api/students/${w.t.id}/guardians/link`, {
      guardianId: w.mother.id,
      kind: 'mother',
    });
    expect(res.statusCode).toBe(200);
    expect((await linksOf(w.mother.id)).map((l) => l.studentId).sort()).toEqual([w.s.id, w.t.id].sort());
  });
});
