import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/databases.ts';
import type { NotifyConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { startBot, testNotifyConfig } from './notify.test-helpers.ts';
import { pollLease, pollTelegram } from './telegram.ts';
import { startNotifyWorker } from './worker.ts';

const token = '123:lease-token';

/** Waits until `check` holds, polling. */
async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(engines())('Telegram read by one process of many on $name', (engine) => {
  let database: Database;
  let bot: Awaited<ReturnType<typeof startBot>>;
  let config: NotifyConfig;
  const replies = (chat: number) => bot.sent().filter((m) => m.chat_id === String(chat));
  const reads = () => bot.calls.filter((c) => c.method === 'getUpdates').length;

  beforeAll(async () => {
    // A database of its own: the bot's offset and the lease are installation-wide.
    database = await freshDatabase(engine);
    bot = await startBot(token);
    config = testNotifyConfig({ telegramToken: token, telegramApiBase: bot.url });
  });
  afterAll(async () => {
    await bot.close();
    await database.close();
  });

  it('answers each message once when two processes poll at once, and hands over when the lease runs out', async () => {
    const now = new Date();
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
    bot.say(101, 'привет');
    bot.say(102, 'ABCDEFGH');
    const both = await Promise.all([
      pollTelegram(database.db, config, now, 'A'),
      pollTelegram(database.db, config, now, 'B'),
    ]);
    expect(both).toEqual([0, 0]);
    expect(replies(101)).toHaveLength(1);
    expect(replies(102)).toHaveLength(1);
    expect(reads()).toBe(1);

    // A holds the lease: B does not read, A reads on from its offset.
    bot.say(103, 'ещё');
    await pollTelegram(database.db, config, at(30), 'B');
    expect(reads()).toBe(1);
    expect(replies(103)).toHaveLength(0);
    await pollTelegram(database.db, config, at(31), 'A');
    expect(replies(103)).toHaveLength(1);

    // A stops polling (its process died): after its lease runs out, B reads what is new, once.
    bot.say(104, 'есть кто?');
    expect(
      await database.db
        .selectFrom('leases')
        .select('holder')
        .where('name', '=', pollLease)
        .executeTakeFirst(),
    ).toEqual({ holder: 'A' });
    await pollTelegram(database.db, config, at(120), 'B');
    await pollTelegram(database.db, config, at(121), 'A');
    expect(replies(104)).toHaveLength(1);
    expect([101, 102, 103].map((chat) => replies(chat).length)).toEqual([1, 1, 1]);
  });

  it('two running workers answer each message once; stopping the holder hands over at once', async () => {
    // The first test left its lease held far into the future.
    await database.db.deleteFrom('leases').execute();
    const one = startNotifyWorker(database, config, { holder: 'W1' });
    const two = startNotifyWorker(database, config, { holder: 'W2' });
    let stopped = false;
    try {
      for (let chat = 201; chat <= 205; chat++) {
        bot.say(chat, `сообщение ${chat}`);
        await new Promise((r) => setTimeout(r, 60));
      }
      await until(() => replies(205).length > 0);
      const readsBefore = reads();
      await until(() => reads() >= readsBefore + 5);
      for (let chat = 201; chat <= 205; chat++) expect(replies(chat), String(chat)).toHaveLength(1);

      const lease = await database.db
        .selectFrom('leases')
        .select('holder')
        .where('name', '=', pollLease)
        .executeTakeFirstOrThrow();
      const [holder, other] = lease.holder === 'W1' ? [one, two] : [two, one];
      await holder.stop();
      stopped = true;
      bot.say(206, 'после остановки');
      await until(() => replies(206).length > 0, 3000);
      await other.stop();
      expect(replies(206)).toHaveLength(1);
    } finally {
      if (!stopped) await one.stop();
      await two.stop();
      await one.stop();
    }
  });
});
