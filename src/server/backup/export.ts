import type { Database } from '../db/database.ts';
import { writeAll } from './export-lines.ts';
import type { Snapshot } from './summary.ts';
import { startTsWorker } from './ts-worker.ts';

/**
 * A consistent export of every table as JSON lines (see export-lines.ts). SQLite: a worker thread
 * reads and hashes one read transaction of its own connection (a WAL snapshot; see
 * export-worker.ts), so that the server's own thread stays free for teachers' writes;
 * PostgreSQL: one repeatable-read read-only transaction. `summary` settles when the stream has ended (or rejects with its error).
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
      settle.resolve(
        database.engine === 'postgres' ? await fromPostgres(database, put) : await fromSqlite(database, put),
      );
    } catch (error) {
      settle.reject(error);
      throw error;
    }
  });
  return { chunks, summary };
}

function fromPostgres(database: Database, put: (chunk: Uint8Array) => Promise<void>): Promise<Snapshot> {
  return database.db
    .withoutPlugins()
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute((trx) => writeAll(trx, 'postgres', put));
}

async function fromSqlite(database: Database, put: (chunk: Uint8Array) => Promise<void>): Promise<Snapshot> {
  if (!database.sqlite) throw new Error('SQLite database without its connection');
  return inWorker(database.url, put);
}

/** Reads the database in export-worker.ts; each chunk is acknowledged once `put` took it (backpressure). */
function inWorker(source: string, put: (chunk: Uint8Array) => Promise<void>): Promise<Snapshot> {
  return new Promise((resolve, reject) => {
    const worker = startTsWorker(new URL('./export-worker.ts', import.meta.url), { source });
    let result: Snapshot | null = null;
    worker.on('message', (message: { chunk?: Uint8Array; done?: Snapshot }) => {
      if (message.done) {
        result = message.done;
        return;
      }
      put(message.chunk!).then(
        () => worker.postMessage('next'),
        (error: unknown) => {
          void worker.terminate();
          reject(error);
        },
      );
    });
    worker.on('error', reject);
    worker.on('exit', () => (result ? resolve(result) : reject(new Error('Выгрузка данных прервалась'))));
  });
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
