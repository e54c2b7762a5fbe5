import type { ChangeResult, OfflineChange } from '../../contract/offline.ts';
import type { Conflict, Queued } from './device-db.ts';

/** A change as the page makes it: what it sets and the base it saw; the queue adds id, seq and times. */
export type Draft = OfflineChange extends infer C
  ? C extends OfflineChange
    ? Omit<C, 'id' | 'seq' | 'madeAt' | 'checkpointId'>
    : never
  : never;

/** What the queue hands out to a new change. */
export interface Stamp {
  id: string;
  seq: number;
  madeAt: string;
  checkpointId: number;
}

/** What to write to the device: entries to put and seqs to remove. */
export interface Plan {
  put: Queued[];
  remove: number[];
}

type Base =
  | Extract<OfflineChange, { kind: 'mark' }>['base']
  | Extract<OfflineChange, { kind: 'attendance' }>['base'];

/** The base a later change of the same cell takes from the server's cell (null: empty). */
export function baseOf(kind: OfflineChange['kind'], cell: unknown): unknown {
  if (kind === 'attendanceTaken') return undefined;
  if (kind === 'lessonPage') return cell ?? undefined;
  if (!cell || typeof cell !== 'object') return null;
  const c = cell as { value: string; version: number };
  return { value: c.value, version: c.version } as Base;
}

function withBase(change: OfflineChange, base: unknown): OfflineChange {
  if (change.kind === 'attendanceTaken' || base === undefined) return change;
  if (change.kind === 'lessonPage') {
    // The page's base holds what the device saw of the fields it changes.
    const seen = base as Record<string, unknown>;
    const next = { ...change.base } as Record<string, unknown>;
    for (const f of Object.keys(next)) if (f in seen) next[f] = seen[f];
    return { ...change, base: next as typeof change.base };
  }
  return { ...change, base } as OfflineChange;
}

/**
 * The newer change of a cell in place of an older waiting one: the older base stays; a page keeps
 * the older change's fields the newer one does not set (each change sets only the fields edited).
 */
function replacing(change: OfflineChange, older: OfflineChange): OfflineChange {
  if (change.kind === 'lessonPage' && older.kind === 'lessonPage') {
    const { id: _id, seq: _seq, madeAt: _madeAt, checkpointId: _checkpoint, base, ...fields } = older;
    return { ...fields, ...change, base: { ...change.base, ...base } };
  }
  return 'base' in older ? withBase(change, older.base) : change;
}

/**
 * Adds a change to the queue. A waiting change of the same cell not yet on its way is replaced (the
 * newest value goes, with the base the older one had, at its own time and place in the order); a
 * conflict of the cell is settled by it (the teacher typed over it: the server's value is the base).
 * «Attendance taken» is queued once per lesson.
 */
export function planEnqueue(
  queue: readonly Queued[],
  sending: ReadonlySet<number>,
  where: { courseId: number; place: string },
  cellKey: string,
  draft: Draft,
  stamp: Stamp,
): Plan {
  const same = queue.filter((q) => q.cellKey === cellKey);
  if (draft.kind === 'attendanceTaken' && same.some((q) => q.state === 'waiting'))
    return { put: [], remove: [] };
  const remove: number[] = [];
  let change = { ...draft, ...stamp } as OfflineChange;
  for (const q of same) {
    if (q.state === 'conflict') {
      remove.push(q.seq);
      change = withBase(change, baseOf(q.change.kind, q.conflict?.server?.cell ?? null));
    } else if (!sending.has(q.seq)) {
      remove.push(q.seq);
      change = replacing(change, q.change);
    }
  }
  return { put: [{ seq: stamp.seq, change, ...where, cellKey, state: 'waiting', conflict: null }], remove };
}

