/** One backup copy as retention sees it. */
export interface DatedCopy {
  id: number;
  at: Date;
}

/** How many daily, weekly and monthly copies to keep (configuration defaults: 7, 4, 12). */
export interface Keep {
  daily: number;
  weekly: number;
  monthly: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of a moment, `YYYY-MM-DD`. */
function dayOf(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The ISO week (Monday first) of a moment, named by its Monday's local date. */
function weekOf(at: Date): string {
  const monday = new Date(at.getFullYear(), at.getMonth(), at.getDate() - ((at.getDay() + 6) % 7));
  return dayOf(monday);
}

/** The local calendar month of a moment, `YYYY-MM`. */
function monthOf(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}`;
}

const newestFirst = (a: DatedCopy, b: DatedCopy) => b.at.getTime() - a.at.getTime() || b.id - a.id;

/** The newest copy of each of the `count` most recent periods that have copies (input newest first). */
function newestPerPeriod(copies: DatedCopy[], periodOf: (at: Date) => string, count: number): number[] {
  const kept: number[] = [];
  let last: string | null = null;
  for (const copy of copies) {
    const period = periodOf(copy.at);
    if (period === last) continue;
    if (kept.length >= count) break;
    kept.push(copy.id);
    last = period;
  }
  return kept;
}

/**
 * Grandfather-father-son retention: the ids of the copies to delete.
 *
 * Kept are: the newest copy of each of the `daily` most recent calendar days that have copies,
 * of each of the `weekly` most recent ISO weeks (Monday to Sunday) that have copies, and of each
 * of the `monthly` most recent months that have copies — days, weeks and months in local time,
 * each rule on its own (one copy may count for a day, its week and its month). Counting periods
 * that have copies rather than calendar periods back from `now` means that after the backups
 * stopped for a while the older copies are not all deleted by the first one that works again.
 * Always kept: the newest copy, the newest one not after `now`, copies dated after `now` (a clock
 * set back; they are not counted), and copies with an invalid date. Copies pruned once are never asked for again: applied to what
 * it kept, `toPrune` prunes nothing.
 */
export function toPrune(copies: DatedCopy[], keep: Keep, now: Date): number[] {
  const count = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);
  const past = copies.filter((c) => c.at.getTime() <= now.getTime()).sort(newestFirst);
  const kept = new Set<number>([
    ...copies.filter((c) => !(c.at.getTime() <= now.getTime())).map((c) => c.id),
    ...newestPerPeriod(past, dayOf, count(keep.daily)),
    ...newestPerPeriod(past, weekOf, count(keep.weekly)),
    ...newestPerPeriod(past, monthOf, count(keep.monthly)),
  ]);
  const newest = copies.filter((c) => !Number.isNaN(c.at.getTime())).sort(newestFirst)[0];
  for (const copy of [newest, past[0]]) if (copy) kept.add(copy.id);
  return copies.filter((c) => !kept.has(c.id)).map((c) => c.id);
}
