import { localDateTime } from './timeliness.ts';

/** A remark's state: open (written or sent back), fixed (the teacher says so), closed (accepted). */
export type RemarkState = 'open' | 'fixed' | 'closed';

/** The state from a remark's stamps: closed wins, then fixed, else open. */
export function remarkState(r: { fixedAt: string | null; closedAt: string | null }): RemarkState {
  if (r.closedAt !== null) return 'closed';
  return r.fixedAt !== null ? 'fixed' : 'open';
}

/**
 * The text of a remark sent back: the old text, an empty line, then «ДД.ММ.ГГГГ: reason», the day
 * being the school's (`timeZone`, UTC when not given).
 */
export function returnedText(text: string, reason: string | undefined, on: Date, timeZone = 'UTC'): string {
  if (!reason) return text;
  const [y, m, d] = localDateTime(on.getTime(), timeZone).date.split('-');
  return `${text}\n\n${d}.${m}.${y}: ${reason}`;
}

/** One teacher's remarks by state. */
export interface RemarkCounts {
  teacherId: number;
  teacher: string;
  total: number;
  open: number;
  fixed: number;
  closed: number;
}

/**
 * Counts remarks per teacher of the course: each remark once, under its state now; total = open +
 * fixed + closed. Most open first, then most fixed, then the name in Russian order.
 */
export function countByTeacher(
  items: readonly { teacherId: number; teacher: string; status: RemarkState }[],
): RemarkCounts[] {
  const by = new Map<number, RemarkCounts>();
  for (const r of items) {
    const entry = by.get(r.teacherId) ?? {
      teacherId: r.teacherId,
      teacher: r.teacher,
      total: 0,
      open: 0,
      fixed: 0,
      closed: 0,
    };
    entry.total += 1;
    entry[r.status] += 1;
    by.set(r.teacherId, entry);
  }
  return [...by.values()].sort(
    (a, b) => b.open - a.open || b.fixed - a.fixed || a.teacher.localeCompare(b.teacher, 'ru'),
  );
}
