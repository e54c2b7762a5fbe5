import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type Engine, openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { progressBar } from '../src/server/seed/progress.ts';
import { seedDemoSchool } from '../src/server/seed/seed-demo-school.ts';

/** A database made for one bench run, seeded with the demo school; `drop` removes it. */
export interface BenchDatabase {
  /** What the server gets as `DATABASE_URL`. */
  url: string;
  engine: Engine;
  /** e.g. `SQLite 3.50.4` or `PostgreSQL 15.20`. */
  version: string;
  seedMs: number;
  drop(): Promise<void>;
}

async function createPostgres(
  serverUrl: string,
  name: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/**
 * An empty scratch database for one benchmark: a new database on the PostgreSQL server when one
 * is given, else a SQLite file in a temporary folder; `drop` removes it.
 */
export async function scratchDatabase(
  postgresServer: string | undefined,
  label: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  if (postgresServer) return createPostgres(postgresServer, `otmetka_${label}_${process.pid}`);
  const dir = await mkdtemp(join(tmpdir(), `otmetka-${label}-`));
  return { url: join(dir, 'bench.db'), drop: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Creates a fresh database (a SQLite file in a temp dir, or `otmetka_bench_<pid>` on the given
 * PostgreSQL server), migrates it and seeds the demo school, timing the seeding.
 * `onCreated` hands over the cleanup as soon as there is something to clean up.
 */
export async function prepareDatabase(
  postgresServer: string | undefined,
  onCreated: (drop: () => Promise<void>) => void,
): Promise<BenchDatabase> {
  const created = await scratchDatabase(postgresServer, 'bench');
  onCreated(created.drop);
  const database = openDatabase(created.url);
  try {
    await migrateToLatest(database);
    const started = performance.now();
    await seedDemoSchool(database.db, { onProgress: progressBar(process.stderr) });
    const seedMs = performance.now() - started;
    const query =
      database.engine === 'postgres'
        ? sql<{
            v: string;
          }>`select 'PostgreSQL ' || split_part(current_setting('server_version'), ' ', 1) as v`
        : sql<{ v: string }>`select 'SQLite ' || sqlite_version() as v`;
    const version = (await query.execute(database.db)).rows[0]?.v ?? database.engine;
    return { url: created.url, engine: database.engine, version, seedMs, drop: created.drop };
  } finally {
    await database.close();
  }
}
