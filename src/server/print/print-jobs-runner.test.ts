import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { buildPerson, buildSchool } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import {
  createPrintRunner,
  type JobParams,
  type RenderPrint,
  resumePrintRunner,
} from './print-jobs-runner.ts';
import type { PrintFile } from './print-kinds.ts';

const minutes = (n: number) => n * 60 * 1000;

describe.each(engines())('print job runner on $name', (engine) => {
  let database: Database;
  let schoolId: number;
  let personId: number;
  beforeAll(async () => {
    database = await engine.open();
    const school = await buildSchool(database.db);
    schoolId = school.schoolId;
    personId = (await buildPerson(database.db, { schoolId, roles: ['deputy'] })).id;
  });
  afterAll(async () => {
    await database.close();
  });

  const pdf: PrintFile = { content: Buffer.from('%PDF-1.7 fake'), mime: 'application/pdf', extension: 'pdf' };

  async function queue(
    lang: 'ru' | 'en' = 'ru',
    extra: { status?: 'queued' | 'running' | 'done'; startedAt?: string; finishedAt?: string } = {},
  ) {
    const params: JobParams = {
      print: {
        schoolId,
        classId: 1,
        academicYearId: 1,
        periodId: null,
        courseIds: null,
        printedOn: '2027-05-25',
        lang,
      },
      baseName: 'Журнал 5А 2026-2027',
    };
    const row = await database.db
      .insertInto('printJobs')
      .values({
        schoolId,
        requestedBy: personId,
        kind: 'classJournal',
        params: JSON.stringify(params),
        lang,
        ...extra,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  const job = (id: number) =>
    database.db.selectFrom('printJobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('runs a queued job exactly once when two runners (two processes) look at the same time', async () => {
    const id = await queue();
    const rendered: number[] = [];
    const render: RenderPrint = async (_kind, _db, print) => {
      rendered.push(print.schoolId);
      await new Promise((r) => setTimeout(r, 20));
      return pdf;
    };
    const a = createPrintRunner(database.db, { render, schoolIds: [schoolId] });
    const b = createPrintRunner(database.db, { render, schoolIds: [schoolId] });
    a.kick();
    b.kick();
    await Promise.all([a.idle(), b.idle()]);
    expect(rendered).toEqual([schoolId]);
    const row = await job(id);
    expect(row.status).toBe('done');
    expect(row.fileName).toBe('Журнал 5А 2026-2027.pdf');
    expect(row.mime).toBe('application/pdf');
    expect(Buffer.from(row.content!).toString()).toBe('%PDF-1.7 fake');
    expect(row.finishedAt).not.toBeNull();
    await Promise.all([a.stop(), b.stop()]);
  });

  it('writes the progress while the print runs', async () => {
    const id = await queue();
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let reached!: () => void;
    const halfway = new Promise<void>((r) => {
      reached = r;
    });
    const runner = createPrintRunner(database.db, {
      throttleMs: 0,
      schoolIds: [schoolId],
      render: async (_kind, _db, _print, progress) => {
        await progress(2, 5);
        reached();
        await gate;
        await progress(5, 5);
        return pdf;
      },
    });
    runner.kick();
    await halfway;
    const running = await job(id);
    expect(running).toMatchObject({ status: 'running', done: 2, total: 5 });
    expect(running.startedAt).not.toBeNull();
    release();
    await runner.idle();
    expect(await job(id)).toMatchObject({ status: 'done', done: 5, total: 5 });
  });

  it('throttles the progress writes but always writes the last step', async () => {
    const id = await queue();
    const runner = createPrintRunner(database.db, {
      throttleMs: 60_000,
      schoolIds: [schoolId],
      render: async (_kind, _db, _print, progress) => {
        for (let i = 1; i <= 40; i += 1) await progress(i, 40);
        return pdf;
      },
    });
    runner.kick();
    await runner.idle();
    expect(await job(id)).toMatchObject({ status: 'done', done: 40, total: 40 });
  });

  it('stores a failure with a text in the requester’s language and goes on to the next job', async () => {
    const ru = await queue('ru');
    const en = await queue('en');
    const runner = createPrintRunner(database.db, {
      schoolIds: [schoolId],
      render: async () => {
        throw new Error('boom');
      },
    });
    runner.kick();
    await runner.idle();
    const failedRu = await job(ru);
    expect(failedRu.status).toBe('failed');
    expect(failedRu.error).toMatch(/^Не удалось сформировать документ/);
    expect(failedRu.content).toBeNull();
    expect((await job(en)).error).toMatch(/^The document could not be made/);
  });

  it('on start fails a job left running by a dead process, not one running now', async () => {
    const stale = await queue('ru', {
      status: 'running',
      startedAt: new Date(Date.now() - minutes(31)).toISOString(),
    });
    const fresh = await queue('ru', {
      status: 'running',
      startedAt: new Date(Date.now() - minutes(5)).toISOString(),
    });
    const runner = createPrintRunner(database.db, { render: async () => pdf, schoolIds: [schoolId] });
    await resumePrintRunner(database.db, runner);
    await runner.stop();
    expect(await job(stale)).toMatchObject({ status: 'failed' });
    expect((await job(stale)).error).toMatch(/сервер перезапускался/);
    expect(await job(fresh)).toMatchObject({ status: 'running', error: null });
  });

  it('clears the files of prints finished more than 7 days ago when a job runs', async () => {
    const old = await queue('ru', {
      status: 'done',
      finishedAt: new Date(Date.now() - minutes(8 * 24 * 60)).toISOString(),
    });
    const recent = await queue('ru', {
      status: 'done',
      finishedAt: new Date(Date.now() - minutes(24 * 60)).toISOString(),
    });
    for (const id of [old, recent]) {
      await database.db
        .updateTable('printJobs')
        .set({ content: Buffer.from('x') })
        .where('id', '=', id)
        .execute();
    }
    const runner = createPrintRunner(database.db, { render: async () => pdf, schoolIds: [schoolId] });
    runner.kick();
    await runner.idle();
    expect((await job(old)).content).toBeNull();
    expect((await job(old)).status).toBe('done');
    expect(Buffer.from((await job(recent)).content!).toString()).toBe('x');
  });

  it('takes no job after it was stopped', async () => {
    const id = await queue();
    const runner = createPrintRunner(database.db, { render: async () => pdf, schoolIds: [schoolId] });
    await runner.stop();
    runner.kick();
    await runner.idle();
    expect((await job(id)).status).toBe('queued');
    await database.db.deleteFrom('printJobs').where('id', '=', id).execute();
  });
});
