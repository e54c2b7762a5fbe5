/**
 * Backups (issue #8): `npx tsx bench/backup.ts [--use <seeded db>] [--database postgres://…]
 * [--runs 3]`. On the demo school with a whole year of journals, makes a whole backup (export,
 * gzip + AES-GCM, two destinations, each copy verified by a restore into a scratch database,
 * retention) `runs` times while teachers' writes go on in the same process (a mark changed every
 * 5 ms), and reports the wall time, the export alone, the file size, rows, rows/s, the peak RSS,
 * the writes' waits and the longest event-loop block, and the same writes for 20 s with no backup
 * (on a shared machine other processes alone delay some writes by tens of ms). `npm run bench`
 * runs it through `benchBackup`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { newBackupKey } from '../src/server/backup/container.ts';
import { runBackup } from '../src/server/backup/run-backup.ts';
import { exportDatabase } from '../src/server/backup/snapshot.ts';
import { readConfig } from '../src/server/config.ts';
import { type Database, openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { percentile, startTeacherWrites } from '../test/teacher-writes.ts';
import type { Measurement } from './load.ts';
import { seedPrintSchool } from './print.ts';

/** No teacher's write may wait longer than this while a backup runs (issue #8, SQLite). */
export const backupWriteTargetMs = 50;

const median = (values: number[]) => percentile(values, 0.5);
/** How long the writes run alone first, to tell the machine's own noise from the backup's. */
const baselineSeconds = 20;
const over = (waits: number[]) => waits.filter((w) => w > backupWriteTargetMs).length;

/** Drains an export into nothing: the time to read, hash and serialize every table. */
async function timeExport(database: Database): Promise<{ ms: number; bytes: number; rows: number }> {
  const started = performance.now();
  const { chunks, summary } = exportDatabase(database);
  let bytes = 0;
  for await (const chunk of chunks) bytes += chunk.length;
  const rows = (await summary).tables.reduce((sum, t) => sum + t.rows, 0);
  return { ms: performance.now() - started, bytes, rows };
}

/** One whole backup under the write load: its wall time, file, rows, and what the writes saw. */
async function timeBackup(database: Database, markIds: number[], dirs: string[], key: string) {
  const config = readConfig({
    BACKUP_DIRS: dirs.join(','),
    BACKUP_KEY: key,
    BACKUP_SCHEDULER: 'false',
  }).backup;
  const load = startTeacherWrites(database.db, markIds);
  const started = performance.now();
  const outcome = await runBackup(database, config, 'cli', null);
  const ms = performance.now() - started;
  const writes = await load.stop();
  if (outcome.status !== 'ok') throw new Error(`backup failed: ${outcome.error}`);
  const run = await database.db
    .selectFrom('backupRuns')
    .select(['rowCount', 'bytes'])
    .where('id', '=', outcome.runId)
    .executeTakeFirstOrThrow();
  return { ms, bytes: Number(run.bytes), rows: Number(run.rowCount), writes };
}

/**
 * Makes a whole backup of `url` `runs` times (after an unmeasured export) with teachers' writes
 * going on, and answers the table rows and a summary line.
 */
