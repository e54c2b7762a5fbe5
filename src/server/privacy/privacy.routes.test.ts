import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { buildPrivacyWorld, type PrivacyWorld } from './privacy.test-helpers.ts';

/** A parent's download of everything held about them and their children (152-ФЗ art. 14). */
describe.each(engines())('GET /api/privacy/my-data on $name', (engine) => {
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

  it('gives the parent a JSON attachment with their data and their child’s, nothing of another family', async () => {
    const teacher = await signIn(app, w.classTeacher.login);
    expect((await teacher.get(`/api/students/${w.s.id}`)).statusCode).toBe(200);
    const mother = await signIn(app, w.mother.login);
    const res = await mother.get('/api/privacy/my-data');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="otmetka-my-data-\d{4}-\d{2}-\d{2}\.json"/,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    const file = res.json();
    expect(file.format).toBe('otmetka-my-data/1');
    expect(file.you.person).toMatchObject({ lastName: 'Яковлева', email: 'mother@example.org' });
    expect(file.you.accounts[0].login).toBe(w.mother.login);
    expect(file.you.consents).toEqual([
      expect.objectContaining({ givenOn: '2026-09-01', withdrawnOn: null }),
    ]);
    expect(file.you.sessions.length).toBeGreaterThan(0);
    // The login history and the devices the parent signed in from are theirs too.
    expect(file.you.signIns).toContainEqual(expect.objectContaining({ outcome: 'ok' }));
    expect(file.you.devices.length).toBeGreaterThan(0);
    expect(file.you.cardViews).toEqual([
      expect.objectContaining({ viewer: expect.stringContaining('Классная'), source: 'card' }),
    ]);
    expect(file.children.map((c: { studentId: number }) => c.studentId)).toEqual([w.s.id]);
    const child = file.children[0];
    expect(child.card.person).toMatchObject({ lastName: 'Яковлев', birthDate: '2015-02-03' });
    expect(child.card.personalFile).toMatchObject({ fileNumber: 'S-1' });
    expect(child.marks).toEqual([
      expect.objectContaining({
        date: '2026-10-05',
        value: '2',
        comment: 'Повторить дроби',
        workKind: 'Контрольная',
      }),
    ]);
    expect(child.card.groups.length).toBeGreaterThan(0);
    expect(child.cardViews.length).toBeGreaterThan(0);
    const text = res.body;
    expect(text).not.toContain('Уткин');
    expect(text).not.toContain('Отметка другой семьи');
    expect(text).not.toMatch(/passwordHash|tokenHash|csrfToken/);
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['actorId', 'entityId'])
      .where('schoolId', '=', w.schoolId)
      .where('action', '=', 'personal.download')
      .execute();
    expect(audit).toEqual([expect.objectContaining({ actorId: w.mother.id, entityId: String(w.mother.id) })]);
  });

  it('refuses staff and students (403) and a visitor without a session (401)', async () => {
    for (const login of [w.classTeacher.login, w.admin.login, w.director.login, w.s.login]) {
      const res = await (await signIn(app, login)).get('/api/privacy/my-data');
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toContain('родитель');
    }
    expect((await app.inject({ method: 'GET', url: '/api/privacy/my-data' })).statusCode).toBe(401);
  });

  it('lets one parent download five times an hour, then answers 429; another parent still may', async () => {
    const father = await signIn(app, w.father.login);
    for (let i = 0; i < 5; i++) expect((await father.get('/api/privacy/my-data')).statusCode).toBe(200);
    const sixth = await father.get('/api/privacy/my-data');
    expect(sixth.statusCode).toBe(429);
    const mother = await signIn(app, w.mother.login);
    expect((await mother.get('/api/privacy/my-data')).statusCode).toBe(200);
  });
});
