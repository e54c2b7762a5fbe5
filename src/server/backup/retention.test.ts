import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DatedCopy, type Keep, toPrune } from './retention.ts';

/** A local moment from a date written as people read it, «ДД.ММ.ГГГГ ЧЧ:ММ». */
function at(text: string): Date {
  const [day, month, year, hours = 1, minutes = 0] = text.split(/[. :]/).map(Number);
  return new Date(year ?? 0, (month ?? 1) - 1, day, hours, minutes);
}

/** Copies numbered 1, 2, … at the given moments. */
const copiesAt = (moments: string[]): DatedCopy[] => moments.map((m, i) => ({ id: i + 1, at: at(m) }));
/** The moments of the copies retention keeps. */
function keptMoments(moments: string[], keep: Keep, now: string): string[] {
  const pruned = new Set(toPrune(copiesAt(moments), keep, at(now)));
  return moments.filter((_, i) => !pruned.has(i + 1));
}

const standard: Keep = { daily: 7, weekly: 4, monthly: 12 };

describe('retention, by example', () => {
  it('keeps 7 daily, 4 weekly and 12 monthly copies of nightly backups since 01.09.2025', () => {
    const nights: string[] = [];
    for (let d = new Date(2025, 8, 1, 1); d <= new Date(2026, 10, 29, 1); d.setDate(d.getDate() + 1)) {
      nights.push(`${d.getDate()}.${d.getMonth() + 1}.${d.getFullYear()} 01:00`);
    }
    expect(keptMoments(nights, standard, '29.11.2026 10:00')).toEqual([
      '31.12.2025 01:00',
      '31.1.2026 01:00',
      '28.2.2026 01:00',
      '31.3.2026 01:00',
      '30.4.2026 01:00',
      '31.5.2026 01:00',
      '30.6.2026 01:00',
      '31.7.2026 01:00',
      '31.8.2026 01:00',
      '30.9.2026 01:00',
      '31.10.2026 01:00',
      '8.11.2026 01:00',
      '15.11.2026 01:00',
      '22.11.2026 01:00',
      '23.11.2026 01:00',
      '24.11.2026 01:00',
      '25.11.2026 01:00',
      '26.11.2026 01:00',
      '27.11.2026 01:00',
      '28.11.2026 01:00',
      '29.11.2026 01:00',
    ]);
  });

  it('counts the week of 29.12.2025–04.01.2026 as one week (Monday first) across the New Year', () => {
    const moments = ['28.12.2025 01:00', '30.12.2025 01:00', '03.01.2026 01:00', '05.01.2026 01:00'];
    expect(keptMoments(moments, { daily: 1, weekly: 2, monthly: 0 }, '05.01.2026 12:00')).toEqual([
      '03.01.2026 01:00',
      '05.01.2026 01:00',
    ]);
    expect(keptMoments(moments, { daily: 0, weekly: 0, monthly: 2 }, '05.01.2026 12:00')).toEqual([
      '30.12.2025 01:00',
      '05.01.2026 01:00',
    ]);
  });

  it('keeps the newest of several copies of one day (the night’s and one made by hand)', () => {
    const moments = ['31.08.2026 01:00', '01.09.2026 01:00', '01.09.2026 14:30'];
    expect(keptMoments(moments, standard, '01.09.2026 18:00')).toEqual([
      '31.08.2026 01:00',
      '01.09.2026 14:30',
    ]);
  });

  it('after backups stopped for weeks, the first new one does not delete the older dailies', () => {
    const moments = ['01.10.2026', '02.10.2026', '03.10.2026', '04.10.2026', '05.10.2026', '06.10.2026'];
    const all = [...moments, '07.10.2026', '20.11.2026'];
    expect(keptMoments(all, standard, '20.11.2026 02:00')).toEqual(all.slice(1));
  });

  it('with nothing to keep, keeps the newest copy; copies dated after now are kept', () => {
    const moments = ['01.11.2026', '02.11.2026', '03.11.2026', '30.11.2026'];
    expect(keptMoments(moments, { daily: 0, weekly: 0, monthly: 0 }, '03.11.2026 12:00')).toEqual([
      '03.11.2026',
      '30.11.2026',
    ]);
    expect(toPrune([], standard, new Date())).toEqual([]);
  });
});

const now = new Date(2026, 10, 29, 10, 0);
/** Copies over two years, denser in the last weeks and months (where the rules differ most). */
const minutesBack = 2 * 365 * 24 * 60;
const copiesArb = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 14 * 1440 }),
      fc.integer({ min: 0, max: 120 * 1440 }),
      fc.integer({ min: 0, max: minutesBack }),
    ),
    { maxLength: 80 },
  )
  .map((offsets) => offsets.map((m, i) => ({ id: i + 1, at: new Date(now.getTime() - m * 60_000) })));
const keepArb = fc.record({
  daily: fc.integer({ min: 0, max: 10 }),
  weekly: fc.integer({ min: 0, max: 6 }),
  monthly: fc.integer({ min: 0, max: 14 }),
});
const kept = (copies: DatedCopy[], keep: Keep) => {
  const pruned = new Set(toPrune(copies, keep, now));
  return copies.filter((c) => !pruned.has(c.id));
};
const newestOf = (copies: DatedCopy[]) =>
  [...copies].sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id)[0];
