import { setTimeout as delay } from 'node:timers/promises';
import type SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { Migration, MigrationProvider, MigrationResultSet } from 'kysely/migration';
import { Migrator } from 'kysely/migration';
import type { Database, Engine } from './database.ts';
import * as initial from './migrations/0001-initial.ts';
import * as schoolRecords from './migrations/0002-school-records.ts';
import * as journal from './migrations/0003-journal.ts';
import * as diary from './migrations/0004-diary.ts';
import * as reports from './migrations/0005-reports.ts';
import * as reportIndexes from './migrations/0006-report-indexes.ts';
import * as paper from './migrations/0007-paper.ts';
import * as backups from './migrations/0008-backups.ts';
import * as auditChain from './migrations/0009-audit-chain.ts';
import * as twoFactor from './migrations/0010-two-factor.ts';
import * as signInHistory from './migrations/0011-sign-in-history.ts';
import * as sessionLock from './migrations/0012-session-lock.ts';
import * as personalData from './migrations/0013-personal-data.ts';
import * as leases from './migrations/0014-leases.ts';
import * as offlineChanges from './migrations/0015-offline-changes.ts';
import * as diaryVersions from './migrations/0016-diary-versions.ts';
import * as support from './migrations/0017-support.ts';
import * as regulations from './migrations/0018-regulations.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was when they were written
type MigrationModule = { up(db: Kysely<any>, engine: Engine): Promise<void> };

/** Every migration in order; a new one is added here with the next number. */
const modules: Record<string, MigrationModule> = {
  '0001-initial': initial,
  '0002-school-records': schoolRecords,
  '0003-journal': journal,
  '0004-diary': diary,
  '0005-reports': reports,
  '0006-report-indexes': reportIndexes,
  '0007-paper': paper,
  '0008-backups': backups,
  '0009-audit-chain': auditChain,
  '0010-two-factor': twoFactor,
  '0011-sign-in-history': signInHistory,
  '0012-session-lock': sessionLock,
  '0013-personal-data': personalData,
  '0014-leases': leases,
  '0015-offline-changes': offlineChanges,
  '0016-diary-versions': diaryVersions,
  '0017-support': support,
  '0018-regulations': regulations,
};

function provider(engine: Engine): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(modules)) out[name] = { up: (db) => m.up(db, engine) };
      return out;
    },
  };
}

/** How long `migrate` waits for another process migrating the same SQLite file. */
const sqliteLockWaitMs = 10 * 60_000;

/** A database migrated by a newer Otmetka: this code does not know one of its migrations. */
export class DatabaseTooNewError extends Error {
  /** The same in English (logs, tests). */
  readonly english: string;
  constructor(readonly migration: string) {
    super(
      `База данных обновлена более новой версией Отметки (миграция ${migration}); эта версия её не знает. Обновите Отметку.`,
    );
    this.name = 'DatabaseTooNewError';
    this.english = `The database was upgraded by a newer Otmetka (migration ${migration}); this version does not know it. Upgrade Otmetka.`;
  }
}

/**
 * Brings the schema up to date, once even when several processes start together. Migrations only
 * go forward: a database that has a migration this code does not know is refused with
 * `DatabaseTooNewError` and left untouched.
 *
 * PostgreSQL: Kysely's Migrator holds an advisory lock and runs all pending migrations in one
 * transaction. SQLite: Kysely takes no lock there, so the whole run (its bookkeeping tables
 * included) happens inside `BEGIN IMMEDIATE`, SQLite's write lock, taken before the migration
 * state is read; other processes (and other handles in this one) wait for it, polling without
 * blocking the event loop, then find nothing left to do. The run commits as a whole or not at
 * all, and a process killed mid-way leaves its lock to the operating system.
 */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({ db: database.db, provider: provider(database.engine) });
  const run = () => migrator.migrateToLatest();
  const { error, results } = database.sqlite ? await underWriteLock(database.sqlite, run) : await run();
  if (error) {
    const unknown = await unknownMigration(database);
    if (unknown) throw new DatabaseTooNewError(unknown);
    throw error instanceof Error ? error : new Error(String(error));
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Runs a migration under SQLite's write lock: committed if it reports no error, else rolled back. */
async function underWriteLock(sqlite: SQLite.Database, run: () => Promise<MigrationResultSet>) {
  await beginImmediate(sqlite);
  let outcome: MigrationResultSet;
  try {
    outcome = await run();
  } catch (error) {
    sqlite.exec('ROLLBACK');
    throw error;
  }
  sqlite.exec(outcome.error ? 'ROLLBACK' : 'COMMIT');
  return outcome;
}

/** `BEGIN IMMEDIATE`, retried while another connection writes (busy), up to `sqliteLockWaitMs`. */
async function beginImmediate(sqlite: SQLite.Database): Promise<void> {
  const deadline = Date.now() + sqliteLockWaitMs;
  const busyTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 0');
  try {
    for (;;) {
      try {
        sqlite.exec('BEGIN IMMEDIATE');
        return;
      } catch (error) {
        const busy = (error as { code?: string }).code?.startsWith('SQLITE_BUSY');
        if (!busy || Date.now() > deadline) throw error;
        await delay(20);
      }
    }
  } finally {
    sqlite.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

/** The first applied migration this code does not know, if the migration table says so. */
async function unknownMigration(database: Database): Promise<string | undefined> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      database.db,
    );
    return rows.map((r) => r.name).find((name) => !Object.hasOwn(modules, name));
  } catch {
    return undefined;
  }
}

/** The migrations this code knows that the database has not applied yet (readiness checks). */
export async function pendingMigrations(database: Database): Promise<string[]> {
  const migrator = new Migrator({ db: database.db, provider: provider(database.engine) });
  const migrations = await migrator.getMigrations();
  return migrations.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
