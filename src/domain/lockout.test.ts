import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeAttempts, lockSeconds, maxLockSeconds } from './lockout.ts';

describe('lockSeconds', () => {
  it('lets the first attempts through, then locks for 30 s, 60 s, 120 s…', () => {
    expect([1, 2, 3, 4].map(lockSeconds)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7].map(lockSeconds)).toEqual([30, 60, 120]);
  });

  it('never shrinks as failures grow and never exceeds an hour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), (n) => {
        expect(lockSeconds(n + 1)).toBeGreaterThanOrEqual(lockSeconds(n));
        expect(lockSeconds(n)).toBeLessThanOrEqual(maxLockSeconds);
        expect(lockSeconds(n) > 0).toBe(n >= freeAttempts);
      }),
    );
  });
});
