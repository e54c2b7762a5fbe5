import { describe, expect, it } from 'vitest';
import { entry, minDate, monthName, monthsBetween } from './report-months.ts';

describe('report months', () => {
  it('lists the calendar months overlapping the dates, across the new year', () => {
    expect(monthsBetween('2026-09-15', '2026-09-20')).toEqual(['2026-09']);
    expect(monthsBetween('2026-11-30', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-09-01', '2027-08-31')).toHaveLength(12);
  });

  it('names a month in both languages', () => {
    expect(monthName('2026-09', 'ru')).toBe('Сентябрь 2026');
    expect(monthName('2027-01', 'en')).toBe('January 2027');
  });

  it('the earlier date, and a map entry made once', () => {
    expect(minDate('2026-10-31', '2026-09-30')).toBe('2026-09-30');
    const map = new Map<string, number[]>();
    entry(map, 'a', () => []).push(1);
    entry(map, 'a', () => []).push(2);
    expect(map.get('a')).toEqual([1, 2]);
  });
});
