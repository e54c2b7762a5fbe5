import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { type Lang, translate } from '../http/messages.ts';
import type { Progress } from './paper-doc.ts';
import {
  claimNextJob,
  failJob,
  failStaleJobs,
  finishJob,
  purgeOldFiles,
  writeProgress,
} from './print-jobs.queries.ts';
import { type PrintFile, type PrintKindName, printKinds } from './print-kinds.ts';
import type { JournalPrint } from './print-request.ts';

/** Renders one kind of print; the real kinds by default, a fake one in tests. */
export type RenderPrint = (
  kind: PrintKindName,
  db: Kysely<DB>,
  print: JournalPrint,
  progress: Progress,
) => Promise<PrintFile>;

/** The stored parameters of a job: the print and the name its file gets (without the extension). */
export interface JobParams {
  print: JournalPrint;
  baseName: string;
}

/** The background prints of this process: one job at a time, taken from the queue in the database. */
export interface PrintRunner {
  /** Looks for queued jobs now (after a request, or on start); returns at once. */
  kick(): void;
  /** Resolves when no job is running or waiting in this process. */
  idle(): Promise<void>;
  /** Finishes the job in hand (if any) and takes no more. */
  stop(): Promise<void>;
}

const defaultRender: RenderPrint = (kind, db, print, progress) =>
  printKinds[kind].render(db, print, progress);

/** Starts a runner over the database; it does nothing until kicked. */
export function createPrintRunner(
  db: Kysely<DB>,
  options: {
    render?: RenderPrint;
    throttleMs?: number;
    log?: (error: unknown) => void;
    /** Only the jobs of these schools (tests sharing one database); all by default. */
    schoolIds?: readonly number[];
  } = {},
): PrintRunner {
  const render = options.render ?? defaultRender;
  const throttleMs = options.throttleMs ?? 250;
  let loop: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function runOne(job: { id: number; kind: string; params: string }): Promise<void> {
    let lang: Lang = 'ru';
    try {
      const params = JSON.parse(job.params) as JobParams;
      lang = params.print.lang;
      if (!(job.kind in printKinds)) throw new Error(`unknown print kind ${job.kind}`);
      let lastWrite = 0;
      let pending: Promise<void> = Promise.resolve();
      const progress: Progress = (done, total) => {
        const now = Date.now();
        if (now - lastWrite < throttleMs && done < total) return;
        lastWrite = now;
        pending = pending.then(() => writeProgress(db, job.id, done, total));
        return pending;
      };
      const file = await render(job.kind as PrintKindName, db, params.print, progress);
      await pending;
      await finishJob(db, job.id, {
        content: file.content,
        mime: file.mime,
        fileName: `${params.baseName}.${file.extension}`,
      });
    } catch (error) {
      options.log?.(error);
      await failJob(db, job.id, translate(lang, 'printJobsRenderFailed'));
    }
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      await purgeOldFiles(db);
      for (;;) {
        if (stopped) return;
        const job = await claimNextJob(db, options.schoolIds);
        if (!job) break;
        await runOne(job);
      }
    } while (again && !stopped);
  }

  function kick(): void {
    if (stopped) return;
    if (loop) {
      again = true;
      return;
    }
    loop = drain()
      .catch((error) => options.log?.(error))
      .finally(() => {
        loop = null;
      });
  }

  return {
    kick,
    idle: async () => {
      while (loop) await loop;
    },
    async stop() {
      stopped = true;
      while (loop) await loop;
    },
  };
}

/** On start: fails the jobs a dead process left running, then runs what is queued. */
export async function resumePrintRunner(db: Kysely<DB>, runner: PrintRunner): Promise<void> {
  await failStaleJobs(db, translate('ru', 'printJobsInterrupted'));
  runner.kick();
}
