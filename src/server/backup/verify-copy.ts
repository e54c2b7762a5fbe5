import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { readBackupPayload } from './container.ts';
import { checkFileAgainstManifest } from './manifest.ts';
import { NoCreateDatabase, withScratchDatabase } from './scratch.ts';
import { differences, loadDatabase, type Snapshot, summarize } from './snapshot.ts';
import { startTsWorker } from './ts-worker.ts';

/** What a check of a backup file found: no problems means the copy restores and matches. */
export interface CopyCheck {
  problems: string[];
  /** What the file holds, by its trailer (null when it could not be read). */
  snapshot: Snapshot | null;
}

/** Where checks restore into, and what they compare with. */
export interface CheckOptions {
  /** The scratch database is made on this engine (and, for PostgreSQL, this server). */
  databaseUrl: string;
  scratchDir: string | null;
  /** The export's own summary; without it each file is compared with its trailer. */
  expected?: Snapshot;
}

/** An error's message for a person (our errors are already in Russian). */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Empties every table of a scratch PostgreSQL database, so that the next copy loads into it. The
 * audit trail refuses TRUNCATE by trigger; a scratch database is ours to throw away, so its user
 * triggers are switched off for the truncate, in the same transaction.
 */
async function emptyScratch(scratch: Database): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables
    where schemaname = current_schema() and tablename not like 'kysely_migration%'`.execute(scratch.db);
  if (rows.length === 0) return;
  const list = sql.join(rows.map((r) => sql.table(r.name)));
  await scratch.db.transaction().execute(async (trx) => {
    for (const r of rows) await sql`alter table ${sql.table(r.name)} disable trigger user`.execute(trx);
    await sql`truncate table ${list} restart identity cascade`.execute(trx);
    for (const r of rows) await sql`alter table ${sql.table(r.name)} enable trigger user`.execute(trx);
  });
}

/** Loads one file into an empty scratch database and compares it with `expected` (else its trailer). */
export async function loadAndCompare(
  scratch: Database,
  file: string,
  key: Buffer,
  expected?: Snapshot,
): Promise<CopyCheck> {
  try {
    const loaded = await loadDatabase(scratch, readBackupPayload(file, key));
    const actual = await summarize(scratch);
    return { problems: differences(expected ?? loaded, actual), snapshot: loaded };
  } catch (e) {
    return { problems: [messageOf(e)], snapshot: null };
  }
}

/**
 * Checks one file in a scratch SQLite database in a worker thread (verify-worker.ts): the load is
 * synchronous SQLite work that would otherwise hold the server's thread for tens of ms at a time.
 */
function checkInWorker(file: string, key: Buffer, options: CheckOptions): Promise<CopyCheck> {
  return new Promise((resolve) => {
    const worker = startTsWorker(new URL('./verify-worker.ts', import.meta.url), {
      file,
      key,
      scratchDir: options.scratchDir,
      expected: options.expected,
    });
    let check: CopyCheck | null = null;
    const failed = (why: string) =>
      resolve({ problems: [`Проверка восстановлением не выполнена: ${why}`], snapshot: null });
    worker.once('message', (message: CopyCheck) => {
      check = message;
    });
    worker.once('error', (e) => failed(messageOf(e)));
    worker.once('exit', () => (check ? resolve(check) : failed('проверка прервалась')));
  });
}

/**
 * Checks backup files the way a restore would use them: the manifest's size and SHA-256, then
 * every chunk decrypted and authenticated while it is loaded into a scratch database, then every
 * table's row count and checksum compared. On PostgreSQL the files share one scratch database
 * (emptied between them): creating and dropping one takes seconds.
 */
export async function verifyBackupFiles(
  files: string[],
  key: Buffer,
  options: CheckOptions,
): Promise<CopyCheck[]> {
  const checks: CopyCheck[] = [];
  const toLoad: number[] = [];
  for (const [i, file] of files.entries()) {
    const problems = await checkFileAgainstManifest(file);
    checks.push({ problems, snapshot: null });
    if (problems.length === 0) toLoad.push(i);
  }
  if (toLoad.length === 0) return checks;
  const shared = options.databaseUrl.startsWith('postgres');
  const loadInto = async (scratch: Database, i: number, first: boolean) => {
    if (!first) await emptyScratch(scratch);
    checks[i] = await loadAndCompare(scratch, files[i]!, key, options.expected);
  };
  const eachInSqlite = async () => {
    for (const i of toLoad) checks[i] = await checkInWorker(files[i]!, key, options);
  };
  try {
    if (shared) {
      await withScratchDatabase(options.databaseUrl, null, async (scratch) => {
        for (const [n, i] of toLoad.entries()) await loadInto(scratch, i, n === 0);
      }).catch((e) => {
        // Without the right to create a database the copy is restored into SQLite instead: the
        // export is the same on both engines, so it proves the file all the same.
        if (e instanceof NoCreateDatabase) return eachInSqlite();
        throw e;
      });
    } else await eachInSqlite();
  } catch (e) {
    for (const i of toLoad)
      if (checks[i]!.snapshot === null && checks[i]!.problems.length === 0)
        checks[i] = { problems: [`Проверка восстановлением не выполнена: ${messageOf(e)}`], snapshot: null };
  }
  return checks;
}

/** Checks one backup file (see `verifyBackupFiles`). */
export async function verifyBackupFile(file: string, key: Buffer, options: CheckOptions): Promise<CopyCheck> {
  const [check] = await verifyBackupFiles([file], key, options);
  return check!;
}
