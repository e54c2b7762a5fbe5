import type { PrintJobView } from '../../contract/print.ts';
import type { Db } from '../access/actor.ts';

/** How long a finished print keeps its file. */
export const keepFilesMs = 7 * 24 * 60 * 60 * 1000;
/** A job running longer than this was left by a process that died. */
export const staleRunMs = 30 * 60 * 1000;

const viewColumns = [
  'id',
  'kind',
  'status',
  'done',
  'total',
  'fileName',
  'error',
  'createdAt',
  'finishedAt',
] as const;

type ViewRow = Omit<PrintJobView, 'kind'> & { kind: string };
const asView = (row: ViewRow): PrintJobView => ({ ...row, kind: row.kind as PrintJobView['kind'] });

/** A print job of the requester, without its file; undefined for anyone else's. */
export async function jobOfRequester(db: Db, id: number, personId: number) {
  const row = await db
    .selectFrom('printJobs')
    .select(viewColumns)
    .where('id', '=', id)
    .where('requestedBy', '=', personId)
    .executeTakeFirst();
  return row && asView(row);
}

/** The requester's recent print jobs, newest first, without their files. */
export async function jobsOfRequester(db: Db, personId: number, limit = 20) {
  const rows = await db
    .selectFrom('printJobs')
    .select(viewColumns)
    .where('requestedBy', '=', personId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(asView);
}

/** The file of a requester's job, with its state. */
export function jobFileOfRequester(db: Db, id: number, personId: number) {
  return db
    .selectFrom('printJobs')
    .select(['status', 'fileName', 'mime', 'content'])
    .where('id', '=', id)
    .where('requestedBy', '=', personId)
    .executeTakeFirst();
}

/**
 * Takes the oldest queued job for this process: the update only succeeds while the job is still
 * queued, so of several processes exactly one runs it. Undefined when nothing is queued.
 * `schoolIds` limits it to some schools (tests sharing one database).
 */
export async function claimNextJob(db: Db, schoolIds?: readonly number[]) {
  for (;;) {
    let queued = db.selectFrom('printJobs').select('id').where('status', '=', 'queued');
    if (schoolIds) queued = queued.where('schoolId', 'in', [...schoolIds, 0]);
    const next = await queued.orderBy('id').executeTakeFirst();
    if (!next) return undefined;
    const claimed = await db
      .updateTable('printJobs')
      .set({ status: 'running', startedAt: new Date().toISOString() })
      .where('id', '=', next.id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 1) {
      return db
        .selectFrom('printJobs')
        .select(['id', 'kind', 'params'])
        .where('id', '=', next.id)
        .executeTakeFirstOrThrow();
    }
  }
}

/** Writes a running job's progress. */
export async function writeProgress(db: Db, id: number, done: number, total: number): Promise<void> {
  await db.updateTable('printJobs').set({ done, total }).where('id', '=', id).execute();
}

/** Stores a finished job's file. */
export async function finishJob(
  db: Db,
  id: number,
  file: { content: Buffer; mime: string; fileName: string },
): Promise<void> {
  await db
    .updateTable('printJobs')
    .set({ ...file, status: 'done', finishedAt: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

/** Marks a job failed with a text its requester can read. */
export async function failJob(db: Db, id: number, error: string): Promise<void> {
  await db
    .updateTable('printJobs')
    .set({ status: 'failed', error, finishedAt: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

/** Fails the jobs left running by a dead process (started before `staleRunMs` ago). */
export async function failStaleJobs(db: Db, error: string, now = Date.now()): Promise<number> {
  const cutoff = new Date(now - staleRunMs).toISOString();
  const result = await db
    .updateTable('printJobs')
    .set({ status: 'failed', error, finishedAt: new Date(now).toISOString() })
    .where('status', '=', 'running')
    .where('startedAt', '<', cutoff)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Clears the files of jobs finished more than `keepFilesMs` ago (the job itself stays listed). */
export async function purgeOldFiles(db: Db, now = Date.now()): Promise<number> {
  const cutoff = new Date(now - keepFilesMs).toISOString();
  const result = await db
    .updateTable('printJobs')
    .set({ content: null })
    .where('finishedAt', '<', cutoff)
    .where('content', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
