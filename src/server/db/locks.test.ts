import { describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { lockForTransaction } from './locks.ts';

const postgres = engines().filter((e) => e.name === 'postgres');

describe.runIf(postgres.length > 0)('lockForTransaction on PostgreSQL', () => {
  it('makes a second transaction wait until the first one ends', async () => {
    const database = await postgres[0]!.open();
    const order: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let acquired = () => {};
    const firstHasLock = new Promise<void>((resolve) => {
      acquired = resolve;
    });
    try {
      const first = database.db.transaction().execute(async (trx) => {
        await lockForTransaction(trx, 'test-lock');
        order.push('first locked');
        acquired();
        await held;
        order.push('first done');
      });
      await firstHasLock;
      const second = database.db.transaction().execute(async (trx) => {
        await lockForTransaction(trx, 'test-lock');
        order.push('second locked');
      });
      await new Promise((r) => setTimeout(r, 200));
      expect(order).toEqual(['first locked']);
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(['first locked', 'first done', 'second locked']);
    } finally {
      await database.close();
    }
  });
});