/** Whether the server already holds exactly what the change sets (sent before, its answer lost). */
export function sameAsServer(change: OfflineChange, conflict: Conflict): boolean {
  if (conflict.reason !== 'cellChanged' || !conflict.server) return false;
  const cell = conflict.server.cell as Record<string, unknown> | null;
  if (change.kind === 'mark') {
    if (change.value === '') return cell === null;
    return cell?.value === change.value && (cell.comment ?? null) === (change.comment ?? null);
  }
  if (change.kind === 'attendance') {
    if (change.value === null) return cell === null;
    return cell?.value === change.value && (change.reason === undefined || cell.reason === change.reason);
  }
  if (change.kind === 'lessonPage' && cell) {
    // The page's base names the fields the change sets.
    const set = change as Record<string, unknown>;
    const fields = Object.keys(change.base);
    return fields.length > 0 && fields.every((f) => (set[f] ?? null) === (cell[f] ?? null));
  }
  return false;
}

/** The cell an answer leaves on the server: the applied cell, or the first answer's for a repeat. */
export function outcomeOf(
  result: ChangeResult,
): { applied: true; cell: unknown } | { applied: false; conflict: Conflict } | null {
  if (result.status === 'applied') return { applied: true, cell: result.cell ?? null };
  if (result.status === 'conflict') return { applied: false, conflict: result };
  if (result.status === 'duplicate') {
    const first = result.first as ChangeResult;
    if (first.status === 'applied') return { applied: true, cell: first.cell ?? null };
    if (first.status === 'conflict') return { applied: false, conflict: first };
  }
  return null;
}

/** Later waiting changes of a cell whose earlier change was applied take its result as their base. */
export function rebase(queue: readonly Queued[], done: Queued, cell: unknown): Queued[] {
  const change = done.change;
  // A lesson page's answer may carry no fields: what it set is what the server now holds.
  const base =
    change.kind === 'lessonPage'
      ? {
          ...Object.fromEntries(Object.keys(change.base).map((f) => [f, change[f as keyof typeof change]])),
          ...((cell as object | null) ?? {}),
        }
      : baseOf(change.kind, cell);
  if (base === undefined) return [];
  return queue
    .filter((q) => q.cellKey === done.cellKey && q.seq > done.seq && q.state === 'waiting')
    .map((q) => ({ ...q, change: withBase(q.change, base) }));
}

/**
 * The teacher keeps their value after a conflict: the same change again as a new one (new id, next
 * seq; the time it was made stays) over the server's value, with the reason the edit window asks
 * for where it asked.
 */
export function planKeepMine(entry: Queued, stamp: Stamp, editReason?: string): Plan {
  const { id: _id, seq: _seq, madeAt: _madeAt, checkpointId: _checkpoint, ...draft } = entry.change;
  let change = { ...draft, ...stamp } as OfflineChange;
  change = withBase(change, baseOf(change.kind, entry.conflict?.server?.cell ?? null));
  if (editReason) change = { ...change, editReason } as OfflineChange;
  return {
    put: [{ ...entry, seq: stamp.seq, change, state: 'waiting', conflict: null }],
    remove: [entry.seq],
  };
}

/**
 * The next changes to send, oldest first: only the first waiting change of each cell, as the server
 * checks each change's base against the cell and a later change's base is known only from the answer
 * to the earlier one (a change typed while the earlier was on its way waits for that answer).
 */
export function nextBatch(queue: readonly Queued[], max: number): Queued[] {
  const cells = new Set<string>();
  const batch: Queued[] = [];
  for (const q of queue) {
    if (batch.length >= max) break;
    if (q.state !== 'waiting' || cells.has(q.cellKey)) continue;
    cells.add(q.cellKey);
    batch.push(q);
  }
  return batch;
}

/**
 * A refused change: kept for the teacher to decide, unless a later change of the cell waits behind
 * it; that one goes on in its place (with the refused one's fields of a page it does not set), so
 * the teacher decides once, on the latest value, if the server refuses it too.
 */
export function planRefused(queue: readonly Queued[], entry: Queued, conflict: Conflict): Plan {
  const later = queue.find((q) => q.cellKey === entry.cellKey && q.seq > entry.seq && q.state === 'waiting');
  if (!later) return { put: [{ ...entry, state: 'conflict', conflict }], remove: [] };
  return { put: [{ ...later, change: replacing(later.change, entry.change) }], remove: [entry.seq] };
}
