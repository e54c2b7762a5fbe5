import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { family } from './metrics.ts';

const seconds = (iso: string | Date) => new Date(iso).getTime() / 1000;

/**
 * The figures /metrics reads from the tables at scrape time, each one cheap (indexed or small).
 * Backup destinations are labelled by the directory's name only (as on /api/health: no server
 * paths); a configured destination without a good copy yet reads 0, so an age alert fires for it.
 */
export async function scrapeTables(db: Kysely<DB>, backupDirs: readonly string[] = []): Promise<string> {
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
      lastGood(copies, backupDirs),
    ),
    family(
      'otmetka_backup_runs_total',
      'counter',
      'Backup runs finished, by their outcome (ok, failed, interrupted).',
      runs.map((r) => ({ labels: { status: r.status }, value: Number(r.n) })),
    ),
  ].join('');
}

/** The newest good copy's time per destination name, 0 for a configured destination without one. */
function lastGood(copies: { destination: string; last: string | Date | null }[], dirs: readonly string[]) {
  const newest = new Map<string, number>();
  for (const dir of dirs) newest.set(basename(dir), 0);
  for (const c of copies) {
    const name = basename(c.destination);
    const at = c.last === null ? 0 : seconds(c.last);
    newest.set(name, Math.max(newest.get(name) ?? 0, at));
  }
  return [...newest].map(([destination, value]) => ({ labels: { destination }, value }));
}
