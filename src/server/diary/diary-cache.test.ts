import { describe, expect, it } from 'vitest';
import { DiaryCache, keyOf, matches } from './diary-cache.ts';

describe('diary cache', () => {
  it('keeps at most the limit, dropping the least recently used', () => {
    const cache = new DiaryCache(2);
    cache.set('a', '1');
    cache.set('b', '2');
    expect(cache.get('a')).toBe('1');
    cache.set('c', '3');
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('1');
    expect(cache.get('c')).toBe('3');
  });

  it('changes the key and the ETag with the data version, the viewer and the day', () => {
    const base = {
      view: 'week',
      viewerId: 1,
      studentId: 2,
      scope: '2026-11-23',
      version: 5,
      today: '2026-11-25',
    };
    const { etag } = keyOf(base);
    expect(etag).toMatch(/^W\/"[^"]+"$/);
    expect(keyOf({ ...base, version: 6 }).etag).not.toBe(etag);
    expect(keyOf({ ...base, viewerId: 3 }).etag).not.toBe(etag);
    expect(keyOf({ ...base, today: '2026-11-26' }).etag).not.toBe(etag);
  });

  it('matches If-None-Match lists, weak or strong, and *', () => {
    const etag = 'W/"x-1"';
    expect(matches(undefined, etag)).toBe(false);
    expect(matches('W/"x-1"', etag)).toBe(true);
    expect(matches('"x-1"', etag)).toBe(true);
    expect(matches('"y", W/"x-1"', etag)).toBe(true);
    expect(matches('*', etag)).toBe(true);
    expect(matches('W/"x-2"', etag)).toBe(false);
  });
});
