/**
 * The journal scenarios on their own, at a chosen scale: `npx tsx bench/journal-run.ts [--schools N]
 * [--samples N] [--database postgres://…]`. Without `--schools` the demo school is seeded (as `npm
 * run bench` does); with it, a district of N schools with their journals (`seedDistrict`), timed.
 */

import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { seedDemoSchool } from '../src/server/seed/seed-demo-school.ts';
import { seedDistrict } from '../src/server/seed/seed-district.ts';
import { scratchDatabase } from './database.ts';
import { measureJournal } from './journal.ts';
import { formatTable } from './report.ts';
import { startServer, stopAllServers } from './servers.ts';

/** The login of the teacher of the course with the most marks (the district's schools have no «teacher»). */
async function busiestTeacher(databaseUrl: string): Promise<string> {
  const { db, close } = openDatabase(databaseUrl);
  try {
    const row = await db
      .selectFrom('marks')
      .innerJoin('lessons', 'lessons.id', 'marks.lessonId')
      .innerJoin('courses', 'courses.id', 'lessons.courseId')
      .innerJoin('accounts', 'accounts.personId', 'courses.teacherId')
      .select((eb) => ['accounts.login', eb.fn.countAll().as('n')])
      .groupBy(['courses.id', 'accounts.login'])
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    return row.login;
  } finally {
    await close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { schools: { type: 'string' }, samples: { type: 'string' }, database: { type: 'string' } },
  });
  const schools = values.schools ? Number(values.schools) : 0;
  const samples = Number(values.samples ?? 500);
  const scratch = await scratchDatabase(
    values.database || process.env.BENCH_DATABASE_URL || undefined,
    'bench',
  );
  try {
    const database = openDatabase(scratch.url);
    await migrateToLatest(database);
    const started = performance.now();
    if (schools > 0) await seedDistrict(database.db, { schools });
    else await seedDemoSchool(database.db);
    const seconds = (performance.now() - started) / 1000;
    await database.close();
    process.stdout.write(
      `seeded ${schools > 0 ? `a district of ${schools}` : 'the demo school'} in ${seconds.toFixed(1)} s\n`,
    );
    const login = schools > 0 ? await busiestTeacher(scratch.url) : 'teacher';
    const server = await startServer({
      name: 'Otmetka server',
      entry: 'src/server/cli/main.ts',
      args: ['serve'],
      env: {
        DATABASE_URL: scratch.url,
        LOG_LEVEL: 'warn',
        LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
        EXPORT_RATE_LIMIT_PER_MINUTE: '1000000',
      },
      readyPath: '/api/health',
    });
    const rows = await measureJournal(server.url, scratch.url, samples, login);
    process.stdout.write(`${formatTable(rows, 0)}\n`);
    for (const row of rows)
      if (row.errors) process.stdout.write(`errors in ${row.name}: ${JSON.stringify(row.statuses)}\n`);
  } finally {
    await stopAllServers();
    await scratch.drop();
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
