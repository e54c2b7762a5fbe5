import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { startSmtp, testNotifyConfig, useLocalSmtp } from '../notify/notify.test-helpers.ts';
import { runRound } from '../notify/worker.ts';
import { runsOf, seedSchool, tempDir, testBackupConfig } from './backup.test-helpers.ts';
import { backupStatus } from './backup-status.ts';
import { backgroundRuns, insertRun, pruneDestination, runBackup, startBackup } from './run-backup.ts';

describe.each(engines())('backup runs ($name)', (engine) => {
  let database: Database;
  let school: Awaited<ReturnType<typeof seedSchool>>;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    school = await seedSchool(database.db);
  }, 30_000);
  afterAll(() => database.close());

  it('a missing destination fails its copy and the run, the other copy is kept, and the admin is told by e-mail', async () => {
    const good = tempDir();
    const unplugged = join(tempDir(), 'usb-stick');
    const outcome = await runBackup(database, testBackupConfig([unplugged, good]), 'manual', school.adminId);
    expect(outcome.status).toBe('failed');
    expect(outcome.copies.map((c) => [c.destination, c.status])).toEqual([
      [unplugged, 'failed'],
      [good, 'ok'],
    ]);
    expect(outcome.error).toContain(unplugged);
    expect(outcome.error).toContain('не подключён');
    expect(existsSync(join(good, outcome.fileName!))).toBe(true);
    const run = (await runsOf(database)).find((r) => r.id === outcome.runId)!;
    expect(run).toMatchObject({ status: 'failed', requestedBy: school.adminId, fileName: outcome.fileName });
    expect(run.error).toContain(unplugged);

    const smtp = await startSmtp();
    await useLocalSmtp(database.db, school.schoolId, smtp.port);
    try {
      await runRound(database.db, testNotifyConfig(), new Date(), { schoolId: school.schoolId });
      const letters = smtp.letters.filter((l) => l.to.includes(`admin${school.adminId}@example.test`));
      expect(letters).toHaveLength(1);
      expect(letters[0]!.subject).toContain('резервная копия не создана');
      expect(letters[0]!.raw).toContain('usb-stick');
    } finally {
      await smtp.close();
    }
    const status = await backupStatus(database.db, testBackupConfig([unplugged, good]));
    const byDir = new Map(status.destinations.map((d) => [d.destination, d]));
    expect(byDir.get(good)).toMatchObject({ stale: false, lastGoodFile: outcome.fileName, lastError: null });
    expect(byDir.get(unplugged)).toMatchObject({ stale: true, lastGoodAt: null });
    expect(byDir.get(unplugged)?.lastError).toContain(unplugged);
  }, 60_000);

  it('retention removes the files of pruned copies and marks their rows, keeping the newest', async () => {
    const dir = tempDir();
    const now = new Date(2026, 10, 20, 13, 0);
    const ids: number[] = [];
    for (let day = 0; day < 6; day++) {
      const at = new Date(2026, 10, 15 + day, 3, 0);
      const path = join(dir, `otmetka-202611${15 + day}-030000.otb`);
      writeFileSync(path, 'x');
      writeFileSync(`${path}.manifest.json`, '{}');
      const runId = await insertRun(database.db, { trigger: 'schedule', requestedBy: null, at });
      const row = await database.db
        .insertInto('backupCopies')
        .values({
          runId,
          destination: dir,
          path,
          status: 'ok',
          verifiedAt: at.toISOString(),
          createdAt: at.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    const pruned = await pruneDestination(database.db, dir, { daily: 2, weekly: 0, monthly: 0 }, now);
    expect(pruned).toHaveLength(4);
    const rows = await database.db
      .selectFrom('backupCopies')
      .select(['id', 'path', 'status', 'prunedAt'])
      .where('destination', '=', dir)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.status)).toEqual(['pruned', 'pruned', 'pruned', 'pruned', 'ok', 'ok']);
    for (const r of rows) {
      expect(existsSync(r.path)).toBe(r.status === 'ok');
      expect(existsSync(`${r.path}.manifest.json`)).toBe(r.status === 'ok');
      expect(r.prunedAt !== null).toBe(r.status === 'pruned');
    }
    expect(await pruneDestination(database.db, dir, { daily: 2, weekly: 0, monthly: 0 }, now)).toEqual([]);
  });

  it('starts a run in the background and refuses a second one while it runs, or without configuration', async () => {
    const config = testBackupConfig([tempDir()]);
    const { runId } = await startBackup(database, config, school.adminId);
    await expect(startBackup(database, config, school.adminId)).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'backupRunning',
    });
    await backgroundRuns();
    const run = (await runsOf(database)).find((r) => r.id === runId)!;
    expect(run).toMatchObject({ status: 'ok', trigger: 'manual', requestedBy: school.adminId });
    await expect(startBackup(database, { ...config, key: null }, school.adminId)).rejects.toMatchObject({
      messageKey: 'backupNotConfigured',
    });
    const keyFile = join(config.dirs[0]!, 'backup.key');
    await expect(startBackup(database, { ...config, keyFile }, school.adminId)).rejects.toMatchObject({
      messageKey: 'backupKeyInDestination',
    });
    const status = await backupStatus(database.db, { ...config, keyFile });
    expect(status.problems.join(' ')).toContain('отдельно от копий');
    expect(status.runs[0]).toMatchObject({ id: runId, status: 'ok' });
  }, 60_000);
});
