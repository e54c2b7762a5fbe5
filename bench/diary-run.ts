/**
 * The diary scenarios (issue #5): `npx tsx bench/diary-run.ts [--schools 30] [--parents 1000]
 * [--use <seeded database>] [--database postgres://…] [--duration 10] [--connections 10]`.
 * Seeds a district of N schools with their journals (or uses a database seeded before, e.g. by
 * `npm run seed -- --schools 30`), signs in the parents, measures the ceiling and the diary, and
 * prints one table. `npm run bench` runs the same through `benchDiary`.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { progressBar } from '../src/server/seed/progress.ts';
import { seedDistrict } from '../src/server/seed/seed-district.ts';
import { scratchDatabase } from './database.ts';
import { checkFreshness, measureDiary } from './diary.ts';
import { prepareDiaryParents } from './diary-data.ts';
import { type LoadSettings, type Measurement, measureScenario } from './load.ts';
import { formatErrors, formatTable } from './report.ts';
import { ceilingScenario } from './scenarios.ts';
import { type ServerSpec, startServer, stopAllServers } from './servers.ts';

/** A server of Otmetka on a database, as the bench starts it. */
export function diaryServer(databaseUrl: string): ServerSpec {
  return {
    name: 'Otmetka server',
    entry: 'src/server/cli/main.ts',
    args: ['serve'],
    env: {
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
      EXPORT_RATE_LIMIT_PER_MINUTE: '1000000',
    },
    readyPath: '/api/health',
    // Other work may share the machine: a cold start under load takes far longer than 2 s.
    timeoutMs: 120_000,
  };
}

/** A district of `schools` schools with journals in a new scratch database, timed. */
export async function seedDiaryDistrict(
  postgresServer: string | undefined,
  schools: number,
  onCreated: (drop: () => Promise<void>) => void,
): Promise<{ url: string; seedMs: number }> {
  const scratch = await scratchDatabase(postgresServer, 'bench_diary');
  onCreated(scratch.drop);
  const database = openDatabase(scratch.url);
  try {
    await migrateToLatest(database);
    const started = performance.now();
    await seedDistrict(database.db, { schools, onProgress: progressBar(process.stderr) });
    return { url: scratch.url, seedMs: performance.now() - started };
  } finally {
    await database.close();
  }
}

/** What the diary part of a bench run gives back. */
export interface DiaryBench {
  rows: Measurement[];
  /** Diary throughput as a share of the ceiling (0–1). */
  share: number;
  freshness: { ok: boolean; detail: string };
  lines: string[];
}

/**
 * Runs the diary scenarios on a seeded database: `parents` parents signed in, the week measured
 * against a server process, the freshness check across two processes. `ceilingRps` is the same
 * run's bare-Fastify figure.
 */
export async function benchDiary(
  databaseUrl: string,
  options: { parents: number; settings: LoadSettings; concurrentSeconds: number; ceilingRps: number },
  print: (line: string) => void,
): Promise<DiaryBench> {
  const prepared = await prepareDiaryParents(databaseUrl, options.parents);
  const marks = prepared.marks.toLocaleString('en').replace(/,/g, ' ');
  const size = `${prepared.schools} schools, ${marks} marks`;
  print(`diary: ${prepared.parents.length} parents signed in (${size})`);
  const server = await startServer(diaryServer(databaseUrl));
  try {
    const { rows } = await measureDiary(
      server.url,
      prepared.parents,
      options.settings,
      options.concurrentSeconds,
      size,
    );
    for (const row of rows) print(`${row.name}: p95 ${row.p95.toFixed(2)} ms, ${row.errors} errors`);
    let freshness = { ok: false, detail: 'no lesson ahead found for the check' };
    if (prepared.freshness) {
      const reader = await startServer(diaryServer(databaseUrl));
      try {
        freshness = await checkFreshness(server.url, reader.url, prepared.freshness);
      } finally {
        await reader.stop();
      }
    }
    const loaded = rows[3];
    const concurrent = rows[4];
    const share = options.ceilingRps > 0 ? (loaded?.rps ?? 0) / options.ceilingRps : 0;
    const lines = [
      `diary: ${loaded?.rps?.toFixed(0)} req/s against the ceiling's ${options.ceilingRps.toFixed(0)} req/s: ${(share * 100).toFixed(0)} % (target ≥ 50 %)`,
      `diary: warm week p95 ${rows[1]?.p95.toFixed(2)} ms over a loopback socket, one request at a time (target ≤ 3 ms)`,
      `diary: ${concurrent?.requests} requests from ${prepared.parents.length} parents at once, p95 ${concurrent?.p95.toFixed(1)} ms, statuses ${JSON.stringify(concurrent?.statuses)}, ошибок: ${concurrent?.errors}`,
      `diary freshness (mark saved in one server process, read in another): ${freshness.ok ? 'OK' : 'FAIL'} — ${freshness.detail}`,
    ];
    return { rows, share, freshness, lines };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      schools: { type: 'string' },
      parents: { type: 'string' },
      use: { type: 'string' },
      database: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
    },
  });
  const duration = Number(values.duration ?? 10);
  const settings = { duration, warmup: 1, connections: Number(values.connections ?? 10) };
  const drops: Array<() => Promise<void>> = [];
  try {
    let url = values.use;
    if (url && !url.startsWith('postgres') && !existsSync(url)) throw new Error(`--use: no such file ${url}`);
    if (url) {
      const database = openDatabase(url);
      await migrateToLatest(database);
      await database.close();
    } else {
      const schools = Number(values.schools ?? 30);
      const seeded = await seedDiaryDistrict(
        values.database || process.env.BENCH_DATABASE_URL || undefined,
        schools,
        (d) => drops.push(d),
      );
      url = seeded.url;
      process.stdout.write(`seeded a district of ${schools} in ${(seeded.seedMs / 1000).toFixed(1)} s\n`);
    }
    const ceilingServer = await startServer({
      name: 'ceiling server',
      entry: 'bench/ceiling-server.ts',
      readyPath: '/',
    });
    const ceiling = await measureScenario(ceilingServer.url, ceilingScenario, settings);
    await ceilingServer.stop();
    const print = (line: string) => process.stdout.write(`${line}\n`);
    const result = await benchDiary(
      url,
      {
        parents: Number(values.parents ?? 1000),
        settings,
        concurrentSeconds: duration,
        ceilingRps: ceiling.rps ?? 0,
      },
      print,
    );
    const rows = [ceiling, ...result.rows];
    print('');
    print(formatTable(rows, ceiling.rps ?? 0));
    for (const line of [...formatErrors(rows), ...result.lines]) print(line);
    if (!result.freshness.ok) process.exitCode = 1;
  } finally {
    await stopAllServers();
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
