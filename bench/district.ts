/**
 * `npm run bench -- --scale district` (issue #10): every earlier scenario on a district, on SQLite
 * and on PostgreSQL in one run, one bare-Fastify ceiling for both, then the evening peak on the
 * PostgreSQL district (bench/peak.ts), printed as one table. The districts are given
 * (`--district-sqlite`, `--district-postgres`, seeded before by `npm run seed -- --schools N`) or
 * seeded here into scratch databases (`--schools N`; PostgreSQL on the `--database` server).
 */
import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { seedDiaryDistrict } from './diary-run.ts';
import { benchDistrictEngine, type EngineSettings } from './district-engine.ts';
import {
  type EngineName,
  type EngineRows,
  engines,
  formatDistrictErrors,
  formatDistrictTable,
} from './district-table.ts';
import { type Measurement, measureScenario } from './load.ts';
import type { BenchOptions } from './options.ts';
import { formatFacts, formatTable } from './report.ts';
import { ceilingScenario } from './scenarios.ts';
import { startServer } from './servers.ts';

/** What bench/peak.ts answers (its rows are `Measurement`-like), as far as this file relies on it. */
interface PeakResult {
  rows: Array<Partial<Measurement> & { name: string; p50: number; p95: number }>;
  rssMbMax: number[];
  targetsMet?: unknown;
}
type RunEveningPeak = (options: {
  databaseUrl: string;
  parents: number;
  teachers: number;
  thinkSeconds: number;
  durationSeconds: number;
  print: (line: string) => void;
}) => Promise<PeakResult>;

/** Issue #10's targets for the evening peak. */
export const peakTargets = { saveP95Ms: 50, diaryP95Ms: 100, rssMb: 300 };

/** What the district bench answers: each engine's rows, the ceiling, and the peak when it ran. */
export interface DistrictBench {
  results: Record<EngineName, EngineRows>;
  ceiling: Measurement;
  peak: PeakResult | null;
  /** A scenario or the peak broke (not: missed a target). */
  failed: boolean;
}

/** The seeded district of one engine: the one given, a scratch one seeded now, or none. */
async function districtOf(
  engine: EngineName,
  options: BenchOptions,
  onCreated: (drop: () => Promise<void>) => void,
  print: (line: string) => void,
): Promise<{ url: string; version: string; marks: number } | { notRun: string }> {
  let url = engine === 'sqlite' ? options.districtSqlite : options.districtPostgres;
  if (url && engine === 'sqlite' && !existsSync(url))
    throw new Error(`--district-sqlite: no such file ${url}`);
  if (!url) {
    if (engine === 'postgres' && !options.database)
      return { notRun: 'no PostgreSQL (--district-postgres, --database or BENCH_DATABASE_URL)' };
    const seeded = await seedDiaryDistrict(
      engine === 'postgres' ? options.database : undefined,
      options.schools,
      onCreated,
    );
    print(`${engine}: seeded a district of ${options.schools} in ${(seeded.seedMs / 1000).toFixed(1)} s`);
    url = seeded.url;
  }
  const database = openDatabase(url);
  try {
    await migrateToLatest(database);
    const db = database.db;
    // Fresh tables have no statistics: without them PostgreSQL plans the reports' scans badly.
    if (database.engine === 'postgres') await sql`analyze`.execute(db);
    const query =
      database.engine === 'postgres'
        ? sql<{
            v: string;
          }>`select 'PostgreSQL ' || split_part(current_setting('server_version'), ' ', 1) as v`
        : sql<{ v: string }>`select 'SQLite ' || sqlite_version() as v`;
    const version = (await query.execute(db)).rows[0]?.v ?? engine;
    const marks = await db
      .selectFrom('marks')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const schools = await db
      .selectFrom('schools')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return {
      url,
      version: `${version}, ${schools.n} schools, ${Number(marks.n)} marks`,
      marks: Number(marks.n),
    };
  } finally {
    await database.close();
  }
}

/** bench/peak.ts's runner when that file exists (another part of issue #10), else null. */
async function peakRunner(): Promise<RunEveningPeak | null> {
  const file = new URL('./peak.ts', import.meta.url);
  if (!existsSync(fileURLToPath(file))) return null;
  const loaded = (await import(file.href)) as { runEveningPeak?: RunEveningPeak };
  return loaded.runEveningPeak ?? null;
}

