/**
 * The evening peak on its own: `npx tsx bench/peak-run.ts --database postgres://…/db
 * [--parents 5000] [--teachers 100] [--think 5] [--duration 60] [--warmup 10] [--pool N]`.
 * The database is a district seeded before (`npm run seed -- --schools 30`). Prints the summary
 * and one table; exits 1 when a target is missed.
 */
import { availableParallelism, cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { runEveningPeak } from './peak.ts';
import { formatFacts, formatTable } from './report.ts';
import { killAllServersNow, stopAllServers } from './servers.ts';

const number = (text: string | undefined, name: string): number | undefined => {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name}: a positive number, not «${text}»`);
  return value;
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      database: { type: 'string' },
      parents: { type: 'string' },
      teachers: { type: 'string' },
      think: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      pool: { type: 'string' },
    },
  });
  const databaseUrl = values.database ?? process.env.DATABASE_URL;
  if (!databaseUrl?.startsWith('postgres')) throw new Error('--database postgres://… (a seeded district)');
  const pool = number(values.pool, 'pool');
  const print = (line: string) => process.stdout.write(`${line}\n`);
  process.once('exit', killAllServersNow);
  try {
    const result = await runEveningPeak({
      databaseUrl,
      parents: number(values.parents, 'parents'),
      teachers: number(values.teachers, 'teachers'),
      thinkSeconds: number(values.think, 'think'),
      durationSeconds: number(values.duration, 'duration'),
      warmupSeconds: values.warmup === '0' ? 0 : number(values.warmup, 'warmup'),
      serverEnv: pool ? { DATABASE_POOL_SIZE: String(pool) } : {},
      print,
    });
    print('');
    print(
      formatFacts({
        CPUs: `${availableParallelism()} × ${cpus()[0]?.model.trim() ?? 'unknown'} (servers, PostgreSQL and load generators share them)`,
        'server processes': `2 on one PostgreSQL database, DATABASE_POOL_SIZE ${pool ?? 'default'}`,
        Node: process.version,
      }),
    );
    print('');
    // No ceiling in this run: the share column stays empty. Statuses are in the lines above.
    print(formatTable(result.rows, 0));
    print(`targets: ${result.targetsMet.all ? 'all met' : 'MISSED'} ${JSON.stringify(result.targetsMet)}`);
    if (!result.targetsMet.all) process.exitCode = 1;
  } finally {
    await stopAllServers();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `evening peak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
