/**
 * `npm run bench`: seeds the demo school into a fresh database, measures the server's cold start,
 * loads each scenario with autocannon against a server in its own process, measures the machine's
 * ceiling (bare Fastify) in the same run, and prints one table. `--scale district` runs every
 * scenario on a district on both engines instead (bench/district.ts). See `--help`.
 */
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { pathToFileURL } from 'node:url';
import { measureColdStart } from './cold-start.ts';
import { prepareDatabase } from './database.ts';
import { benchDiary, seedDiaryDistrict } from './diary-run.ts';
import { measureJournal } from './journal.ts';
import { type Measurement, measureScenario } from './load.ts';
import { type BenchOptions, parseBenchArgs, usage } from './options.ts';
import { formatErrors, formatFacts, formatTable } from './report.ts';
import { benchReports, seedReportsDistrict } from './reports.ts';
import { appScenarios, ceilingScenario } from './scenarios.ts';
import { killAllServersNow, type ServerSpec, startServer, stopAllServers } from './servers.ts';
import { sessionCookieOf } from './session.ts';

const cleanups: Array<() => Promise<void>> = [];

/** Stops every child process and removes the bench database; safe to call more than once. */
export async function cleanUp(): Promise<void> {
  await stopAllServers();
  while (cleanups.length) await cleanups.pop()?.();
}

function appServer(databaseUrl: string): ServerSpec {
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
  };
}

/** Runs the whole bench, writing progress and the final table through `print`; returns the rows. */
export async function runBench(options: BenchOptions, print: (line: string) => void): Promise<Measurement[]> {
  const settings = { duration: options.duration, warmup: options.warmup, connections: options.connections };
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const database = await prepareDatabase(options.database, (drop) => cleanups.push(drop));
    print(`seeded the demo school (${database.engine}) in ${(database.seedMs / 1000).toFixed(2)} s`);
    const spec = appServer(database.url);

    const rows: Measurement[] = [await measureColdStart(spec, options.coldStarts)];
    print(`cold start: ${rows[0]!.p50.toFixed(0)} ms (median of ${options.coldStarts})`);
    rows.push(await (await import('./lessons.ts')).measureLessonGeneration(options.database));

    const ceilingServer = await startServer({
      name: 'ceiling server',
      entry: 'bench/ceiling-server.ts',
      readyPath: '/',
    });
    const ceiling = await measureScenario(ceilingServer.url, ceilingScenario, settings);
    await ceilingServer.stop();
    print(`${ceiling.name}: ${ceiling.rps?.toFixed(0)} req/s`);

    const server = await startServer(spec);
    const cookies = {
      teacher: await sessionCookieOf(server.url, 'teacher'),
      parent: await sessionCookieOf(server.url, 'parent'),
    };
    const measured: Measurement[] = [];
    for (const scenario of appScenarios(cookies)) {
      const row = await measureScenario(server.url, scenario, settings);
      print(`${row.name}: ${row.rps?.toFixed(0)} req/s`);
      measured.push(row);
    }
    measured.push(...(await measureJournal(server.url, database.url, options.duration <= 2 ? 50 : 500)));
    await server.stop();
    rows.push(ceiling, ...measured);
    const { measureGridInBrowser } = await import('./grid-browser.ts');
    rows.push(...(await measureGridInBrowser(database.url, { quick: options.duration <= 2 })));

    // The diary (issue #5) on a district: its own database, seeded unless one is given.
    let diaryUrl = options.diaryDatabase;
    if (!diaryUrl) {
      const seeded = await seedDiaryDistrict(options.database, options.diarySchools, (drop) =>
        cleanups.push(drop),
      );
      print(
        `seeded a district of ${options.diarySchools} for the diary in ${(seeded.seedMs / 1000).toFixed(1)} s`,
      );
      diaryUrl = seeded.url;
    }
    const diary = await benchDiary(
      diaryUrl,
      {
        parents: options.diaryParents,
        settings,
        concurrentSeconds: options.duration,
        ceilingRps: ceiling.rps ?? 0,
      },
      print,
    );
    rows.push(...diary.rows);

    // The control reports (issue #6), in-process: a district with a whole year of journals.
    let reportsUrl = options.reportsDatabase ?? (options.reportsSchools === 0 ? diaryUrl : undefined);
    if (!reportsUrl) {
      const seeded = await seedReportsDistrict(options.database, options.reportsSchools, (drop) =>
        cleanups.push(drop),
      );
      print(
        `seeded a district of ${options.reportsSchools} with a whole year for the reports in ${(seeded.seedMs / 1000).toFixed(1)} s`,
      );
      reportsUrl = seeded.url;
    }
    const reports = await benchReports(reportsUrl, { runs: options.reportsRuns }, print);
    rows.push(...reports.rows);
    rows.push(
      ...(await (await import('./print.ts')).benchPrint(reportsUrl, { runs: options.reportsRuns }, print))
        .rows,
    );
    // Backups (issue #8): whole backups of the same district while teachers write.
    const backup = await (await import('./backup.ts')).benchBackup(
      reportsUrl,
      { runs: Math.min(options.reportsRuns, 3) },
      print,
    );
    rows.push(...backup.rows);

    const cpu = cpus()[0]?.model.trim() ?? 'unknown';
    const facts = {
      CPUs: `${availableParallelism()} × ${cpu} (the load generator shares them)`,
      memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
      'load average': `${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after (1 min)`,
      Node: process.version,
      database: database.version,
      load: `${settings.connections} connections, ${settings.duration} s per scenario after ${settings.warmup} s warm-up, loopback`,
    };
    print('');
    print(formatFacts(facts));
    print('');
    print(formatTable(rows, ceiling.rps ?? 0));
    for (const line of formatErrors(rows)) print(line);
    for (const line of diary.lines) print(line);
    for (const line of reports.lines) print(line);
    for (const line of backup.lines) print(line);
    if (loadBefore > availableParallelism() / 2) {
      print(
        `note: load average ${loadBefore.toFixed(1)} before the run: other work shares the CPUs, figures are not comparable with a quiet run`,
      );
    }
    return rows;
  } finally {
    await cleanUp();
  }
}

let interrupted = false;

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  if (!options) {
    process.stdout.write(usage);
    return;
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interrupted = true;
      process.stderr.write(`\n${signal}: stopping servers and removing the bench database…\n`);
      cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
  process.once('exit', killAllServersNow);
  const print = (line: string) => process.stdout.write(`${line}\n`);
  if (options.scale === 'district') {
    const { runDistrictBench } = await import('./district.ts');
    try {
      const district = await runDistrictBench(options, print, (drop) => cleanups.push(drop));
      if (district.failed) process.exitCode = 1;
    } finally {
      await cleanUp();
    }
    return;
  }
  await runBench(options, print);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    if (interrupted) return;
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
