import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachingStatements } from './database.ts';

describe('SQLite statement cache', () => {
  const open = (size?: number) => {
    const sqlite = new SQLite(':memory:');
    sqlite.exec('create table t (n integer); insert into t values (1), (2), (3)');
    return { sqlite, cached: cachingStatements(sqlite, size) };
  };

  it('hands out the same statement for the same SQL', () => {
    const { cached } = open();
    const a = cached.prepare('select n from t');
    expect(cached.prepare('select n from t')).toBe(a);
    expect(a.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('prepares a fresh statement while the kept one is being iterated', () => {
    const { cached } = open();
    const outer = cached.prepare('select n from t where n >= ?');
    const seen: unknown[] = [];
    for (const row of outer.iterate([2])) {
      const inner = cached.prepare('select n from t where n >= ?');
      expect(inner).not.toBe(outer);
      seen.push([row, inner.all([3])]);
    }
    expect(seen).toEqual([
      [{ n: 2 }, [{ n: 3 }]],
      [{ n: 3 }, [{ n: 3 }]],
    ]);
    expect(cached.prepare('select n from t where n >= ?')).toBe(outer);
  });

  it('keeps at most `size` statements, dropping the least recently used', () => {
    const { cached } = open(2);
    const one = cached.prepare('select 1');
    const two = cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(one);
    cached.prepare('select 3');
    expect(cached.prepare('select 1')).toBe(one);
    expect(cached.prepare('select 2')).not.toBe(two);
  });
});
