import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { withScratchSqlite } from './scratch.ts';
import type { Snapshot } from './summary.ts';
import { loadAndCompare } from './verify-copy.ts';

// Restores one backup file into a scratch SQLite database and compares it, off the server's
// thread: loading and migrating SQLite are synchronous calls that would hold teachers' writes
// back for tens of milliseconds at a time. Linux applies this niceness to the worker thread alone.
const { file, key, scratchDir, expected } = workerData as {
  file: string;
  key: Uint8Array;
  scratchDir: string | null;
  expected?: Snapshot;
};
try {
  setPriority(19);
} catch {}
const check = await withScratchSqlite(scratchDir, (scratch) =>
  loadAndCompare(scratch, file, Buffer.from(key), expected),
);
parentPort!.postMessage(check);
