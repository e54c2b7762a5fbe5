import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { buildPrivacyWorld, type PrivacyWorld, viewsBy } from './privacy.test-helpers.ts';

/** Every route that shows a student's or parent's personal data logs who saw whose (152-ФЗ). */
describe.each(engines())('card views logged on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let w: PrivacyWorld;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    w = await buildPrivacyWorld(database.db);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('the card logs the student and each parent shown; names only log the student', async () => {
    const teacher = await signIn(app, w.classTeacher.login);
    expect((await teacher.get(`/api/students/${w.s.id}`)).statusCode).toBe(200);
    expect(await viewsBy(database.db, w.classTeacher.id, 'card')).toEqual([
      [w.s.id, null],
      [w.s.id, w.mother.id],
    ]);
    const subject = await signIn(app, w.subjectTeacher.login);
    expect((await subject.get(`/api/students/${w.s.id}`)).statusCode).toBe(200);
    expect(await viewsBy(database.db, w.subjectTeacher.id, 'card')).toEqual([[w.s.id, null]]);
  });

  it('«Мой класс» logs every student and parent it lists; a refused roster logs nothing', async () => {
    const teacher = await signIn(app, w.classTeacher.login);
    expect((await teacher.get(`/api/classes/${w.a.classId}/roster`)).statusCode).toBe(200);
    // S was built before T, so S's id is the lower one.
    expect(await viewsBy(database.db, w.classTeacher.id, 'roster')).toEqual([
      [w.s.id, null],
      [w.s.id, w.mother.id],
      [w.t.id, null],
    ]);
    const other = await signIn(app, w.otherClassTeacher.login);
    expect((await other.get(`/api/classes/${w.a.classId}/roster`)).statusCode).toBe(403);
    expect(await viewsBy(database.db, w.otherClassTeacher.id, 'roster')).toEqual([]);
  });

  it('the OneRoster export logs every student and parent exported', async () => {
    const admin = await signIn(app, w.admin.login);
    const res = await admin.get(`/api/exchange/oneroster?yearId=${w.yearId}`);
    expect(res.statusCode).toBe(200);
    const logged = await viewsBy(database.db, w.admin.id, 'export');
    for (const pair of [
      [w.s.id, null],
      [w.s.id, w.mother.id],
      [w.t.id, null],
      [w.u.id, null],
      [w.u.id, w.father.id],
    ])
      expect(logged).toContainEqual(pair);
  });

  it('a whole-journal print logs the class’s students and parents at the request', async () => {
    const teacher = await signIn(app, w.classTeacher.login);
    const res = await teacher.send('POST', '/api/print-jobs', { kind: 'classJournal', classId: w.a.classId });
    expect(res.statusCode).toBe(202);
    const logged = await viewsBy(database.db, w.classTeacher.id, 'print');
    expect(logged).toContainEqual([w.s.id, null]);
    expect(logged).toContainEqual([w.s.id, w.mother.id]);
    expect(logged).not.toContainEqual([w.u.id, null]);
  });

  it('the class teacher’s log of S shows views of the mother’s data wherever she was shown', async () => {
    const teacher = await signIn(app, w.classTeacher.login);
    const log = (await teacher.get(`/api/students/${w.s.id}/views`)).json();
    const sources = log.views
      .filter((v: { subject: { kind: string; id: number } }) => v.subject.kind === 'guardian')
      .map((v: { subject: { id: number }; source: string }) => [v.subject.id, v.source]);
    expect(sources).toContainEqual([w.mother.id, 'card']);
    expect(sources).toContainEqual([w.mother.id, 'roster']);
    expect(sources).toContainEqual([w.mother.id, 'export']);
    expect(sources).toContainEqual([w.mother.id, 'print']);
    expect(log.views.every((v: { subject: { id: number } }) => v.subject.id !== w.father.id)).toBe(true);
  });
});
