import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { systemCtx } from '../access/actor.ts';
import type { Database } from '../db/database.ts';
import { journalSchool } from '../journal/journal.test-helpers.ts';
import { queueMessageNotices } from './message-notices.ts';
import { outboxOf } from './notify.test-helpers.ts';

describe.each(engines())('message notices on $name', (engine) => {
  let database: Database;
  let s: Awaited<ReturnType<typeof journalSchool>>;

  beforeAll(async () => {
    database = await engine.open();
    s = await journalSchool(database.db);
    await database.db
      .updateTable('persons')
      .set({ email: 'parent-msg@example.test' })
      .where('id', 'in', [s.people.parent.id, s.people.petrov.id])
      .execute();
  });
  afterAll(async () => {
    await database.close();
  });

  const send = async (body: string) => {
    const db = database.db;
    const thread = await db
      .insertInto('threads')
      .values({
        schoolId: s.schoolId,
        kind: 'dialog',
        subject: 'Контрольная',
        createdBy: s.people.ivanova.id,
        lastMessageAt: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const message = await db
      .insertInto('messages')
      .values({ schoolId: s.schoolId, threadId: thread.id, authorId: s.people.ivanova.id, body })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.transaction().execute((trx) =>
      queueMessageNotices(trx, systemCtx(db), {
        schoolId: s.schoolId,
        threadId: thread.id,
        messageId: message.id,
        recipientIds: [s.people.parent.id, s.people.petrov.id],
      }),
    );
    return message.id;
  };

  it('queues a letter for a parent recipient only, with the start of the message', async () => {
    const long = `${'а'.repeat(299)}бв${'г'.repeat(100)}`;
    const id = await send(long);
    const rows = (await outboxOf(database.db, s.schoolId)).filter((r) =>
      r.dedupeKey.startsWith(`message:${id}:`),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'message', channel: 'email', address: 'parent-msg@example.test' });
    expect(rows[0]!.personId).toBe(s.people.parent.id);
    expect(rows[0]!.subject).toContain('Иванова');
    expect(rows[0]!.body).toContain(`${'а'.repeat(299)}б…`);
    expect(rows[0]!.body).not.toContain('г');
    expect(rows[0]!.body).toContain('Ответить можно в Отметке');
  });

  it('queues nothing for a parent who turned e-mail off', async () => {
    await database.db
      .insertInto('notificationPrefs')
      .values({
        personId: s.people.parent.id,
        emailEnabled: 0,
        telegramEnabled: 1,
        absencesInstant: 1,
        markThreshold: 2,
        digest: 1,
      })
      .execute();
    const id = await send('Добрый день!');
    const rows = (await outboxOf(database.db, s.schoolId)).filter((r) =>
      r.dedupeKey.startsWith(`message:${id}:`),
    );
    expect(rows).toHaveLength(0);
  });
});