const midnight = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate());
/** Whole local days from `d` to now (0: today). */
const daysBack = (d: Date) => Math.round((midnight(now).getTime() - midnight(d).getTime()) / 86_400_000);
const sameDay = (a: Date, b: Date) => daysBack(a) === daysBack(b);
/** Whole ISO weeks from `d`'s week to now's (0: this week). */
const weeksBack = (d: Date) => {
  const monday = (x: Date) => new Date(x.getFullYear(), x.getMonth(), x.getDate() - ((x.getDay() + 6) % 7));
  return Math.round((monday(now).getTime() - monday(d).getTime()) / (7 * 86_400_000));
};

describe('retention, properties', () => {
  it('never prunes the newest copy, and prunes only copies it was given, once each', () => {
    fc.assert(
      fc.property(copiesArb, keepArb, (copies, keep) => {
        const pruned = toPrune(copies, keep, now);
        const newest = newestOf(copies);
        if (newest) expect(pruned).not.toContain(newest.id);
        expect(new Set(pruned).size).toBe(pruned.length);
        for (const id of pruned) expect(copies.some((c) => c.id === id)).toBe(true);
      }),
    );
  });

  it('never keeps more than daily + weekly + monthly copies (at least the newest)', () => {
    fc.assert(
      fc.property(copiesArb, keepArb, (copies, keep) => {
        const limit = Math.max(1, keep.daily + keep.weekly + keep.monthly);
        expect(kept(copies, keep).length).toBeLessThanOrEqual(Math.min(limit, copies.length));
      }),
    );
  });

  it('prunes nothing more when applied again to what it kept', () => {
    fc.assert(
      fc.property(copiesArb, keepArb, (copies, keep) => {
        expect(toPrune(kept(copies, keep), keep, now)).toEqual([]);
      }),
    );
  });

  it('keeps a copy of the last `daily` days that has no newer copy the same day', () => {
    fc.assert(
      fc.property(copiesArb, keepArb, (copies, keep) => {
        const survivors = new Set(kept(copies, keep).map((c) => c.id));
        for (const copy of copies) {
          const newestThatDay = !copies.some(
            (o) =>
              sameDay(o.at, copy.at) &&
              (o.at > copy.at || (o.at.getTime() === copy.at.getTime() && o.id > copy.id)),
          );
          if (daysBack(copy.at) < keep.daily && newestThatDay) expect(survivors.has(copy.id)).toBe(true);
        }
      }),
    );
  });

  it('with dailies only, keeps exactly the newest copy of each of the `daily` latest days with copies', () => {
    fc.assert(
      fc.property(copiesArb, fc.integer({ min: 1, max: 10 }), (copies, daily) => {
        const days = [...new Set(copies.map((c) => daysBack(c.at)))].sort((a, b) => a - b).slice(0, daily);
        const expected = days.flatMap(
          (day) => newestOf(copies.filter((c) => daysBack(c.at) === day))?.id ?? [],
        );
        const survivors = kept(copies, { daily, weekly: 0, monthly: 0 }).map((c) => c.id);
        const ascending = (ids: number[]) => [...ids].sort((a, b) => a - b);
        expect(ascending(survivors)).toEqual(ascending(expected));
      }),
    );
  });

  it('keeps the newest copy of each of the last `weekly` weeks', () => {
    fc.assert(
      fc.property(copiesArb, keepArb, (copies, keep) => {
        const survivors = new Set(kept(copies, keep).map((c) => c.id));
        for (let week = 0; week < keep.weekly; week++) {
          const newest = newestOf(copies.filter((c) => weeksBack(c.at) === week));
          if (newest) expect(survivors.has(newest.id)).toBe(true);
        }
      }),
    );
  });

  it('keeps every copy it kept before when asked to keep more', () => {
    fc.assert(
      fc.property(copiesArb, keepArb, keepArb, (copies, a, b) => {
        const more = {
          daily: Math.max(a.daily, b.daily),
          weekly: Math.max(a.weekly, b.weekly),
          monthly: Math.max(a.monthly, b.monthly),
        };
        const survivors = new Set(kept(copies, more).map((c) => c.id));
        for (const c of kept(copies, a)) expect(survivors.has(c.id)).toBe(true);
      }),
    );
  });

  it('keeps copies dated after now and does not count them', () => {
    fc.assert(
      fc.property(copiesArb, keepArb, fc.integer({ min: 1, max: 5 }), (copies, keep, extra) => {
        const future = Array.from({ length: extra }, (_, i) => ({
          id: 1000 + i,
          at: new Date(now.getTime() + (i + 1) * 3_600_000),
        }));
        const pruned = toPrune([...copies, ...future], keep, now);
        for (const f of future) expect(pruned).not.toContain(f.id);
        expect(pruned.filter((id) => id < 1000).length).toBeLessThanOrEqual(
          toPrune(copies, keep, now).length,
        );
      }),
    );
  });
});
