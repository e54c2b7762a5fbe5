import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayMonth,
  formatAverage,
  markNumbers,
  mondayOf,
  openingPlace,
  weekdayIndex,
} from './diary-dates.ts';
import { markTone } from './mark-badge.tsx';
import { trendPoints } from './trend-line.tsx';

describe('diary dates and marks', () => {
  it('opens the week at today, else at the next day shown, else at the week’s end', () => {
    const shown = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28'];
    expect(openingPlace('2026-11-23', shown, '2026-11-25')).toBe('2026-11-25');
    // A Sunday without lessons has no card: the end of the week, where «Ознакомлен» is.
    expect(openingPlace('2026-11-23', shown, '2026-11-29')).toBe('end');
    // An empty week shows only some days: the next one shown.
    expect(openingPlace('2026-11-23', ['2026-11-23', '2026-11-27'], '2026-11-24')).toBe('2026-11-27');
    // Another week opens at its top.
    expect(openingPlace('2026-11-16', shown, '2026-11-25')).toBeNull();
    expect(openingPlace('2026-11-30', shown, '2026-11-29')).toBeNull();
  });

  it('finds the Monday of a week and moves by days across months', () => {
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-03-01')).toBe('2026-02-23');
    expect(addDays('2026-11-30', 7)).toBe('2026-12-07');
    expect(addDays('2027-01-04', -7)).toBe('2026-12-28');
    expect(weekdayIndex('2026-11-29')).toBe(6);
    expect(dayMonth('2026-11-05')).toBe('05.11');
  });

  it('writes averages with two places, with a decimal comma in Russian', () => {
    expect(formatAverage(4, 'ru')).toBe('4,00');
    expect(formatAverage(3.456, 'ru')).toBe('3,46');
    expect(formatAverage(3.5, 'en')).toBe('3.50');
    expect(formatAverage(null, 'ru')).toBe('');
  });

  it('counts marks on the trend by their digits and colours them by the first one', () => {
    expect(markNumbers('5/4')).toEqual([5, 4]);
    expect(markNumbers('4-')).toEqual([4]);
    expect(markNumbers('зач')).toEqual([]);
    expect(markTone('5')).toBe('diary-mark-5');
    expect(markTone('3+')).toBe('diary-mark-3');
    expect(markTone('2')).toBe('diary-mark-2');
    expect(markTone('н/а')).toBe('diary-mark-other');
  });

  it('draws 5 at the top and 2 at the bottom of the trend, left to right', () => {
    const points = trendPoints([5, 2])
      .split(' ')
      .map((p) => p.split(',').map(Number));
    expect(points).toHaveLength(2);
    const [first, last] = points as [number[], number[]];
    expect(first[0]).toBeLessThan(last[0] ?? 0);
    expect(first[1]).toBeLessThan(last[1] ?? 0);
    expect(trendPoints([])).toBe('');
  });
});
