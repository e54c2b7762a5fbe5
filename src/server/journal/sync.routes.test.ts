import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { syncAnswer } from '../../contract/offline.ts';
import type { Database } from '../db/database.ts';
import { journalSchool } from './journal.test-helpers.ts';

describe.each(engines())('sync routes on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof journalSchool>>;
  let ivanova: Client;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await journalSchool(database.db);
    ivanova = await signIn(app, s.people.ivanova.login);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('takes a checkpoint and a queue from the course teacher: 200, the same answer on a repeat', async () => {
    const deviceId = randomUUID();
    const point = await ivanova.send('POST', '/api/journal/sync/checkpoint', {
      deviceId,
      courseId: s.courses.math5,
    });
    expect(point.statusCode).toBe(200);
    const { checkpointId } = point.json();
    const body = {
      deviceId,
      changes: [
        {
          id: randomUUID(),
          seq: 1,
          madeAt: new Date().toISOString(),
          checkpointId,
          kind: 'mark',
          lessonId: s.lessons.mathRecent,
          studentId: s.students.vasiliev,
          workKindId: s.workKinds.test,
          value: '4',
          base: null,
        },
      ],
    };
    const sent = await ivanova.send('POST', '/api/journal/sync', body);
    expect(sent.statusCode).toBe(200);
    const answer = syncAnswer.parse(sent.json());
    expect(answer.results[0]).toMatchObject({
      status: 'applied',
      clamped: false,
      cell: { value: '4', version: 1 },
    });
    const again = await ivanova.send('POST', '/api/journal/sync', body);
    expect(again.json().results[0]).toMatchObject({ status: 'duplicate', first: answer.results[0] });
  });

  it('names the fields of a bad body in Russian and English: 400', async () => {
    const bad = { deviceId: 'not-a-uuid', changes: [] };
    const ru = await ivanova.send('POST', '/api/journal/sync', bad);
    expect(ru.statusCode).toBe(400);
    expect(ru.json().message).toMatch(/Устройство/);
    expect(Object.keys(ru.json().fields)).toEqual(expect.arrayContaining(['deviceId', 'changes']));
    const en = await ivanova.send('POST', '/api/journal/sync', bad, { 'accept-language': 'en' });
    expect(en.json().message).toMatch(/Device/);
  });

  it('refuses anyone but a teacher (401, 403) and a course the teacher does not see (404)', async () => {
    const deviceId = randomUUID();
    const body = { deviceId, courseId: s.courses.math5 };
    expect((await app.inject({ method: 'POST', url: '/api/journal/sync', payload: {} })).statusCode).toBe(
      401,
    );
    const director = await signIn(app, s.people.director.login);
    expect((await director.send('POST', '/api/journal/sync/checkpoint', body)).statusCode).toBe(403);
    const parent = await signIn(app, s.people.parent.login);
    const refused = await parent.send('POST', '/api/journal/sync/checkpoint', body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/учителям/);
    const orlova = await signIn(app, s.people.orlova.login);
    expect((await orlova.send('POST', '/api/journal/sync/checkpoint', body)).statusCode).toBe(404);
    expect(
      (await ivanova.send('POST', '/api/journal/sync/checkpoint', { deviceId, courseId: 2_000_000_000 }))
        .statusCode,
    ).toBe(404);
  });
});
