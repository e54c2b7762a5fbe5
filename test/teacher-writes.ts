import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { DB } from '../src/server/db/schema.ts';

/** What a load of teachers' writes saw: each write's wait, failures, the longest event-loop block. */
export interface WriteStats {
  /** Milliseconds from when each write was due to its commit, in the order they were made. */
  waits: number[];
  /**
   * Milliseconds each write waited for the thread before it began: from when it was due (or the
   * previous write ended, if later) to its start. What other work in the process held it back,
   * without the write's own time (on SQLite its commit's fsync, which waits on the disk).
   */
  delays: number[];
  /** Messages of the writes that failed. */
  errors: string[];
  /** The longest the event loop was blocked meanwhile, in ms (resolution 5 ms). */
  maxBlockMs: number;
}

/** A running write load; `stop` ends it after the write in flight and answers what it saw. */
export interface WriteLoad {
  stop(): Promise<WriteStats>;
}

/**
 * Teachers at work in this process: every `everyMs` one mark changes (`version + 1`, `updated_at`)
 * in a transaction of its own, the way saving a journal cell does. A write's wait counts from
 * the moment it was due, so a blocked event loop shows in it as it would for a request arriving.
 */
export function startTeacherWrites(db: Kysely<DB>, markIds: readonly number[], everyMs = 5): WriteLoad {
  if (markIds.length === 0) throw new Error('no marks to change');
  const stats: WriteStats = { waits: [], delays: [], errors: [], maxBlockMs: 0 };
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let stopped = false;
  const writeOne = async (n: number) => {
    const id = markIds[n % markIds.length]!;
    await db.transaction().execute((trx) =>
      trx
        .updateTable('marks')
        .set((eb) => ({ version: eb('version', '+', 1), updatedAt: new Date().toISOString() }))
        .where('id', '=', id)
        .execute(),
    );
  };
  const running = (async () => {
    for (let n = 0; !stopped; n++) {
      const due = performance.now() + everyMs;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
      stats.delays.push(performance.now() - due);
      try {
        await writeOne(n);
      } catch (e) {
        stats.errors.push(e instanceof Error ? e.message : String(e));
      }
      stats.waits.push(performance.now() - due);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await running;
      loop.disable();
      stats.maxBlockMs = loop.max / 1e6;
      return stats;
    },
  };
}

/** The value below which `share` of the sorted values fall (nearest rank). */
export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}
