import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { claimLease, releaseLease } from './lease.ts';

describe.each(engines())('leases on $name', (engine) => {
  let database: Database;
  // A shared PostgreSQL: this file's leases only, by a prefix of their own.
  const prefix = `test.lease.${randomUUID()}`;
  const t0 = new Date('2026-09-01T08:00:00.000Z');
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(async () => {
    await database.db.deleteFrom('leases').where('name', 'like', `${prefix}%`).execute();
    await database.close();
  });

  it('gives a free lease to exactly one of several holders asking at once, every time', async () => {
    const holders = ['a', 'b', 'c', 'd'];
    for (let i = 0; i < 40; i++) {
      const name = `${prefix}.free.${i}`;
      const won = await Promise.all(holders.map((h) => claimLease(database.db, name, h, 30, t0)));
      expect(won.filter(Boolean)).toHaveLength(1);
      const row = await database.db
        .selectFrom('leases')
        .selectAll()
        .where('name', '=', name)
        .executeTakeFirst();
      expect(row?.holder).toBe(holders[won.indexOf(true)]);
    }
  });

  it('gives an expired lease to exactly one of several holders asking at once, every time', async () => {
    const holders = ['a', 'b', 'c', 'd'];
    for (let i = 0; i < 40; i++) {
      const name = `${prefix}.expired.${i}`;
      expect(await claimLease(database.db, name, 'gone', 10, t0)).toBe(true);
      const won = await Promise.all(holders.map((h) => claimLease(database.db, name, h, 30, at(11))));
      expect(won.filter(Boolean)).toHaveLength(1);
    }
  });

  it('stays with its holder until it runs out, is renewed by it, then hands over', async () => {
    const name = `${prefix}.expiry`;
    expect(await claimLease(database.db, name, 'a', 10, t0)).toBe(true);
    expect(await claimLease(database.db, name, 'b', 10, at(5))).toBe(false);
    // Renewed at 8 s: now held until 18 s.
    expect(await claimLease(database.db, name, 'a', 10, at(8))).toBe(true);
    expect(await claimLease(database.db, name, 'b', 10, at(12))).toBe(false);
    expect(await claimLease(database.db, name, 'b', 10, at(18))).toBe(true);
    expect(await claimLease(database.db, name, 'a', 10, at(19))).toBe(false);
  });

  it('is given back only by its holder, and then is free at once', async () => {
    const name = `${prefix}.release`;
    expect(await claimLease(database.db, name, 'a', 60, t0)).toBe(true);
    await releaseLease(database.db, name, 'b');
    expect(await claimLease(database.db, name, 'b', 60, at(1))).toBe(false);
    await releaseLease(database.db, name, 'a');
    expect(await claimLease(database.db, name, 'b', 60, at(2))).toBe(true);
  });
});