/** The peak's rows as full measurements for the table, and a line per target, met or missed. */
export function peakReport(peak: PeakResult, ceilingRps: number): string[] {
  const rows: Measurement[] = peak.rows.map((r) => ({
    name: r.name,
    p50: r.p50,
    p95: r.p95,
    p99: r.p99 ?? r.p95,
    rps: r.rps ?? null,
    requests: r.requests ?? 0,
    errors: r.errors ?? 0,
    statuses: r.statuses ?? {},
  }));
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const save = rows.find((r) => /mark|save/i.test(r.name));
  const diary = rows.find((r) => /diary/i.test(r.name));
  const errors = rows.reduce((sum, r) => sum + r.errors, 0);
  const rss = Math.max(0, ...peak.rssMbMax);
  return [
    formatTable(rows, ceilingRps),
    `peak target: teacher save p95 ≤ ${peakTargets.saveP95Ms} ms: ${save ? `${save.p95.toFixed(1)} ms, ${verdict(save.p95 <= peakTargets.saveP95Ms)}` : 'no save row'}`,
    `peak target: diary p95 ≤ ${peakTargets.diaryP95Ms} ms: ${diary ? `${diary.p95.toFixed(1)} ms, ${verdict(diary.p95 <= peakTargets.diaryP95Ms)}` : 'no diary row'}`,
    `peak target: no errors: ${errors}, ${verdict(errors === 0)}`,
    `peak target: ≤ ${peakTargets.rssMb} MB per process: ${peak.rssMbMax.map((mb) => `${mb.toFixed(0)} MB`).join(', ')}, ${verdict(peak.rssMbMax.length > 0 && rss <= peakTargets.rssMb)}`,
  ];
}

/**
 * Runs the district bench, printing progress and then the one table through `print`;
 * `onCreated` receives the cleanup of every scratch database as soon as it exists.
 */
export async function runDistrictBench(
  options: BenchOptions,
  print: (line: string) => void,
  onCreated: (drop: () => Promise<void>) => void,
): Promise<DistrictBench> {
  const started = performance.now();
  const loadBefore = loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  const settings = { duration: options.duration, warmup: options.warmup, connections: options.connections };
  const districts = {
    sqlite: await districtOf('sqlite', options, onCreated, print),
    postgres: await districtOf('postgres', options, onCreated, print),
  };

  const ceilingServer = await startServer({
    name: 'ceiling server',
    entry: 'bench/ceiling-server.ts',
    readyPath: '/',
  });
  const ceiling = await measureScenario(ceilingServer.url, ceilingScenario, settings);
  await ceilingServer.stop();
  const ceilingRps = ceiling.rps ?? 0;
  print(`${ceiling.name}: ${ceilingRps.toFixed(0)} req/s`);

  const engineSettings: EngineSettings = {
    settings,
    coldStarts: options.coldStarts,
    journalSamples: options.duration <= 2 ? 50 : 500,
    diaryParents: options.diaryParents,
    runs: options.reportsRuns,
    postgresServer: options.database ?? options.districtPostgres,
  };
  const results = {} as Record<EngineName, EngineRows>;
  const summary: string[] = [];
  for (const { name } of engines) {
    const district = districts[name];
    if ('notRun' in district) {
      results[name] = district;
      continue;
    }
    const run = await benchDistrictEngine(name, district.url, engineSettings, ceilingRps, print);
    const ceilingRow = { key: 'ceiling#0', label: ceiling.name, measurement: ceiling };
    results[name] = { rows: [ceilingRow, ...run.rows] };
    summary.push(...run.lines);
  }

  let peak: PeakResult | null = null;
  let peakNote = 'evening peak: not run: no PostgreSQL district';
  const postgres = districts.postgres;
  if (!('notRun' in postgres)) {
    const runEveningPeak = await peakRunner();
    peakNote = 'evening peak: not run: bench/peak.ts is not there yet';
    try {
      if (runEveningPeak) peak = await runEveningPeak({ databaseUrl: postgres.url, ...options.peak, print });
    } catch (error) {
      // The table of both engines is printed all the same; the peak's failure is said under it.
      peakNote = `evening peak: FAILED: ${error instanceof Error ? error.message : String(error)}`;
      print(
        `evening peak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }

  const facts: Record<string, string> = {
    CPUs: `${availableParallelism()} × ${cpus()[0]?.model.trim() ?? 'unknown'} (the load generator shares them)`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    'load average': `${loadBefore} before, ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')} after (1, 5, 15 min)`,
    Node: process.version,
  };
  for (const { name, title } of engines) {
    const district = districts[name];
    facts[title] = 'notRun' in district ? `not run: ${district.notRun}` : district.version;
  }
  facts.load = `${settings.connections} connections, ${settings.duration} s per scenario after ${settings.warmup} s warm-up, loopback`;
  facts['total time'] = `${((performance.now() - started) / 1000).toFixed(0)} s`;
  print('');
  print(formatFacts(facts));
  print('');
  print(formatDistrictTable(results, ceilingRps));
  for (const line of [...formatDistrictErrors(results), ...summary]) print(line);
  print('');
  if (peak) {
    print(
      `evening peak on PostgreSQL: ${options.peak.parents} parents (think ${options.peak.thinkSeconds} s), ${options.peak.teachers} teachers, ${options.peak.durationSeconds} s`,
    );
    for (const line of peakReport(peak, ceilingRps)) print(line);
  } else {
    print(peakNote);
  }
  const broke = Object.values(results).some((r) => 'rows' in r && r.rows.some((row) => row.failed));
  return { results, ceiling, peak, failed: broke || peakNote.startsWith('evening peak: FAILED') };
}
