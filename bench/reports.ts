/**
 * The control reports (issue #6): `npx tsx bench/reports.ts [--schools 3] [--use <seeded db>]
 * [--database postgres://…] [--runs 5]`. On a seeded district, times every report of the
 * registry for the whole academic year of the first school as its deputy, in-process (scope,
 * compute and tables, warm), and the district rollup over every school as the inspector.
 * `npm run bench` runs the same through `benchReports` on the diary's district.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Ctx } from '../src/server/access/actor.ts';
import { grantsOf } from '../src/server/auth/auth.queries.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { forgetSchoolFigures } from '../src/server/reports/district-cache.ts';
import { districtReport } from '../src/server/reports/district-reports.ts';
import { reportDefinitions } from '../src/server/reports/registry.ts';
import { reportYear, resolveReportScope } from '../src/server/reports/report-scope.ts';
import { progressBar } from '../src/server/seed/progress.ts';
import { endOfYear, seedDistrict } from '../src/server/seed/seed-district.ts';
import { scratchDatabase } from './database.ts';
import { type Measurement, percentile } from './load.ts';
import { formatTable } from './report.ts';

/** A school's whole year must take at most this (issue #6). */
export const schoolTargetMs = 500;
/** The district rollup of 30 schools must take at most this (issue #6). */
export const districtTargetMs = 3000;

/**
 * A district of `schools` schools whose journals run the whole current academic year (seeded as
 * if today were 30 June), in a new scratch database, timed.
 */
export async function seedReportsDistrict(
  postgresServer: string | undefined,
  schools: number,
  onCreated: (drop: () => Promise<void>) => void,
): Promise<{ url: string; seedMs: number }> {
  const scratch = await scratchDatabase(postgresServer, 'bench_reports');
  onCreated(scratch.drop);
  const database = openDatabase(scratch.url);
  try {
    await migrateToLatest(database);
    const started = performance.now();
    await seedDistrict(database.db, { schools, today: endOfYear(), onProgress: progressBar(process.stderr) });
    // Fresh tables have no statistics: without them PostgreSQL plans the reports' scans badly.
    if (database.engine === 'postgres') await sql`analyze`.execute(database.db);
    return { url: scratch.url, seedMs: performance.now() - started };
  } finally {
    await database.close();
  }
}

/**
 * Times `task` once unmeasured, then `runs` times; a row of the bench table, with the median CPU
 * time of this process per run (on a loaded machine the wall time waits for the CPU; with SQLite
 * the CPU time is the work itself, with PostgreSQL the server's part is not in it).
 */
async function timed(
  name: string,
  runs: number,
  task: () => Promise<unknown>,
): Promise<Measurement & { cpuP50: number }> {
  await task();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await task();
    const used = process.cpuUsage(cpuBefore);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    name,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps: null,
    requests: runs,
    errors: 0,
    statuses: {},
    cpuP50: percentile(cpu, 50),
  };
}

async function personCtx(db: Ctx['db'], personId: number): Promise<Ctx> {
  const account = await db
    .selectFrom('accounts')
    .select('id')
    .where('personId', '=', personId)
    .executeTakeFirstOrThrow();
  return {
    db,
    actor: { kind: 'person', personId, accountId: account.id, grants: await grantsOf(db, personId) },
    request: { requestId: null, ip: null, lang: 'ru' },
  };
}

