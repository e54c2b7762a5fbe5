import type { Ctx, Db } from '../access/actor.ts';
import { channelsOf, enqueue, recipients, twin } from './outbox.ts';

/** The first `n` characters of a text, with an ellipsis when cut. */
function excerpt(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n).trimEnd()}…` : text;
}

/**
 * Queues the notifications of a new message (or announcement) for its recipients who are parents,
 * by their preferences, in the transaction that stores the message.
 */
export async function queueMessageNotices(
  trx: Db,
  ctx: Ctx,
  message: { schoolId: number; threadId: number; messageId: number; recipientIds: readonly number[] },
): Promise<void> {
  void ctx;
  if (message.recipientIds.length === 0) return;
  const parents = await trx
    .selectFrom('roleAssignments')
    .select('personId')
    .where('personId', 'in', [...new Set(message.recipientIds)])
    .where('role', '=', 'parent')
    .where('revokedAt', 'is', null)
    .execute();
  if (parents.length === 0) return;
  const row = await trx
    .selectFrom('messages')
    .innerJoin('threads', 'threads.id', 'messages.threadId')
    .innerJoin('persons', 'persons.id', 'messages.authorId')
    .select([
      'messages.body',
      'threads.subject as topic',
      'persons.lastName',
      'persons.firstName',
      'persons.middleName',
    ])
    .where('messages.id', '=', message.messageId)
    .executeTakeFirst();
  if (!row) return;
  const author = [row.lastName, row.firstName, row.middleName].filter(Boolean).join(' ');
  const text = excerpt(row.body, 300);
  const subject = `Сообщение: ${author} — ${row.topic}`;
  const body = twin(
    `${author} пишет в Отметке.\nТема: ${row.topic}\n\n${text}\n\nОтветить можно в Отметке.`,
    `${author} wrote in Otmetka.\nSubject: ${row.topic}\n\n${text}\n\nYou can reply in Otmetka.`,
  );
  const people = await recipients(
    trx,
    parents.map((p) => p.personId),
  );
  const now = new Date().toISOString();
  for (const r of people.values()) {
    for (const { channel, address } of channelsOf(r)) {
      await enqueue(trx, {
        schoolId: message.schoolId,
        personId: r.personId,
        channel,
        address,
        kind: 'message',
        subject,
        body,
        dedupeKey: `message:${message.messageId}:${r.personId}:${channel}`,
        recheck: null,
        dueAt: now,
      });
    }
  }
}
