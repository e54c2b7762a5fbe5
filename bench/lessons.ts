/**
 * Lesson generation: a school of 33 classes (the district seed's school, 3 classes per grade)
 * gets its draft timetable, then every lesson of the school year is generated and timed, on
 * SQLite and, given a postgres:// server, on PostgreSQL. `npx tsx bench/lessons.ts [--database
 * postgres://…]` (or TEST_DATABASE_URL / BENCH_DATABASE_URL) prints the figures on its own;
 * `npm run bench` puts the same row in its table.
 */
import { pathToFileURL } from 'node:url';
import { systemCtx } from '../src/server/access/actor.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { seedDistrict } from '../src/server/seed/seed-district.ts';
import { draftClasses } from '../src/server/timetable/draft-timetable.ts';
import { regenerateLessons } from '../src/server/timetable/generate-lessons.ts';
import { scratchDatabase } from './database.ts';
import type { Measurement } from './load.ts';

/** Seeds a 33-class school, drafts its timetable and times generating the year's lessons. */
export async function measureLessonGeneration(
  postgresServer?: string,
): Promise<Measurement & { lessons: number }> {
  const scratch = await scratchDatabase(postgresServer, 'bench_lessons');
  const database = openDatabase(scratch.url);
  try {
    await migrateToLatest(database);
    const district = await seedDistrict(database.db, { schools: 1, journal: false });
    const schoolId = district.schoolIds[0] ?? 0;
    const year = await database.db
      .selectFrom('academicYears')
      .select(['id', 'startsOn', 'endsOn'])
      .where('schoolId', '=', schoolId)
      .executeTakeFirstOrThrow();
    const scope = { schoolId, academicYearId: year.id, classIds: null };
    await database.db
      .transaction()
      .execute((trx) => draftClasses(trx, systemCtx(database.db), { ...scope, from: year.startsOn }));
    const whole = { ...scope, from: year.startsOn, to: year.endsOn };
    const started = performance.now();
    const report = await database.db.transaction().execute((trx) => regenerateLessons(trx, whole));
    const ms = performance.now() - started;
    const again = performance.now();
    await database.db.transaction().execute((trx) => regenerateLessons(trx, whole));
    const rerunMs = performance.now() - again;
    return {
      name: `lessons of a year, 33 classes (${report.created} lessons; rerun ${rerunMs.toFixed(0)} ms)`,
      p50: ms,
      p95: ms,
      p99: ms,
      rps: null,
      requests: 1,
      errors: 0,
      statuses: {},
      lessons: report.created,
    };
  } finally {
    await database.close();
    await scratch.drop();
  }
}

async function main(): Promise<void> {
  const flag = process.argv.indexOf('--database');
  const server =
    (flag >= 0 ? process.argv[flag + 1] : undefined) ||
    process.env.BENCH_DATABASE_URL ||
    process.env.TEST_DATABASE_URL ||
    undefined;
  for (const engine of server ? [undefined, server] : [undefined]) {
    const row = await measureLessonGeneration(engine);
    process.stdout.write(`${engine ? 'PostgreSQL' : 'SQLite'}: ${row.name}: ${row.p50.toFixed(0)} ms\n`);
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
