import type { Queued } from '../offline/device-db.ts';
import type { Draft } from '../offline/outbox-rules.ts';
import { attendanceGlyph, glyphAttendance } from './cell-values.ts';

/** What the grid's cells need of the device's queue (the outbox, or a stand-in in unit tests). */
export interface OfflineLink {
  /** Whether a change of this course can be kept on the device now. */
  canQueue(): boolean;
  /** Keeps a cell's change, made at `madeAt`, to be sent when the connection returns. */
  queue(key: string, draft: Draft, madeAt: string): void;
  /** A queued conflict: send the teacher's value again over the server's. */
  keepMine(seq: number, editReason: string | undefined): void;
  /** A queued conflict: drop the teacher's change. */
  takeServer(seq: number): void;
  /** Sends the waiting changes now. */
  syncNow(): void;
}

/** The part of a grid cell a device change is made from. */
export interface CellState {
  key: string;
  kind: 'mark' | 'attendance' | 'periodMark';
  value: string;
  comment: string | null;
  version: number | null;
  /** The value the server held when the cell was loaded or last saved ('' when empty). */
  base: string;
}

/** The change a mark or attendance cell becomes on the device; null for a period mark (online only). */
export function draftOf(e: CellState, editReason: string | null): Draft | null {
  const [, a, b, c] = e.key.split(':').map(Number) as [number, number, number, number];
  const reason = editReason ? { editReason } : {};
  if (e.kind === 'mark') {
    return {
      kind: 'mark',
      lessonId: a,
      studentId: b,
      workKindId: c,
      value: e.value,
      comment: e.comment,
      ...reason,
      base: e.version === null ? null : { value: e.base, version: e.version },
    };
  }
  if (e.kind === 'attendance') {
    const { value, reason: absence } = glyphAttendance(e.value);
    const seen = glyphAttendance(e.base).value;
    return {
      kind: 'attendance',
      lessonId: a,
      studentId: b,
      value,
      reason: absence,
      ...reason,
      base: e.version === null || seen === null ? null : { value: seen, version: e.version },
    };
  }
  return null;
}

/** What a queued change shows in its cell: the value and comment the teacher set. */
export function shownOf(entry: Queued): { value: string; comment: string | null } | null {
  const change = entry.change;
  if (change.kind === 'mark') return { value: change.value, comment: change.comment ?? null };
  if (change.kind === 'attendance')
    return { value: change.value ? attendanceGlyph(change.value, change.reason ?? null) : '', comment: null };
  return null;
}
