import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database, Engine } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { scanTable } from './read-tables.ts';
import { rowLine, type Snapshot, TableChecksum } from './summary.ts';
import { listTables, schemaVersion } from './tables.ts';

/** The first record of an export: what it is and which schema its rows follow. */
export interface ExportStart {
  format: 'otmetka-data';
  version: 1;
  schemaVersion: string;
}

/** Bytes collected before they go out as one chunk. */
const chunkBytes = 256 * 1024;

/**
 * A consistent export of every table as JSON lines: a start record, per table a header
 * `{table, columns}` and its rows as arrays, then the Snapshot as the trailer. SQLite is read from
 * an online backup copy in a temporary file (removed afterwards); PostgreSQL in one repeatable-read
 * read-only transaction. `summary` settles when the stream has ended (or rejects with its error).
 */
export function exportDatabase(database: Database): {
  chunks: AsyncIterable<Uint8Array>;
  summary: Promise<Snapshot>;
} {
  let settle!: { resolve: (s: Snapshot) => void; reject: (e: unknown) => void };
  const summary = new Promise<Snapshot>((resolve, reject) => {
    settle = { resolve, reject };
  });
  summary.catch(() => {});
  const chunks = channel<Uint8Array>(async (put) => {
    try {
      settle.resolve(await withConsistentView(database, (db, engine) => writeAll(db, engine, put)));
    } catch (error) {
      settle.reject(error);
      throw error;
    }
  });
  return { chunks, summary };
}

async function writeAll(
  db: Kysely<DB>,
  engine: Engine,
  put: (chunk: Uint8Array) => Promise<void>,
): Promise<Snapshot> {
  let lines: string[] = [];
  let size = 0;
  const flush = async () => {
    if (lines.length === 0) return;
    const chunk = Buffer.from(`${lines.join('\n')}\n`);
    lines = [];
    size = 0;
    await put(chunk);
  };
  const write = async (line: string) => {
    lines.push(line);
    size += line.length;
    if (size >= chunkBytes) await flush();
  };
  const version = await schemaVersion(db);
  const start: ExportStart = { format: 'otmetka-data', version: 1, schemaVersion: version };
  await write(JSON.stringify(start));
  const tables = [];
  for (const table of await listTables(db, engine)) {
    await write(JSON.stringify({ table: table.name, columns: table.columns }));
    const sum = new TableChecksum(table.name);
    await scanTable(db, engine, table, async (rows) => {
      for (const row of rows) {
        const line = rowLine(row);
        sum.add(line);
        await write(line);
      }
    });
    tables.push(sum.summary());
  }
  const snapshot: Snapshot = { schemaVersion: version, tables };
  await write(JSON.stringify(snapshot));
  await flush();
  return snapshot;
}

/** Runs `read` on a view of the database that no concurrent write changes. */
async function withConsistentView<T>(
  database: Database,
  read: (db: Kysely<DB>, engine: Engine) => Promise<T>,
): Promise<T> {
  if (database.engine === 'postgres') {
    return database.db
      .withoutPlugins()
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute((trx) => read(trx, 'postgres'));
  }
  if (!database.sqlite) throw new Error('SQLite database without its connection');
  const dir = mkdtempSync(join(tmpdir(), 'otmetka-export-'));
  try {
    const file = join(dir, 'copy.db');
    // better-sqlite3 copies 100 pages per turn of the event loop: teachers' writes go on meanwhile.
    await database.sqlite.backup(file);
    const copy = new Kysely<DB>({
      dialect: new SqliteDialect({ database: new SQLite(file, { readonly: true }) }),
    });
    try {
      return await read(copy, 'sqlite');
    } finally {
      await copy.destroy();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * An async iterable fed by `produce`, one item at a time: `put` resolves when the consumer has
 * asked for the next item (backpressure) and rejects once the consumer stopped early.
 */
export function channel<T>(produce: (put: (item: T) => Promise<void>) => Promise<void>): AsyncIterable<T> {
  return {
    async *[Symbol.asyncIterator]() {
      const stop = () => new Error('Экспорт прерван: данные больше не читаются');
      const state = {
        offered: null as Offer<T> | null,
        current: null as Offer<T> | null,
        wake: null as (() => void) | null,
        finished: false,
        failure: null as { error: unknown } | null,
        stopped: false,
      };
      const put = (item: T) =>
        new Promise<void>((taken, refused) => {
          if (state.stopped) return refused(stop());
          state.offered = { item, taken, refused };
          state.wake?.();
        });
      const end = (failure: { error: unknown } | null) => {
        state.failure = failure;
        state.finished = true;
        state.wake?.();
      };
      const running = produce(put).then(
        () => end(null),
        (error: unknown) => end({ error }),
      );
      try {
        for (;;) {
          const offer = state.offered;
          if (offer) {
            state.offered = null;
            state.current = offer;
            yield offer.item;
            state.current = null;
            offer.taken();
          } else if (state.finished) {
            if (state.failure) throw state.failure.error;
            return;
          } else {
            await new Promise<void>((resolve) => {
              state.wake = resolve;
            });
            state.wake = null;
          }
        }
      } finally {
        if (!state.finished) {
          state.stopped = true;
          (state.current ?? state.offered)?.refused(stop());
          await running;
        }
      }
    },
  };
}

interface Offer<T> {
  item: T;
  taken: () => void;
  refused: (error: Error) => void;
}
