import type { attendanceCell, markCell, periodMarkCell } from '../../contract/journal.ts';

/** A cell as the client sees it: a mark, an attendance entry or a period mark. */
export type AnyCell =
  | ReturnType<typeof markCell.parse>
  | ReturnType<typeof attendanceCell.parse>
  | ReturnType<typeof periodMarkCell.parse>;

/**
 * Someone saved the cell first: the route answers 409 with what is stored now (null: empty).
 * Thrown inside a transaction, it rolls the whole write back.
 */
export class CellConflict extends Error {
  constructor(readonly current: AnyCell | null) {
    super('cell conflict');
    this.name = 'CellConflict';
  }
}

/** A stored row of a cell: its id, version and whether it is soft-deleted. */
export interface StoredCell {
  id: number;
  version: number;
  deletedAt: string | null;
}

/** What saving a cell does, from the rows stored and the version the client last saw. */
export type CellWrite =
  | { kind: 'conflict' }
  | { kind: 'none' }
  | { kind: 'insert' }
  | { kind: 'revive'; id: number; version: number }
  | { kind: 'update'; id: number; version: number }
  | { kind: 'clear'; id: number; version: number };

/**
 * Decides the write: the live row must be at the version the client saw (null: it saw the cell
 * empty). Setting an empty cell revives its soft-deleted row, so the cell keeps one id; clearing
 * an empty cell does nothing.
 */
export function planCellWrite(
  rows: readonly StoredCell[],
  seen: number | null,
  clearing: boolean,
): CellWrite {
  const live = rows.find((r) => r.deletedAt === null);
  if (live) {
    if (seen !== live.version) return { kind: 'conflict' };
    return clearing
      ? { kind: 'clear', id: live.id, version: live.version }
      : { kind: 'update', id: live.id, version: live.version };
  }
  if (seen !== null) return { kind: 'conflict' };
  if (clearing) return { kind: 'none' };
  const dead = [...rows].sort((a, b) => b.id - a.id)[0];
  return dead ? { kind: 'revive', id: dead.id, version: dead.version } : { kind: 'insert' };
}

/** A conditional write found a row at another version than read: someone saved it meanwhile. */
export class StaleWrite extends Error {
  constructor() {
    super('stale write');
    this.name = 'StaleWrite';
  }
}

/** Whether an error is a unique-constraint violation (PostgreSQL 23505, SQLite's constraint code). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Runs a cell's write; when a save sent at the same moment inserted the cell first (the live
 * unique index refuses the second row) or changed it (StaleWrite), answers the conflict with what
 * is stored now.
 */
export async function writeOrConflict<T>(
  write: () => Promise<T>,
  current: () => Promise<AnyCell | null>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error) || error instanceof StaleWrite) throw new CellConflict(await current());
    throw error;
  }
}