/** Who the reports are timed as: the first school's deputy and the district's inspector. */
async function actors(db: Ctx['db']) {
  const school = await db
    .selectFrom('schools')
    .select(['id', 'name', 'districtId'])
    .where('districtId', 'is not', null)
    .where('archivedAt', 'is', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const deputy = await db
    .selectFrom('roleAssignments')
    .select('personId')
    .where('role', '=', 'deputy')
    .where('schoolId', '=', school.id)
    .where('revokedAt', 'is', null)
    .orderBy('personId')
    .executeTakeFirstOrThrow();
  const inspector = await db
    .selectFrom('roleAssignments')
    .select('personId')
    .where('role', '=', 'district')
    .where('districtId', '=', school.districtId)
    .where('revokedAt', 'is', null)
    .orderBy('personId')
    .executeTakeFirstOrThrow();
  const schools = await db
    .selectFrom('schools')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('districtId', '=', school.districtId)
    .where('archivedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    school,
    schools: Number(schools.n),
    deputy: await personCtx(db, deputy.personId),
    inspector: await personCtx(db, inspector.personId),
  };
}

/** What the reports part of a bench run gives back: the rows and the lines against the targets. */
export interface ReportsBench {
  rows: Measurement[];
  lines: string[];
}

/**
 * Times every registered report for the whole year of the district's first school as its deputy
 * (`resolveReportScope`, `compute`, `tables`), and the district rollup, each `runs` times after
 * one warm-up run. Prints figures; asserts nothing.
 */
export async function benchReports(
  databaseUrl: string,
  options: { runs: number },
  print: (line: string) => void,
): Promise<ReportsBench> {
  const database = openDatabase(databaseUrl);
  try {
    const db = database.db;
    const who = await actors(db);
    const { year } = await reportYear(db, who.school.id, undefined);
    const query = { yearId: year.id, from: year.startsOn, to: year.endsOn };
    const marks = await db
      .selectFrom('marks')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('schoolId', '=', who.school.id)
      .executeTakeFirstOrThrow();
    print(
      `reports: ${who.school.name}, year ${year.name} (${year.startsOn} – ${year.endsOn}), ${Number(marks.n)} marks; ${reportDefinitions.length} reports × ${options.runs} runs`,
    );
    const rows: Array<Measurement & { cpuP50: number }> = [];
    for (const definition of reportDefinitions) {
      const row = await timed(`report ${definition.name}, school year`, options.runs, async () => {
        const scope = await resolveReportScope(who.deputy, query, definition.options);
        return definition.tables(await definition.compute(who.deputy, scope), 'ru');
      });
      print(
        `${row.name}: p50 ${row.p50.toFixed(0)} ms, p95 ${row.p95.toFixed(0)} ms, CPU p50 ${row.cpuP50.toFixed(0)} ms`,
      );
      rows.push(row);
    }
    // Cold: every school computed (nothing kept); warm: every school's figures kept per data version.
    const district = await timed(`district rollup, ${who.schools} schools, cold`, options.runs, () => {
      forgetSchoolFigures(db);
      return districtReport(who.inspector, { wholeYear: 'true' });
    });
    const warm = await timed(`district rollup, ${who.schools} schools, warm`, options.runs, () =>
      districtReport(who.inspector, { wholeYear: 'true' }),
    );
    for (const row of [district, warm])
      print(
        `${row.name}: p50 ${row.p50.toFixed(0)} ms, p95 ${row.p95.toFixed(0)} ms, CPU p50 ${row.cpuP50.toFixed(0)} ms`,
      );
    const slowest = rows.reduce((a, b) => (b.p95 > a.p95 ? b : a), rows[0]!);
    const over = rows.filter((r) => r.p95 > schoolTargetMs).map((r) => r.name);
    const lines = [
      `reports: slowest school report p95 ${slowest?.p95.toFixed(0)} ms, ${slowest?.name ?? '—'} (target ≤ ${schoolTargetMs} ms)${over.length ? `; over the target: ${over.join(', ')}` : ''}`,
      `reports: CPU of this process, p50 per run (ms): ${[...rows, district, warm].map((r) => `${r.name.replace(/^report /, '').replace(/, school year$/, '')} ${r.cpuP50.toFixed(0)}`).join(', ')}`,
      `reports: district rollup of ${who.schools} schools p95 ${district.p95.toFixed(0)} ms cold, ${warm.p95.toFixed(0)} ms warm (target ≤ ${districtTargetMs} ms for 30 schools)`,
    ];
    return { rows: [...rows, district, warm], lines };
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      schools: { type: 'string' },
      use: { type: 'string' },
      database: { type: 'string' },
      runs: { type: 'string' },
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
      const schools = Number(values.schools ?? 3);
      const seeded = await seedReportsDistrict(
        values.database || process.env.BENCH_DATABASE_URL || undefined,
        schools,
        (d) => drops.push(d),
      );
      url = seeded.url;
      print(
        `seeded a district of ${schools} with a whole year of journals in ${(seeded.seedMs / 1000).toFixed(1)} s`,
      );
    }
    const result = await benchReports(url, { runs: Number(values.runs ?? 5) }, print);
    print('');
    print(`load average ${loadavg()[0]?.toFixed(1)} (1 min) on ${availableParallelism()} CPUs`);
    print(formatTable(result.rows, 0));
    for (const line of result.lines) print(line);
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
