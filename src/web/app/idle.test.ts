import { describe, expect, it } from 'vitest';
import { isIdle } from './idle.ts';

describe('isIdle', () => {
  const start = Date.UTC(2025, 8, 1, 8, 0);
  it('is not idle before the timeout and is idle from it on', () => {
    expect(isIdle(start, start + 29 * 60_000, 30)).toBe(false);
    expect(isIdle(start, start + 30 * 60_000, 30)).toBe(true);
    expect(isIdle(start, start + 7 * 24 * 60 * 60_000, 10080)).toBe(true);
  });
});
