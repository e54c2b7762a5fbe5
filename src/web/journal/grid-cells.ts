import type { z } from 'zod';
import type { attendanceCell, markCell, periodMarkCell } from '../../contract/journal.ts';
import { attendanceGlyph } from './cell-values.ts';

/** Where a cell's latest value stands: on the server, on its way, waiting for the network, refused, or clashing. */
export type CellStatus = 'saved' | 'saving' | 'pending' | 'error' | 'conflict';

type MarkCell = z.infer<typeof markCell>;
/** An attendance entry as the server stores it. */
export type AttendanceCell = z.infer<typeof attendanceCell>;
type PeriodCell = z.infer<typeof periodMarkCell>;
/** A cell as the server answers it. */
export type ServerCell = MarkCell | AttendanceCell | PeriodCell;

/** What the server holds now, shown on a conflict. */
export interface Current {
  value: string;
  comment: string | null;
  version: number | null;
}

/** One saved thing: a mark, an attendance entry or a period mark, with its saving state. */
export interface Entity {
  readonly key: string;
  readonly kind: 'mark' | 'attendance' | 'periodMark';
  /** As shown: the mark, the absence glyph (н б уп оп) or the period mark; '' when empty. */
  value: string;
  comment: string | null;
  /** The version the next save sends (null: the client saw the cell empty). */
  version: number | null;
  /** What the server held at that version ('' when empty): an offline change's base. */
  base: string;
  status: CellStatus;
  message: string | null;
  current: Current | null;
}

/** What a server cell shows in the grid (null: empty). */
export function shown(kind: Entity['kind'], cell: ServerCell | null): Current {
  if (!cell) return { value: '', comment: null, version: null };
  if (kind === 'attendance') {
    const a = cell as AttendanceCell;
    return { value: attendanceGlyph(a.value, a.reason), comment: null, version: a.version };
  }
  return { value: cell.value, comment: 'comment' in cell ? cell.comment : null, version: cell.version };
}
