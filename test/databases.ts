import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';

/** A database engine tests run on: a fresh migrated SQLite file, or the shared PostgreSQL. */
export interface TestEngine {
  name: 'sqlite' | 'postgres';
  url(): string;
  open(): Promise<Database>;
}

const pgUrl = process.env.TEST_DATABASE_URL;
if (process.env.CI === 'true' && !pgUrl) {
  throw new Error('CI=true requires TEST_DATABASE_URL: PostgreSQL tests are not skipped in CI');
}

function sqliteFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'otmetka-test-')), 'test.db');
}

let pgMigrated: Promise<unknown> | undefined;

/** SQLite always; PostgreSQL when TEST_DATABASE_URL is set (required with CI=true). */
export function engines(): TestEngine[] {
  const list: TestEngine[] = [
    {
      name: 'sqlite',
      url: sqliteFile,
      async open() {
        const database = openDatabase(sqliteFile());
        await migrateToLatest(database);
        return database;
      },
    },
  ];
  if (pgUrl) {
    list.push({
      name: 'postgres',
      url: () => pgUrl,
      async open() {
        const database = openDatabase(pgUrl, { poolSize: 4 });
        pgMigrated ??= migrateToLatest(database);
        await pgMigrated;
        return database;
      },
    });
  }
  return list;
}

/** A database of its own, empty but migrated (for first-run tests); drop it with `close`. */
export async function freshDatabase(engine: TestEngine): Promise<Database> {
  if (engine.name === 'sqlite') return engine.open();
  const admin = openDatabase(pgUrl!, { poolSize: 1 });
  const name = `otmetka_fresh_${process.pid}_${Date.now()}`;
  const { sql } = await import('kysely');
  await sql.raw(`create database ${name}`).execute(admin.db);
  const url = new URL(pgUrl!);
  url.pathname = `/${name}`;
  const database = openDatabase(url.toString(), { poolSize: 2 });
  await migrateToLatest(database);
  return {
    ...database,
    async close() {
      await database.close();
      await sql.raw(`drop database if exists ${name}`).execute(admin.db);
      await admin.close();
    },
  };
}
