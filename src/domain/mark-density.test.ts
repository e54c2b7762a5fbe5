import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atRiskOfNa, daysBetween, elapsedUntil, minimumMarks, rangeMinimum } from './mark-density.ts';

describe('the minimum of marks', () => {
  it('counts calendar days with both ends', () => {
    // 1 September to 25 October: 30 days of September + 25 of October = 55.
    expect(daysBetween('2026-09-01', '2026-10-25')).toBe(55);
    expect(daysBetween('2026-09-01', '2026-09-01')).toBe(1);
    expect(daysBetween('2026-09-02', '2026-09-01')).toBe(0);
  });

  it('asks 3 marks per weekly hour for a quarter of nine weeks', () => {
    // 63 days = 9 weeks; 3 × 4 hours × 9 / 9 = 12.
    expect(minimumMarks(3, 4, 63)).toBe(12);
    // 55 days = 7.857 weeks; 3 × 4 × 7.857 / 9 = 10.48 → 11.
    expect(minimumMarks(3, 4, 55)).toBe(11);
    // 1 hour a week over 55 days: 3 × 1 × 7.857 / 9 = 2.62 → 3.
    expect(minimumMarks(3, 1, 55)).toBe(3);
    // A setting of 2 marks: 2 × 5 × 9 / 9 = 10.
    expect(minimumMarks(2, 5, 63)).toBe(10);
    expect(minimumMarks(3, 0, 63)).toBe(0);
    expect(minimumMarks(3, 4, 0)).toBe(0);
  });

  it('mid-quarter the minimum so far is the part of the quarter elapsed', () => {
    const quarter = { from: '2026-09-01', to: '2026-11-02' }; // 63 days
    // By 21 September: 21 days = 3 weeks; 3 × 4 × 3 / 9 = 4.
    expect(rangeMinimum(3, 4, quarter, '2026-09-21')).toEqual({ whole: 12, soFar: 4 });
    // After the quarter the minimum so far is the whole one.
    expect(rangeMinimum(3, 4, quarter, '2027-01-10')).toEqual({ whole: 12, soFar: 12 });
    expect(elapsedUntil('2026-11-02', '2026-09-21')).toBe('2026-09-21');
  });

  it('grows with the days and the hours', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 10 }),
        (a, b, hours) => {
          const [short, long] = a <= b ? [a, b] : [b, a];
          expect(minimumMarks(3, hours, short)).toBeLessThanOrEqual(minimumMarks(3, hours, long));
          expect(minimumMarks(3, hours, long)).toBeLessThanOrEqual(minimumMarks(3, hours + 1, long));
          // Never more than one mark above the exact proportion.
          expect(minimumMarks(3, hours, long)).toBeLessThan((3 * hours * long) / 63 + 1);
        },
      ),
    );
  });
});

describe('the risk of «н/а»', () => {
  it('fewer than three marks is a risk', () => {
    expect(atRiskOfNa({ marks: 2, missed: 0, held: 20 })).toBe(true);
    expect(atRiskOfNa({ marks: 3, missed: 0, held: 20 })).toBe(false);
  });

  it('missing more than half of the held lessons is a risk, exactly half is not', () => {
    // 10 of 20 is half: not more than half.
    expect(atRiskOfNa({ marks: 5, missed: 10, held: 20 })).toBe(false);
    // 11 of 20 is more than half.
    expect(atRiskOfNa({ marks: 5, missed: 11, held: 20 })).toBe(true);
    // 3 of 5 (odd count): 3 > 2.5.
    expect(atRiskOfNa({ marks: 5, missed: 3, held: 5 })).toBe(true);
    expect(atRiskOfNa({ marks: 5, missed: 0, held: 0 })).toBe(false);
  });
});
