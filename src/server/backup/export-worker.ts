import { once } from 'node:events';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from '../db/schema.ts';
import { writeAll } from './export-lines.ts';

// Exports the SQLite database (workerData.source) off the server's thread, through a connection
// of its own holding one read transaction: WAL gives it a snapshot of one moment while teachers'
// writes go on unblocked, and nothing is written to disk meanwhile (a copy's writes would make
// their commits wait on the file system). Linux applies this niceness to the worker thread alone.
const port = parentPort!;
const { source } = workerData as { source: string };
try {
  setPriority(19);
} catch {}

const handle = new SQLite(source, { fileMustExist: true });
handle.pragma('busy_timeout = 5000');
handle.pragma('query_only = on');
const reader = new Kysely<DB>({ dialect: new SqliteDialect({ database: handle }) });
try {
  handle.exec('begin');
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
  handle.exec('commit');
  port.postMessage({ done });
} finally {
  await reader.destroy();
}
