import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { BackupConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { lockForTransaction } from '../db/locks.ts';
import type { BackupCopyStatus, BackupTrigger, DB } from '../db/schema.ts';
import { AppError } from '../http/app-error.ts';
import { otmetkaVersion } from '../print/archive-manifest.ts';
import { alertBackupFailed } from './backup-alerts.ts';
import {
  copyBackup,
  describeFileError,
  destinationProblem,
  freeBackupName,
  removeBackup,
} from './backup-files.ts';
import { keyFileDestination } from './backup-status.ts';
import { parseBackupKey, writeBackupFile } from './container.ts';
import { writeManifest } from './manifest.ts';
import { toPrune } from './retention.ts';
import { schemaVersionOf } from './scratch.ts';
import { exportDatabase, type Snapshot } from './snapshot.ts';
import { messageOf, verifyBackupFiles } from './verify-copy.ts';

/** What one run did, copy by copy. */
export interface BackupOutcome {
  runId: number;
  status: 'ok' | 'failed';
  fileName: string | null;
  copies: { destination: string; path: string; status: BackupCopyStatus; error: string | null }[];
  error: string | null;
}

/** How a run is made: a run already claimed (the scheduler's slot), and the clock. */
export interface RunOptions {
  /** A `running` row inserted by the caller (a claimed slot, or `startBackup`). */
  runId?: number;
  now?: () => Date;
}

type Copy = BackupOutcome['copies'][number];

/** The key alone (reading and restoring need no destination), or a 409 saying what is wrong. */
export function keyOf(config: BackupConfig): Buffer {
  if (config.key === null) throw new AppError('conflict', 'backupNoKey');
  try {
    return parseBackupKey(config.key);
  } catch {
    throw new AppError('conflict', 'backupBadKey');
  }
}

/** The key, or a 409 saying what is missing: no key, no destination, or the key kept among the copies. */
export function backupKey(config: BackupConfig): Buffer {
  if (config.key === null || config.dirs.length === 0) throw new AppError('conflict', 'backupNotConfigured');
  const dir = keyFileDestination(config);
  if (dir !== null)
    throw new AppError('conflict', 'backupKeyInDestination', { file: config.keyFile ?? '', dir });
  return keyOf(config);
}

/** Inserts a `running` run; a scheduled one with its slot (unique: a second insert fails). */
export async function insertRun(
  db: Kysely<DB>,
  run: { trigger: BackupTrigger; requestedBy: number | null; slot?: string | null; at: Date },
): Promise<number> {
  const row = await db
    .insertInto('backupRuns')
    .values({
      trigger: run.trigger,
      slot: run.slot ?? null,
      requestedBy: run.requestedBy,
      status: 'running',
      startedAt: run.at.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes the export into the first destination that takes it; the others' failures are recorded. */
async function writeFirst(database: Database, config: BackupConfig, key: Buffer, name: string, at: Date) {
  const failed: Copy[] = [];
  const header = {
    format: 'otmetka-backup/1' as const,
    createdAt: at.toISOString(),
    engine: database.engine,
    otmetkaVersion,
    schemaVersion: (await schemaVersionOf(database)) ?? '',
  };
  for (const dir of config.dirs) {
    const path = join(dir, name);
    const problem = await destinationProblem(dir);
    if (problem !== null) {
      failed.push({ destination: dir, path, status: 'failed', error: problem });
      continue;
    }
    const { chunks, summary } = exportDatabase(database);
    summary.catch(() => {});
    let written: { bytes: number; sha256: string };
    try {
      written = await writeBackupFile(path, key, header, chunks);
    } catch (e) {
      // A system call that failed (no directory, no room, no rights) is the destination's fault.
      if ((e as NodeJS.ErrnoException).syscall === undefined) throw e;
      failed.push({ destination: dir, path, status: 'failed', error: describeFileError(dir, e) });
      continue;
    }
    const snapshot = await summary;
    await writeManifest(path, {
      format: 'otmetka-backup-manifest/1',
      file: name,
      createdAt: header.createdAt,
      engine: header.engine,
      otmetkaVersion,
      schemaVersion: snapshot.schemaVersion,
      bytes: written.bytes,
      sha256: written.sha256,
      tables: snapshot.tables.map((t) => ({ name: t.name, rows: t.rows })),
    });
    return { source: { dir, path }, written, snapshot, failed };
  }
  return { source: null, written: null, snapshot: null, failed };
}

async function recordCopy(db: Kysely<DB>, runId: number, copy: Copy, at: Date): Promise<void> {
  const iso = at.toISOString();
  await db
    .insertInto('backupCopies')
    .values({
      runId,
      destination: copy.destination,
      path: copy.path,
      status: copy.status,
      verifiedAt: copy.status === 'ok' ? iso : null,
      error: copy.error,
      createdAt: iso,
    })
    .execute();
}

/**
 * Applies retention to one destination: of its verified copies, those `toPrune` picks lose their
 * file and manifest and are marked `pruned` (the rows stay). Answers the pruned paths.
 */
export async function pruneDestination(
  db: Kysely<DB>,
  destination: string,
  keep: BackupConfig['keep'],
  now: Date,
): Promise<string[]> {
  const copies = await db
    .selectFrom('backupCopies')
    .select(['id', 'path', 'createdAt'])
    .where('destination', '=', destination)
    .where('status', '=', 'ok')
    .execute();
  const prune = new Set(
    toPrune(
      copies.map((c) => ({ id: c.id, at: new Date(c.createdAt) })),
      keep,
      now,
    ),
  );
  const pruned: string[] = [];
  for (const copy of copies.filter((c) => prune.has(c.id))) {
    await removeBackup(copy.path);
    await db
      .updateTable('backupCopies')
      .set({ status: 'pruned', prunedAt: now.toISOString() })
      .where('id', '=', copy.id)
      .execute();
    pruned.push(copy.path);
  }
  return pruned;
}

/** Writes, copies and verifies; answers the copies and what the export held. */
async function makeCopies(database: Database, config: BackupConfig, key: Buffer, name: string, at: Date) {
  const first = await writeFirst(database, config, key, name, at);
  const copies: Copy[] = [...first.failed];
  if (first.source === null || first.snapshot === null) return { first, copies };
  const written: { dir: string; path: string }[] = [first.source];
  for (const dir of config.dirs) {
    if (dir === first.source.dir || copies.some((c) => c.destination === dir)) continue;
    const path = join(dir, name);
    const problem = await destinationProblem(dir);
    if (problem !== null) {
      copies.push({ destination: dir, path, status: 'failed', error: problem });
      continue;
    }
    try {
      written.push({ dir, path: await copyBackup(first.source.path, dir) });
    } catch (e) {
      copies.push({ destination: dir, path, status: 'failed', error: describeFileError(dir, e) });
    }
  }
  const checks = await verifyBackupFiles(
    written.map((c) => c.path),
    key,
    { databaseUrl: database.url, scratchDir: config.scratchDir, expected: first.snapshot },
  );
  for (const [i, copy] of written.entries()) {
    const problems = checks[i]?.problems ?? [];
    const error = problems.length > 0 ? `Копия не прошла проверку: ${problems.join('; ')}` : null;
    copies.push({ destination: copy.dir, path: copy.path, status: error ? 'failed' : 'ok', error });
  }
  copies.sort((a, b) => config.dirs.indexOf(a.destination) - config.dirs.indexOf(b.destination));
  return { first, copies };
}

function totals(snapshot: Snapshot | null) {
  if (snapshot === null) return { tableCount: null, rowCount: null };
  return {
    tableCount: snapshot.tables.length,
    rowCount: snapshot.tables.reduce((sum, t) => sum + t.rows, 0),
  };
}

/**
 * Makes one backup of the whole installation: a consistent export, encrypted, written to every
 * destination, each copy verified by a restore into a scratch database and a comparison of every
 * table's row count and checksum; then retention prunes each destination. Records the run and its
 * copies; alerts the administrators when it fails. A run is `ok` only when every destination got
 * a verified copy: a missing or failing destination fails the run, naming that destination.
 */
export async function runBackup(
  database: Database,
  config: BackupConfig,
  trigger: BackupTrigger,
  requestedBy: number | null,
  options: RunOptions = {},
): Promise<BackupOutcome> {
  const now = options.now ?? (() => new Date());
  const db = database.db;
  const key = backupKey(config);
  const at = now();
  const runId = options.runId ?? (await insertRun(db, { trigger, requestedBy, at }));
  let outcome: BackupOutcome;
  try {
    const name = await freeBackupName(config.dirs, at);
    const { first, copies } = await makeCopies(database, config, key, name, at);
    const finished = now();
    for (const copy of copies) await recordCopy(db, runId, copy, finished);
    const failures = copies.filter((c) => c.status !== 'ok').map((c) => `${c.destination}: ${c.error}`);
    const error = failures.length > 0 ? failures.join('\n') : null;
    await db
      .updateTable('backupRuns')
      .set({
        status: error ? 'failed' : 'ok',
        fileName: first.source ? name : null,
        bytes: first.written?.bytes ?? null,
        sha256: first.written?.sha256 ?? null,
        ...totals(first.snapshot),
        error,
        finishedAt: finished.toISOString(),
      })
      .where('id', '=', runId)
      .execute();
    for (const dir of new Set(copies.filter((c) => c.status === 'ok').map((c) => c.destination))) {
      await pruneDestination(db, dir, config.keep, finished);
    }
    outcome = { runId, status: error ? 'failed' : 'ok', fileName: first.source ? name : null, copies, error };
  } catch (e) {
    const error = `Резервная копия не создана: ${messageOf(e)}`;
    await db
      .updateTable('backupRuns')
      .set({ status: 'failed', error, finishedAt: now().toISOString() })
      .where('id', '=', runId)
      .execute();
    outcome = { runId, status: 'failed', fileName: null, copies: [], error };
  }
  if (outcome.status === 'failed') {
    await alertBackupFailed(db, { runId, errors: outcome.error?.split('\n') ?? [] }, now()).catch((e) =>
      console.error('backup alert:', messageOf(e)),
    );
  }
  return outcome;
}

const running = new Set<Promise<unknown>>();

/** Settles when every run started in the background by this process has finished. */
export async function backgroundRuns(): Promise<void> {
  await Promise.allSettled([...running]);
}

/** Runs `work` in the background, kept until it ends; its errors are logged, never unhandled. */
export function inBackground(work: () => Promise<unknown>): void {
  const task = work().catch((e) => console.error('backup:', messageOf(e)));
  running.add(task);
  void task.finally(() => running.delete(task));
}

/** Hours after which a `running` run is taken for one its process left behind. */
export const abandonedAfterHours = 6;

/** Marks runs left `running` since before `before` as interrupted; answers how many. */
export async function markInterrupted(db: Kysely<DB>, before: Date, now: Date): Promise<number> {
  const result = await db
    .updateTable('backupRuns')
    .set({
      status: 'interrupted',
      finishedAt: now.toISOString(),
      error: 'Прервана: процесс Отметки остановился',
    })
    .where('status', '=', 'running')
    .where('startedAt', '<', before.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Starts a run in the background (the admin UI's «Создать копию сейчас») and answers its id at
 * once; refuses with `backupRunning` (409) while another run is going, `backupNotConfigured` (409)
 * when there is no key or no destination.
 */
export async function startBackup(
  database: Database,
  config: BackupConfig,
  requestedBy: number,
  options: Omit<RunOptions, 'runId'> = {},
): Promise<{ runId: number }> {
  backupKey(config);
  const now = options.now ?? (() => new Date());
  const at = now();
  const runId = await database.db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, 'backup-run');
    await markInterrupted(trx, new Date(at.getTime() - abandonedAfterHours * 3600_000), at);
    const busy = await trx
      .selectFrom('backupRuns')
      .select('id')
      .where('status', '=', 'running')
      .executeTakeFirst();
    if (busy) throw new AppError('conflict', 'backupRunning');
    return insertRun(trx, { trigger: 'manual', requestedBy, at });
  });
  inBackground(() => runBackup(database, config, 'manual', requestedBy, { ...options, runId }));
  return { runId };
}
