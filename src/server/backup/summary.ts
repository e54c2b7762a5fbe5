import { createHash } from 'node:crypto';

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

/** Why an export could not be loaded or does not match; the message is for people (Russian). */
export class SnapshotError extends Error {
  constructor(
    readonly code: 'not-empty' | 'schema-version' | 'schema' | 'format' | 'mismatch',
    message: string,
  ) {
    super(message);
    this.name = 'SnapshotError';
  }
}

/** A value as an export carries it: null, a number, a string, or bytes as `{ b64 }`. */
export type CanonicalValue = null | number | string | { b64: string };

/** The engine-neutral form of a column value read from SQLite or PostgreSQL. */
export function canonicalValue(value: unknown): CanonicalValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return { b64: Buffer.from(value).toString('base64') };
  throw new Error(`Неизвестный тип значения в базе: ${typeof value}`);
}

/** A row's canonical JSON: the line an export writes and the text its hash is taken of. */
export function rowLine(values: readonly unknown[]): string {
  return JSON.stringify(values.map(canonicalValue));
}

/** Accumulates a table's checksum row by row; the order of rows does not matter. */
export class TableChecksum {
  /** The sum of the rows' SHA-256 digests mod 2^256, as eight big-endian 32-bit limbs. */
  private readonly sum = new Uint32Array(8);
  rows = 0;

  constructor(readonly name: string) {}

  /** Adds one row given as its canonical JSON line. */
  add(line: string): void {
    const digest = createHash('sha256').update(line).digest();
    let carry = 0;
    for (let i = 7; i >= 0; i--) {
      const total = this.sum[i]! + digest.readUInt32BE(i * 4) + carry;
      this.sum[i] = total >>> 0;
      carry = total > 0xffffffff ? 1 : 0;
    }
    this.rows += 1;
  }

  /** The table's row count and checksum so far. */
  summary(): TableSummary {
    const hex = [...this.sum].map((limb) => limb.toString(16).padStart(8, '0')).join('');
    const framed = `${this.name}\n${this.rows}\n${hex}`;
    return { name: this.name, rows: this.rows, checksum: createHash('sha256').update(framed).digest('hex') };
  }
}

/** Where two snapshots disagree, one line per table in Russian (empty: they match). */
export function differences(expected: Snapshot, actual: Snapshot): string[] {
  const out: string[] = [];
  if (expected.schemaVersion !== actual.schemaVersion)
    out.push(`версия схемы ${actual.schemaVersion} вместо ${expected.schemaVersion}`);
  const actualByName = new Map(actual.tables.map((t) => [t.name, t]));
  const expectedNames = new Set(expected.tables.map((t) => t.name));
  for (const want of expected.tables) {
    const got = actualByName.get(want.name);
    if (!got) out.push(`${want.name}: таблицы нет`);
    else if (got.rows !== want.rows) out.push(`${want.name}: строк ${got.rows} вместо ${want.rows}`);
    else if (got.checksum !== want.checksum) out.push(`${want.name}: контрольная сумма не совпадает`);
  }
  for (const extra of actual.tables)
    if (!expectedNames.has(extra.name)) out.push(`${extra.name}: лишняя таблица (строк ${extra.rows})`);
  return out;
}