export async function benchBackup(
  url: string,
  options: { runs: number },
  print: (line: string) => void,
): Promise<{ rows: Measurement[]; lines: string[] }> {
  const database = openDatabase(url);
  const dirs = [
    await mkdtemp(join(tmpdir(), 'otmetka-bench-backup-a-')),
    await mkdtemp(join(tmpdir(), 'otmetka-bench-backup-b-')),
  ];
  try {
    const markIds = (
      await database.db.selectFrom('marks').select('id').where('deletedAt', 'is', null).limit(1000).execute()
    ).map((r) => r.id);
    await timeExport(database);
    const exports: number[] = [];
    let exported = { bytes: 0, rows: 0 };
    for (let i = 0; i < options.runs; i++) {
      const e = await timeExport(database);
      exports.push(e.ms);
      exported = e;
    }
    // The same writes with no backup: what this machine's other work alone costs them.
    const idle = startTeacherWrites(database.db, markIds);
    await new Promise((resolve) => setTimeout(resolve, baselineSeconds * 1000));
    const baseline = await idle.stop();
    const key = newBackupKey();
    const walls: number[] = [];
    const waits: number[] = [];
    const held: number[] = [];
    let errors = 0;
    let maxBlockMs = 0;
    let file = { bytes: 0, rows: 0 };
    let peakRss = process.memoryUsage.rss();
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, 20);
    try {
      for (let i = 0; i < options.runs; i++) {
        const run = await timeBackup(database, markIds, dirs, key);
        walls.push(run.ms);
        waits.push(...run.writes.waits);
        held.push(...run.writes.delays);
        errors += run.writes.errors.length;
        maxBlockMs = Math.max(maxBlockMs, run.writes.maxBlockMs);
        file = { bytes: run.bytes, rows: run.rows };
      }
    } finally {
      clearInterval(sampler);
    }
    const wall = median(walls);
    const exportMs = median(exports);
    const worst = Math.max(...waits);
    const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
    const line =
      `backup (${database.engine}): ${file.rows} rows, ${mb(exported.bytes)} MiB of JSON lines → ${mb(file.bytes)} MiB file; ` +
      `whole backup ${(wall / 1000).toFixed(1)} s (${Math.round(file.rows / (wall / 1000))} rows/s), export alone ${(exportMs / 1000).toFixed(1)} s (${Math.round(exported.rows / (exportMs / 1000))} rows/s), medians of ${options.runs}; ` +
      `peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB; ${waits.length} teachers' writes meanwhile: p50 ${percentile(waits, 0.5).toFixed(1)} ms, p95 ${percentile(waits, 0.95).toFixed(1)} ms, max ${worst.toFixed(1)} ms, ${over(waits)} over ${backupWriteTargetMs} ms, ${errors} failed; longest wait for the thread ${Math.max(...held).toFixed(1)} ms, longest event-loop block ${maxBlockMs.toFixed(0)} ms (target: no write over ${backupWriteTargetMs} ms)`;
    const base = baseline.waits;
    const baseLine = `backup baseline: ${base.length} writes in ${baselineSeconds} s with no backup: p50 ${percentile(base, 0.5).toFixed(1)} ms, p95 ${percentile(base, 0.95).toFixed(1)} ms, max ${Math.max(...base).toFixed(1)} ms, ${over(base)} over ${backupWriteTargetMs} ms; longest wait for the thread ${Math.max(...baseline.delays).toFixed(1)} ms, longest event-loop block ${baseline.maxBlockMs.toFixed(0)} ms`;
    print(line);
    print(baseLine);
    const rows: Measurement[] = [
      {
        name: `backup: whole (export, encrypt, 2 copies, verify, retention), ${file.rows} rows`,
        p50: wall,
        p95: Math.max(...walls),
        p99: Math.max(...walls),
        rps: null,
        requests: options.runs,
        errors: 0,
        statuses: {},
      },
      {
        name: 'backup: export alone',
        p50: exportMs,
        p95: Math.max(...exports),
        p99: Math.max(...exports),
        rps: null,
        requests: options.runs,
        errors: 0,
        statuses: {},
      },
      {
        name: "backup: a teacher's write during the backup",
        p50: percentile(waits, 0.5),
        p95: percentile(waits, 0.95),
        p99: worst,
        rps: null,
        requests: waits.length,
        errors,
        statuses: errors > 0 ? { failed: errors } : {},
      },
      {
        name: "backup: a teacher's write, no backup (baseline)",
        p50: percentile(base, 0.5),
        p95: percentile(base, 0.95),
        p99: Math.max(...base),
        rps: null,
        requests: base.length,
        errors: baseline.errors.length,
        statuses: baseline.errors.length > 0 ? { failed: baseline.errors.length } : {},
      },
    ];
    return { rows, lines: [line, baseLine] };
  } finally {
    await database.close();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { use: { type: 'string' }, database: { type: 'string' }, runs: { type: 'string' } },
  });
  const drops: Array<() => Promise<void>> = [];
  const print = (line: string) => process.stdout.write(`${line}\n`);
  try {
    let url = values.use;
    if (url && !url.startsWith('postgres') && !existsSync(url)) throw new Error(`--use: no such file ${url}`);
    if (url) {
      const database = openDatabase(url);
      await migrateToLatest(database);
      await database.close();
    } else {
      const seeded = await seedPrintSchool(
        values.database || process.env.BENCH_DATABASE_URL || undefined,
        (d) => drops.push(d),
      );
      url = seeded.url;
      print(`seeded the demo school with a whole year in ${(seeded.seedMs / 1000).toFixed(1)} s`);
    }
    const size = url.startsWith('postgres') ? null : (await stat(url)).size;
    if (size !== null) print(`database file: ${(size / 2 ** 20).toFixed(1)} MiB`);
    await benchBackup(url, { runs: Number(values.runs ?? 3) }, print);
  } finally {
    while (drops.length) await drops.pop()?.();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
