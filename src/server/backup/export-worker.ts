import { once } from 'node:events';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from '../db/schema.ts';
import { writeAll } from './export-lines.ts';

// Copies the SQLite database (workerData.source) into workerData.copy and posts its export, all
// off the server's thread. Linux applies this niceness to the worker thread alone.
const port = parentPort!;
const { source, copy } = workerData as { source: string; copy: string };
try {
  setPriority(19);
} catch {}

const live = new SQLite(source, { fileMustExist: true });
try {
  live.pragma('busy_timeout = 5000');
  // All pages in one step: one read transaction (WAL: writers go on), so no write restarts the copy.
  await live.backup(copy, { progress: () => 0x7fffffff });
} finally {
  live.close();
}

const handle = new SQLite(copy, { readonly: true });
const reader = new Kysely<DB>({ dialect: new SqliteDialect({ database: handle }) });
try {
  const done = await writeAll(
    reader,
    'sqlite',
    async (chunk) => {
      const own = new Uint8Array(chunk);
      port.postMessage({ chunk: own }, [own.buffer]);
      await once(port, 'message');
    },
    handle,
  );
  port.postMessage({ done });
} finally {
  await reader.destroy();
}
