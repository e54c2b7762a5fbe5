import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/databases.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { runsOf, seedSchool, tempDir, testBackupConfig } from './backup.test-helpers.ts';
import { insertRun } from './run-backup.ts';
import { localDay, schedulerTick, startBackupScheduler } from './scheduler.ts';

const hours = (n: number) => n * 3600_000;

async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(engines())('the backup scheduler ($name)', (engine) => {
  let database: Database;
  let school: Awaited<ReturnType<typeof seedSchool>>;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    school = await seedSchool(database.db);
  }, 30_000);
  afterAll(() => database.close());

  it('two processes run the night’s backup exactly once, and a run left behind becomes interrupted', async () => {
    const night = new Date(2026, 10, 29, 2, 45);
    const abandoned = await insertRun(database.db, {
      trigger: 'manual',
      requestedBy: null,
      at: new Date(night.getTime() - hours(8)),
    });
    const config = testBackupConfig([tempDir()], { at: '02:30' });
    const other = openDatabase(database.url, { poolSize: 2 });
    const options = { now: () => night, tickMs: 20, log: () => {} };
    const a = startBackupScheduler(database, config, options);
    const b = startBackupScheduler(other, config, options);
    try {
      await until(
        async () => (await runsOf(database)).some((r) => r.slot !== null && r.status !== 'running'),
        30_000,
      );
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      await a.stop();
      await b.stop();
      await other.close();
    }
    const runs = await runsOf(database);
    const scheduled = runs.filter((r) => r.trigger === 'schedule');
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]).toMatchObject({ slot: 'schedule:2026-11-29', status: 'ok' });
    expect(runs.find((r) => r.id === abandoned)?.status).toBe('interrupted');
  }, 60_000);

  it('queues the «no fresh backup» alert once a day when the newest good copy is older than 26 hours', async () => {
    const dir = tempDir();
    const config = testBackupConfig([dir]);
    const now = new Date(2026, 11, 3, 10, 0);
    const old = new Date(now.getTime() - hours(30)).toISOString();
    const runId = await insertRun(database.db, { trigger: 'cli', requestedBy: null, at: new Date(old) });
    await database.db
      .insertInto('backupCopies')
      .values({
        runId,
        destination: dir,
        path: `${dir}/old.otb`,
        status: 'ok',
        verifiedAt: old,
        createdAt: old,
      })
      .execute();
    const stale = () =>
      database.db
        .selectFrom('outbox')
        .selectAll()
        .where('kind', '=', 'backup-stale')
        .where('personId', '=', school.adminId)
        .execute();
    await schedulerTick(database, config, now);
    await schedulerTick(database, config, new Date(now.getTime() + 60_000));
    const letters = await stale();
    expect(letters.map((l) => l.dedupeKey)).toEqual([`backup-stale:${localDay(now)}:${school.adminId}`]);
    expect(letters[0]!.body).toContain('30 ч');
    expect(letters[0]!.address).toBe(`admin${school.adminId}@example.test`);
    await schedulerTick(database, config, new Date(now.getTime() + hours(24)));
    expect(await stale()).toHaveLength(2);
    await database.db.deleteFrom('outbox').where('kind', '=', 'backup-stale').execute();
    await schedulerTick(database, config, new Date(new Date(old).getTime() + hours(25)));
    expect(await stale()).toHaveLength(0);
  });

  it('runs nothing before the hour, and alarms about a destination without copies only after 26 hours', async () => {
    const config = testBackupConfig([tempDir()], { at: '23:59' });
    const today = new Date();
    today.setHours(12, 0, 0, 0);
    const before = await runsOf(database);
    expect(await schedulerTick(database, config, today)).toEqual({ ranRunId: null, staleAlerts: 0 });
    expect(await runsOf(database)).toEqual(before);
    const later = new Date(Date.now() + hours(27));
    const result = await schedulerTick(database, { ...config, at: null }, later);
    expect(result).toEqual({ ranRunId: null, staleAlerts: 1 });
    const letter = await database.db
      .selectFrom('outbox')
      .select('body')
      .where('dedupeKey', '=', `backup-stale:${localDay(later)}:${school.adminId}`)
      .executeTakeFirstOrThrow();
    expect(letter.body).toContain('проверенных копий нет');
  });
});
