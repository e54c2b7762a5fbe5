import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CamelCasePlugin,
  type Compilable,
  CompiledQuery,
  Kysely,
  type LogEvent,
  PostgresDialect,
  type SqliteDatabase,
  SqliteDialect,
} from 'kysely';
import pg from 'pg';
import { observeQuery } from '../http/metrics.ts';
import type { DB } from './schema.ts';

/** Which engine a database runs on; the only place the two are told apart. */
export type Engine = 'sqlite' | 'postgres';

/** An open database with its engine. */
export interface Database {
  db: Kysely<DB>;
  /**
   * Where diary and report reads go: the read replica (`DATABASE_READ_URL`) when one is set, else
   * `db` itself. Writes, sessions and the teacher's journal always use `db`.
   */
  reads: Kysely<DB>;
  /** The replica's address when one is set; null: `reads` is the primary. */
  readUrl: string | null;
  engine: Engine;
  /** The address it was opened with (`postgres://…` or the SQLite file's path). */
  url: string;
  /** SQLite only: the connection itself (online backup, pragmas); null on PostgreSQL. */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

/** Parses `DATABASE_URL`: `postgres://…` is PostgreSQL, anything else a SQLite file path. */
export function engineOf(url: string): Engine {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    // date stays 'YYYY-MM-DD', timestamptz becomes ISO-8601 like SQLite's text, int8 a number.
    if (oid === 1082) return (v: string) => v;
    if (oid === 1184 || oid === 1114) return (v: string) => new Date(v).toISOString();
    if (oid === 20) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
};

/**
 * Opens SQLite (WAL, foreign keys, durable commits) or PostgreSQL, with camelCase names; with
 * `readUrl`, also the read replica (same engine, same pool size), closed together with the primary.
 */
export function openDatabase(
  url: string,
  options: { poolSize?: number; readUrl?: string | null } = {},
): Database {
  const readUrl = options.readUrl ?? null;
  if (readUrl !== null && engineOf(readUrl) !== engineOf(url)) {
    throw new Error('DATABASE_READ_URL: the read replica must run on the same engine as DATABASE_URL');
  }
  const primary = openOne(url, options.poolSize);
  if (readUrl === null) return { ...primary, reads: primary.db, readUrl: null };
  // A SQLite replica is a copy kept by someone else (e.g. Litestream): a missing file is a wrong
  // path, never an empty database to create.
  let replica: OneDatabase;
  try {
    replica = openOne(readUrl, options.poolSize, true);
  } catch (error) {
    void primary.close();
    throw error;
  }
  return {
    ...primary,
    reads: replica.db,
    readUrl: replica.url,
    close: async () => {
      await Promise.all([primary.close(), replica.close()]);
    },
  };
}

type OneDatabase = Omit<Database, 'reads' | 'readUrl'>;

function openOne(url: string, poolSize = 10, mustExist = false): OneDatabase {
  const plugins = [new CamelCasePlugin()];
  // Every query's duration feeds otmetka_db_query_duration_seconds (/metrics).
  const engine = engineOf(url);
  const log = (event: LogEvent) => observeQuery(engine, event.queryDurationMillis);
  if (engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes });
    // An idle connection the server ends (a restart, a dropped scratch database) leaves the pool;
    // unheard, the pool's 'error' event would end the process.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins, log });
    return { db, engine: 'postgres', url, sqlite: null, close: () => db.destroy() };
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  if (file !== ':memory:' && !mustExist) mkdirSync(dirname(file), { recursive: true });
  // A replica (mustExist) is opened read-only: a write sent to it by mistake fails, as it would
  // on a PostgreSQL standby, instead of changing the copy.
  const sqlite = new SQLite(file, { fileMustExist: mustExist, readonly: mustExist });
  if (!mustExist) {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
  }
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: cachingStatements(sqlite) }),
    plugins,
    log,
  });
  return { db, engine: 'sqlite', url: file, sqlite, close: () => db.destroy() };
}

/** How many prepared statements a SQLite connection keeps, the least recently used dropped first. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The SQLite handle as Kysely sees it, with `prepare` answering one prepared statement per SQL
 * text (a bounded LRU) instead of compiling the same SQL again for every query. A statement still
 * being iterated (`busy`) is not handed out twice: a fresh one is prepared for that call.
 */
export function cachingStatements(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached) {
        if (cached.busy) return sqlite.prepare(sql);
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}

/**
 * A hot query built and compiled once per engine instead of on every call: `build` gets
 * placeholders for the parameters (`params[i]`), and the returned function runs the kept SQL
 * with the real values. Result rows still pass the plugins (camelCase names).
 */
export function compiledOnce<Params extends unknown[], Row>(
  build: (db: Kysely<DB>, ...params: Params) => Compilable<Row>,
): (db: Kysely<DB>, ...params: Params) => Promise<Row[]> {
  const kept = new WeakMap<object, { sql: string; slots: (number | { value: unknown })[] }>();
  return async (db, ...params) => {
    const adapter = db.getExecutor().adapter;
    let compiled = kept.get(adapter);
    if (!compiled) {
      const marks = params.map((_, i) => Symbol(`param ${i}`));
      const query = build(db, ...(marks as unknown as Params)).compile();
      const slots = query.parameters.map((value) => {
        const i = marks.indexOf(value as symbol);
        return i >= 0 ? i : { value };
      });
      compiled = { sql: query.sql, slots };
      kept.set(adapter, compiled);
    }
    const values = compiled.slots.map((slot) => (typeof slot === 'number' ? params[slot] : slot.value));
    const result = await db.executeQuery<Row>(CompiledQuery.raw(compiled.sql, values));
    return result.rows;
  };
}
