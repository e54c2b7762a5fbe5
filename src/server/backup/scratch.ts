import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { type Database, engineOf, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

/** The newest migration applied to a database (`0008-backups`…), or null before any. */
export async function schemaVersionOf(database: Database): Promise<string | null> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`
    .execute(database.db)
    .catch(() => ({ rows: [] as { name: string }[] }));
  return rows[0]?.name ?? null;
}

let codeVersion: Promise<string> | undefined;

/** The schema version this Otmetka migrates to (found by migrating an in-memory database once). */
export function codeSchemaVersion(): Promise<string> {
  codeVersion ??= (async () => {
    const memory = openDatabase(':memory:');
    try {
      await migrateToLatest(memory);
      return (await schemaVersionOf(memory)) ?? '';
    } finally {
      await memory.close();
    }
  })();
  return codeVersion;
}

/** A PostgreSQL address with another database name. */
export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Runs `use` with an empty database migrated to the latest schema and removes it afterwards,
 * even when `use` fails: on SQLite a temporary file (under `scratchDir` or the system's temp
 * directory), on PostgreSQL a database `otmetka_verify_<random>` on the server of `url`.
 */
export async function withScratchDatabase<T>(
  url: string,
  scratchDir: string | null,
  use: (scratch: Database) => Promise<T>,
): Promise<T> {
  if (engineOf(url) === 'postgres') return withScratchPostgres(url, use);
  return withScratchSqlite(scratchDir, use);
}

/** A PostgreSQL role that may not create databases: verification falls back to a SQLite scratch. */
export class NoCreateDatabase extends Error {}

/** Runs `use` with a migrated temporary SQLite database under `scratchDir` (or the temp directory). */
export async function withScratchSqlite<T>(
  scratchDir: string | null,
  use: (scratch: Database) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(scratchDir ?? tmpdir(), 'otmetka-verify-'));
  try {
    const scratch = openDatabase(join(dir, 'scratch.db'));
    try {
      // A scratch file is thrown away: no journal on disk, no waiting for the disk at commits
      // (whose flushes would also hold back the live database's).
      scratch.sqlite?.pragma('journal_mode = memory');
      scratch.sqlite?.pragma('synchronous = off');
      await migrateToLatest(scratch);
      return await use(scratch);
    } finally {
      await scratch.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Drops a database once the connections just closed have gone (a pool's `end` resolves before
 * its sockets are closed, and forcing them off would fail those clients); by force at last.
 */
export async function dropDatabase(admin: Database, name: string): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    try {
      await sql.raw(`drop database if exists ${name}`).execute(admin.db);
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== '55006') throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
}

async function withScratchPostgres<T>(url: string, use: (scratch: Database) => Promise<T>): Promise<T> {
  const name = `otmetka_verify_${randomBytes(6).toString('hex')}`;
  const admin = openDatabase(url, { poolSize: 1 });
  try {
    await sql
      .raw(`create database ${name}`)
      .execute(admin.db)
      .catch((e: { code?: string; message?: string }) => {
        if (e.code === '42501') throw new NoCreateDatabase(e.message);
        throw e;
      });
    try {
      const scratch = openDatabase(withDatabaseName(url, name), { poolSize: 2 });
      try {
        await migrateToLatest(scratch);
        return await use(scratch);
      } finally {
        await scratch.close();
      }
    } finally {
      await dropDatabase(admin, name);
    }
  } finally {
    await admin.close();
  }
}
