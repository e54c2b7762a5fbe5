import type { Database } from '../db/database.ts';

/** One table's row count and content checksum (independent of row order and of the engine). */
export interface TableSummary {
  name: string;
  rows: number;
  /** Hex SHA-256 over the table's name, its row count and the sum of its rows' hashes. */
  checksum: string;
}

/** What a database holds, table by table, at one schema version. */
export interface Snapshot {
  /** The newest migration applied, e.g. `0008-backups`. */
  schemaVersion: string;
  tables: TableSummary[];
}

/**
 * A consistent export of every table (SQLite: from an online backup copy; PostgreSQL: one
 * repeatable-read transaction) as a byte stream, never holding the event loop for long; `summary`
 * settles when the stream has ended, with what it carried.
 */
export function exportDatabase(_database: Database): {
  chunks: AsyncIterable<Uint8Array>;
  summary: Promise<Snapshot>;
} {
  throw new Error('not implemented');
}

/**
 * Loads an export into an empty database migrated to the same schema version, in one
 * transaction; checks that what was loaded matches the summary the stream carries and returns it.
 */
export async function loadDatabase(_target: Database, _chunks: AsyncIterable<Uint8Array>): Promise<Snapshot> {
  throw new Error('not implemented');
}

/** The row counts and checksums of every table of a database as it is now. */
export async function summarize(_database: Database): Promise<Snapshot> {
  throw new Error('not implemented');
}

/** Where two snapshots disagree, one line per table (empty: they match). */
export function differences(_expected: Snapshot, _actual: Snapshot): string[] {
  throw new Error('not implemented');
}
