import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { verifyArchive } from './archive-verify.ts';
import { summaryFixture } from './summary-fixture.test-helpers.ts';

describe.each(engines())('the year archive as a background print on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  /** Polls the job until it is done or failed (at most ~30 s). */
  async function finished(client: Client, id: number) {
    for (let i = 0; i < 300; i += 1) {
      const job = (await client.get(`/api/print-jobs/${id}`)).json();
      if (job.status === 'done' || job.status === 'failed') return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the year archive did not finish in time');
  }

  it('the administrator’s job finishes with a ZIP that verifyArchive accepts; a deputy may not fetch it, the class teacher and another school may not ask', async () => {
    const f = await summaryFixture(database.db);
    const admin = await buildPerson(database.db, { schoolId: f.s.schoolId, roles: ['admin'] });
    const client = await signIn(app, admin.login);
    const res = await client.send('POST', '/api/print-jobs', { kind: 'yearArchive', classId: f.c5.classId });
    expect(res.statusCode).toBe(202);
    const { id } = res.json();
    const job = await finished(client, id);
    expect(job).toMatchObject({ status: 'done', error: null, fileName: 'Архив 5А 2026-2027.zip' });
    expect(job.total).toBeGreaterThan(0);
    expect(job.done).toBe(job.total);

    const file = await client.get(`/api/print-jobs/${id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/zip');
    expect(file.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Архив 5А 2026-2027.zip')}`,
    );
    const check = verifyArchive(file.rawPayload);
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.files.map((x) => x.name)).toEqual([
      'Классный журнал 5А 2026-2027.pdf',
      'Сводная ведомость 5А 2026-2027.pdf',
      'Журнал 5А 2026-2027.xlsx',
      'Сводная ведомость 5А 2026-2027.xlsx',
    ]);
    const manifest = JSON.parse(strFromU8(unzipSync(file.rawPayload)['manifest.json']!));
    expect(manifest.class).toEqual({ id: f.c5.classId, name: '5А' });

    const deputy = await signIn(app, f.people.deputy.login);
    expect((await deputy.get(`/api/print-jobs/${id}/file`)).statusCode).toBe(404);
    const classTeacher = await signIn(app, f.people.classT.login);
    const refused = await classTeacher.send('POST', '/api/print-jobs', {
      kind: 'yearArchive',
      classId: f.c5.classId,
    });
    expect(refused.statusCode).toBe(403);
    const stranger = await signIn(app, f.people.otherDirector.login);
    const elsewhere = await stranger.send('POST', '/api/print-jobs', {
      kind: 'yearArchive',
      classId: f.c5.classId,
    });
    expect(elsewhere.statusCode).toBe(404);
  }, 60_000);
});
