import type { Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';
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

/** Brings the schema up to date; on PostgreSQL, Kysely's lock makes concurrent runs safe. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({ db: database.db, provider: provider(database.engine) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The migrations this code knows that the database has not applied yet (readiness checks). */
export async function pendingMigrations(database: Database): Promise<string[]> {
  const migrator = new Migrator({ db: database.db, provider: provider(database.engine) });
  const migrations = await migrator.getMigrations();
  return migrations.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
