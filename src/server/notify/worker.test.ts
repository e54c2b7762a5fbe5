import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { linkGuardian } from '../../../test/factories.ts';
import type { NotifyConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { journalSchool } from '../journal/journal.test-helpers.ts';
import { localDate } from './digest.ts';
import { outboxOf, startBot, startSmtp, testNotifyConfig, useLocalSmtp } from './notify.test-helpers.ts';
import { runRound, startNotifyWorker } from './worker.ts';

const token = '123:test-token';
const hold = 60;

describe.each(engines())('notification worker on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof journalSchool>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let bot: Awaited<ReturnType<typeof startBot>>;
  let config: NotifyConfig;
  let teacher: Client;
  let parent: Client;
  const address = 'parent-notify@example.test';
  /** Rounds keep to this school: the PostgreSQL test database is shared. */
  let only: { schoolId: number };

  /** A moment after the hold of anything queued by now. */
  const later = (extraSeconds = 0) => new Date(Date.now() + (hold + 1 + extraSeconds) * 1000);
  const mark = (lessonId: number, studentId: number, value: string, version: number | null = null) =>
    teacher.send('POST', '/api/journal/marks', {
      lessonId,
      studentId,
      workKindId: s.workKinds.answer,
      value,
      version,
    });
  const lettersAbout = (text: string) => smtp.letters.filter((l) => l.subject.includes(text));

  beforeAll(async () => {
    database = await engine.open();
    smtp = await startSmtp();
    bot = await startBot(token);
    config = testNotifyConfig({ holdSeconds: hold, telegramToken: token, telegramApiBase: bot.url });
    app = await testApp(database, {
      NOTIFY_HOLD_SECONDS: String(hold),
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_API_BASE: bot.url,
    });
    s = await journalSchool(database.db);
    only = { schoolId: s.schoolId };
    for (const studentId of Object.values(s.students))
      await linkGuardian(database.db, { schoolId: s.schoolId, guardianId: s.people.parent.id, studentId });
    await useLocalSmtp(database.db, s.schoolId, smtp.port);
    await database.db.deleteFrom('jobState').where('key', 'like', 'telegram.%').execute();
    teacher = await signIn(app, s.people.ivanova.login);
    parent = await signIn(app, s.people.parent.login);
    const prefs = {
      emailEnabled: true,
      telegramEnabled: true,
      absencesInstant: true,
      markThreshold: 2,
      digest: true,
    };
    expect(
      (await parent.send('PUT', '/api/notifications/settings', { prefs, email: address })).statusCode,
    ).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    await smtp.close();
    await bot.close();
  });

  it('a «2» reaches the parent once, even with two workers at once; a «5» sends nothing', async () => {
    expect((await mark(s.lessons.mathRecent, s.students.alekseev, '2')).statusCode).toBe(200);
    expect((await mark(s.lessons.mathOld, s.students.alekseev, '5')).statusCode).toBe(200);
    const rows = await outboxOf(database.db, s.schoolId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'mark', channel: 'email', address, status: 'pending' });

    // Not before the hold is over.
    expect((await runRound(database.db, config, undefined, only)).sent).toBe(0);
    const t = later();
    const [a, b] = await Promise.all([
      runRound(database.db, config, t, only),
      runRound(database.db, config, t, only),
    ]);
    expect(a.sent + b.sent).toBe(1);
    await runRound(database.db, config, later(5), only);
    const letters = lettersAbout('Алексеев Антон');
    expect(letters).toHaveLength(1);
    expect(letters[0]!.to).toEqual([address]);
    expect(letters[0]!.subject).toBe(
      'Отметка: Алексеев Антон получил(а) 2 по предмету Математика (24.11.2026)',
    );
    expect(letters[0]!.raw).not.toContain('Борисова');
    expect((await outboxOf(database.db, s.schoolId))[0]).toMatchObject({ status: 'sent', attempts: 0 });
  });

  it('a mark corrected within the hold is never sent', async () => {
    const first = await mark(s.lessons.mathOld, s.students.borisova, '2');
    expect(first.statusCode).toBe(200);
    expect(
      (await mark(s.lessons.mathOld, s.students.borisova, '4', first.json().cell.version)).statusCode,
    ).toBe(200);
    const result = await runRound(database.db, config, later(), only);
    expect(result).toMatchObject({ sent: 0, cancelled: 1 });
    expect(lettersAbout('Борисова')).toHaveLength(0);
    const row = (await outboxOf(database.db, s.schoolId)).find((r) => r.subject.includes('Борисова'));
    expect(row?.status).toBe('cancelled');
  });

  it('a letter the SMTP server refuses is tried again later and sent once', async () => {
    smtp.refuseNext(1);
    expect((await mark(s.lessons.mathRecent, s.students.vasiliev, '2')).statusCode).toBe(200);
    const t = later();
    expect(await runRound(database.db, config, t, only)).toMatchObject({ sent: 0, retried: 1 });
    const row = (await outboxOf(database.db, s.schoolId)).find((r) => r.subject.includes('Васильев'))!;
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toContain('451');
    expect((await runRound(database.db, config, new Date(t.getTime() + 30_000), only)).sent).toBe(0);
    expect((await runRound(database.db, config, new Date(t.getTime() + 61_000), only)).sent).toBe(1);
    await runRound(database.db, config, new Date(t.getTime() + 10 * 60_000), only);
    expect(lettersAbout('Васильев')).toHaveLength(1);
  });

  it('sends more than one batch in a round (an announcement queues hundreds at once)', async () => {
    const at = new Date().toISOString();
    await database.db
      .insertInto('outbox')
      .values(
        Array.from({ length: 45 }, (_, i) => ({
          schoolId: s.schoolId,
          personId: null,
          channel: 'email' as const,
          address: `bulk${i}@example.test`,
          kind: 'message',
          subject: `Объявление ${i}`,
          body: 'Текст',
          dedupeKey: `bulk-test:${engine.name}:${s.schoolId}:${i}`,
          dueAt: at,
        })),
      )
      .execute();
    const result = await runRound(database.db, config, later(), only);
    expect(result.sent).toBeGreaterThanOrEqual(45);
    expect(smtp.letters.filter((l) => l.subject.startsWith('Объявление '))).toHaveLength(45);
    smtp.letters.splice(0);
  });

  it('a waiting notice survives a worker stop and restart, then goes', async () => {
    expect((await mark(s.lessons.mathOld, s.students.vasiliev, '2')).statusCode).toBe(200);
    const worker = startNotifyWorker(database, { ...config, intervalSeconds: 0.05 }, only);
    await new Promise((r) => setTimeout(r, 200));
    await worker.stop();
    const row = (await outboxOf(database.db, s.schoolId)).at(-1)!;
    expect(row).toMatchObject({ status: 'pending', kind: 'mark' });
    expect((await runRound(database.db, config, later(), only)).sent).toBe(1);
    expect(lettersAbout('Васильев Вадим получил(а) 2 по предмету Математика (14.09.2026)')).toHaveLength(1);
  });

  it('an absence is told at once', async () => {
    const res = await teacher.send('POST', '/api/journal/attendance', {
      lessonId: s.lessons.mathRecent,
      studentId: s.students.borisova,
      value: 'absent',
      version: null,
    });
    expect(res.statusCode).toBe(200);
    expect((await runRound(database.db, config, later(), only)).sent).toBe(1);
    const letters = lettersAbout('Пропуск: Борисова Бела');
    expect(letters).toHaveLength(1);
    expect(letters[0]!.subject).toBe(
      'Пропуск: Борисова Бела отсутствовал(а) на уроке Математика (24.11.2026, урок 1)',
    );
  });

  it('links a Telegram chat with a one-time code and delivers there', async () => {
    // PostgreSQL test files share one database: start from no stored update offset of the bot.
    await database.db.deleteFrom('jobState').where('key', 'like', 'telegram.%').execute();
    const code = await parent.send('POST', '/api/notifications/telegram/code');
    expect(code.statusCode).toBe(200);
    const { code: text } = code.json() as { code: string };
    expect(text).toMatch(/^[A-Z2-9]{8}$/);
    bot.say(555, 'ZZZZZZZZ');
    bot.say(777, `/start ${text}`);
    expect((await runRound(database.db, config, undefined, only)).linked).toBe(1);
    const replies = bot.sent();
    expect(replies.find((m) => m.chat_id === '555')?.text).toContain('не подошёл');
    expect(replies.find((m) => m.chat_id === '777')?.text).toContain(
      'Готово: уведомления Отметки будут приходить сюда.',
    );
    const settings = (await parent.get('/api/notifications/settings')).json();
    expect(settings.telegram).toMatchObject({ available: true, linked: true, botName: 'otmetka_test_bot' });
    // The same code again does not link another chat.
    bot.say(888, text);
    expect((await runRound(database.db, config, undefined, only)).linked).toBe(0);
    expect(bot.sent().find((m) => m.chat_id === '888')?.text).toContain('не подошёл');
    await runRound(database.db, config, undefined, only);
    expect(bot.calls.filter((c) => c.method === 'getUpdates').at(-1)?.query.offset).toBe('4');
    expect(bot.sent().filter((m) => m.chat_id === '888')).toHaveLength(1);

    expect((await mark(s.lessons.mathOld, s.students.alekseev, '1', 1)).statusCode).toBe(200);
    const rows = (await outboxOf(database.db, s.schoolId)).filter((r) => r.subject.includes('получил(а) 1'));
    expect(rows.map((r) => r.channel).sort()).toEqual(['email', 'telegram']);
    expect((await runRound(database.db, config, later(), only)).sent).toBe(2);
    const delivered = bot.sent().filter((m) => m.chat_id === '777' && m.text.includes('получил(а) 1'));
    expect(delivered).toHaveLength(1);

    const unlink = await parent.send('POST', '/api/notifications/telegram/unlink');
    expect(unlink.json().telegram.linked).toBe(false);
  });

  it('queues the daily digest once a day', async () => {
    const now = new Date();
    await database.db
      .deleteFrom('jobState')
      .where('key', '=', `digest.${localDate(now)}`)
      .execute();
    const digestConfig = { ...config, digestHour: 0 };
    const first = await runRound(database.db, digestConfig, now, only);
    expect(first.digests).toBe(1);
    expect((await runRound(database.db, digestConfig, now, only)).digests).toBe(0);
    const rows = (await outboxOf(database.db, s.schoolId)).filter((r) => r.kind === 'digest');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.body).toContain('Алексеев Антон');
    expect(rows[0]!.body).toContain('Отметка 2 — Математика');
    await runRound(database.db, config, later(), only);
    expect(lettersAbout('итоги дня')).toHaveLength(1);
  });
});
