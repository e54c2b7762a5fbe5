import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { family } from './metrics.ts';

const seconds = (iso: string | Date) => new Date(iso).getTime() / 1000;

/** The figures /metrics reads from the tables at scrape time, each one cheap (indexed or small). */
export async function scrapeTables(db: Kysely<DB>): Promise<string> {
  const [outbox, printJobs, copies, runs] = await Promise.all([
    db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('printJobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'queued')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('backupCopies')
      .select((eb) => ['destination', eb.fn.max('createdAt').as('last')])
      .where('status', '=', 'ok')
      .groupBy('destination')
      .orderBy('destination')
      .execute(),
    db
      .selectFrom('backupRuns')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
      // A counter only grows: a run still going is not counted until it ends.
      .where('status', '!=', 'running')
      .groupBy('status')
      .orderBy('status')
      .execute(),
  ]);
  return [
    family('otmetka_outbox_pending', 'gauge', 'Notifications waiting in the outbox to be sent.', [
      { value: Number(outbox.n) },
    ]),
    family('otmetka_print_jobs_queued', 'gauge', 'Print jobs waiting for the background renderer.', [
      { value: Number(printJobs.n) },
    ]),
    family(
      'otmetka_backup_last_success_timestamp_seconds',
      'gauge',
      'When the newest successful backup copy in each destination was written (Unix time).',
      copies.map((c) => ({ labels: { destination: c.destination }, value: seconds(c.last) })),
    ),
    family(
      'otmetka_backup_runs_total',
      'counter',
      'Backup runs finished, by their outcome (ok, failed, interrupted).',
      runs.map((r) => ({ labels: { status: r.status }, value: Number(r.n) })),
    ),
  ].join('');
}
