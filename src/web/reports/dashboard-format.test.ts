import { describe, expect, it } from 'vitest';
import { formatChange, formatPercent, pointLabel } from './dashboard-format.ts';

describe('dashboard figures as written', () => {
  it('percentages with a decimal comma and a space before the sign in Russian', () => {
    expect(formatPercent(87.25, 'ru')).toBe('87,3 %');
    expect(formatPercent(100, 'ru')).toBe('100,0 %');
    expect(formatPercent(87.3, 'en')).toBe('87.3%');
    expect(formatPercent(null, 'ru')).toBe('—');
  });

  it('a change in percentage points with its sign', () => {
    expect(formatChange(2.1, 'ru')).toBe('+2,1 п.п.');
    expect(formatChange(-4.5, 'ru')).toBe('−4,5 п.п.');
    expect(formatChange(0, 'ru')).toBe('0,0 п.п.');
    // −0.04 rounds to zero: no sign, not «−0,0».
    expect(formatChange(-0.04, 'ru')).toBe('0,0 п.п.');
    expect(formatChange(2.1, 'en')).toBe('+2.1 pp');
    expect(formatChange(null, 'ru')).toBeNull();
  });

  it('a week is named by its Monday, even when the range starts mid-week; a month by its name', () => {
    expect(pointLabel('2026-11-16', 'week', 'ru')).toBe('16.11');
    // Wednesday 28.10.2026 belongs to the week of Monday 26.10.
    expect(pointLabel('2026-10-28', 'week', 'ru')).toBe('26.10');
    expect(pointLabel('2027-01-01', 'month', 'ru')).toBe('янв');
    expect(pointLabel('2026-09-01', 'month', 'en')).toBe('Sep');
  });
});
