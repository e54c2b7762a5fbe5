import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Engine } from '../db/database.ts';
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
 * Writes the export's JSON lines through `put` in chunks: a start record, per table a header
 * `{table, columns}` and its rows as arrays, then the Snapshot as the trailer, which it returns.
 */
export async function writeAll(
  db: Kysely<DB>,
  engine: Engine,
  put: (chunk: Uint8Array) => Promise<void>,
  copy?: SQLite.Database,
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
    await scanTable(
      db,
      engine,
      table,
      async (rows) => {
        for (const row of rows) {
          const line = rowLine(row);
          sum.add(line);
          await write(line);
        }
      },
      copy,
    );
    tables.push(sum.summary());
  }
  const snapshot: Snapshot = { schemaVersion: version, tables };
  await write(JSON.stringify(snapshot));
  await flush();
  return snapshot;
}
