/**
 * The printed class journal (issue #7): `npx tsx bench/print.ts [--use <seeded db>]
 * [--database postgres://…] [--runs 3] [--out journal.pdf]`. On the demo school with a whole
 * year of journals (seeded as if today were 25 May), prints the whole journal of the class with
 * the most courses for the year and reports the wall time, the peak RSS of the process and the
 * longest the event loop was blocked meanwhile. `npm run bench` runs it through `benchPrint`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { renderClassJournal } from '../src/server/print/journal-pdf.ts';
import { classCourseIds } from '../src/server/print/print-access.ts';
import { academicYearOf } from '../src/server/seed/calendar.ts';
import { progressBar } from '../src/server/seed/progress.ts';
import { seedDemoSchool } from '../src/server/seed/seed-demo-school.ts';
import { scratchDatabase } from './database.ts';
import type { Measurement } from './load.ts';

/** A whole year's journal of one class must print within this (issue #7). */
export const printTargetMs = 10_000;
/** …and within this much memory. */
export const printTargetRssMb = 500;

/** Seeds the demo school with a whole year of journals into a new scratch database. */
export async function seedPrintSchool(
  postgresServer: string | undefined,
  onCreated: (drop: () => Promise<void>) => void,
): Promise<{ url: string; seedMs: number }> {
  const scratch = await scratchDatabase(postgresServer, 'bench_print');
  onCreated(scratch.drop);
  const database = openDatabase(scratch.url);
  try {
    await migrateToLatest(database);
    const started = performance.now();
    const yearEnd = new Date(`${academicYearOf(new Date()).startYear + 1}-05-25T12:00:00Z`);
    await seedDemoSchool(database.db, { today: yearEnd, onProgress: progressBar(process.stderr) });
    if (database.engine === 'postgres') await sql`analyze`.execute(database.db);
    return { url: scratch.url, seedMs: performance.now() - started };
  } finally {
    await database.close();
  }
}

/**
 * Prints the whole year's journal of the class with the most courses `runs` times (after one
 * unmeasured run): the median wall time, the peak RSS and the longest event-loop block.
 */
export async function benchPrint(
  url: string,
  options: { runs: number; out?: string },
  print: (line: string) => void,
): Promise<{ rows: Measurement[]; lines: string[] }> {
  const database = openDatabase(url);
  try {
    const db = database.db;
    const classes = await db
      .selectFrom('classes')
      .select(['id', 'schoolId', 'academicYearId', 'grade', 'letter'])
      .where('archivedAt', 'is', null)
      .orderBy('id')
      .execute();
    let chosen = classes[0];
    let most = -1;
    for (const c of classes) {
      const count = (await classCourseIds(db, c.id)).length;
      if (count > most) {
        most = count;
        chosen = c;
      }
    }
    if (!chosen) throw new Error('no class to print');
    const job = {
      schoolId: chosen.schoolId,
      classId: chosen.id,
      academicYearId: chosen.academicYearId,
      periodId: null,
      courseIds: null,
      printedOn: '2027-05-31',
      lang: 'ru' as const,
    };
    const first = await renderClassJournal(db, job);
    if (options.out) writeFileSync(options.out, first);
    const times: number[] = [];
    const cpu: number[] = [];
    let peakRss = process.memoryUsage.rss();
    let maxBlockMs = 0;
    let pages = 0;
    for (let i = 0; i < options.runs; i++) {
      const loop = monitorEventLoopDelay({ resolution: 5 });
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, process.memoryUsage.rss());
      }, 20);
      loop.enable();
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const pdf = await renderClassJournal(db, job);
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpuBefore);
      cpu.push((used.user + used.system) / 1000);
      loop.disable();
      clearInterval(sampler);
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      maxBlockMs = Math.max(maxBlockMs, loop.max / 1e6);
      pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const cpuP50 = cpu[Math.floor(cpu.length / 2)] ?? 0;
    const p50 = times[Math.floor(times.length / 2)] ?? 0;
    const rssMb = peakRss / 2 ** 20;
    const line = `print: ${chosen.grade}${chosen.letter}, ${most} courses, whole year, ${pages} pages (${(first.length / 2 ** 20).toFixed(1)} MiB): wall ${p50.toFixed(0)} ms, process CPU ${cpuP50.toFixed(0)} ms (medians of ${options.runs}), peak RSS ${rssMb.toFixed(0)} MB, longest event-loop block ${maxBlockMs.toFixed(0)} ms (targets ${printTargetMs} ms, ${printTargetRssMb} MB)`;
    print(line);
    const row: Measurement = {
      name: `print: class journal PDF, ${most} courses, whole year`,
      p50,
      p95: times.at(-1) ?? p50,
      p99: times.at(-1) ?? p50,
      rps: null,
      requests: options.runs,
      errors: 0,
      statuses: {},
    };
    return { rows: [row], lines: [line] };
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      use: { type: 'string' },
      database: { type: 'string' },
      runs: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const drops: Array<() => Promise<void>> = [];
  const print = (line: string) => process.stdout.write(`${line}\n`);
  try {
    let url = values.use;
    if (url && !url.startsWith('postgres') && !existsSync(url)) throw new Error(`--use: no such file ${url}`);
    if (url) {
      const database = openDatabase(url);
      await migrateToLatest(database);
      await database.close();
    } else {
      const seeded = await seedPrintSchool(
        values.database || process.env.BENCH_DATABASE_URL || undefined,
        (d) => drops.push(d),
      );
      url = seeded.url;
      print(`seeded the demo school with a whole year in ${(seeded.seedMs / 1000).toFixed(1)} s`);
    }
    await benchPrint(url, { runs: Number(values.runs ?? 3), out: values.out }, print);
  } finally {
    while (drops.length) await drops.pop()?.();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
