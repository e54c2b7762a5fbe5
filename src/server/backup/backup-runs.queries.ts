import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** One run with its copies in the order of the destinations' first copy; undefined when unknown. */
export async function runWithCopies(db: Kysely<DB>, id: number) {
  const run = await db
    .selectFrom('backupRuns')
    .select([
      'id',
      'trigger',
      'status',
      'fileName',
      'bytes',
      'sha256',
      'tableCount',
      'rowCount',
      'error',
      'startedAt',
      'finishedAt',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!run) return undefined;
  const copies = await db
    .selectFrom('backupCopies')
    .select(['destination', 'path', 'status', 'verifiedAt', 'prunedAt', 'error', 'createdAt'])
    .where('runId', '=', id)
    .orderBy('id')
    .execute();
  return { ...run, copies };
}
