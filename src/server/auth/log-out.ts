import type { Ctx } from '../access/actor.ts';
import { endSession } from './auth.queries.ts';

/** Ends the current session; its cookie opens nothing afterwards. */
export async function logOut(ctx: Ctx, sessionId: string): Promise<void> {
  await endSession(ctx.db, sessionId, new Date().toISOString(), 'logout');
}
