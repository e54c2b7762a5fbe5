import { describe, expect, it } from 'vitest';
import { formatDate } from './format-date.ts';

describe('formatDate', () => {
  it('writes a Date as ДД.ММ.ГГГГ with leading zeros', () => {
    expect(formatDate(new Date(2025, 0, 5))).toBe('05.01.2025');
    expect(formatDate(new Date(2024, 11, 31))).toBe('31.12.2024');
  });

  it('takes the calendar day of an ISO string without time-zone shifts', () => {
    expect(formatDate('2025-09-01')).toBe('01.09.2025');
    expect(formatDate('2025-09-01T23:30:00-05:00')).toBe('01.09.2025');
  });

  it('returns text that is not a date unchanged', () => {
    expect(formatDate('вчера')).toBe('вчера');
  });
});
