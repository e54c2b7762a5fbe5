import { rmSync } from 'node:fs';
import { today } from '../access/relationships.queries.ts';
import type { Config } from '../config.ts';
import { type Database, engineOf, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { serve } from '../main.ts';
import { progressBar } from '../seed/progress.ts';
import { seedDemoSchool } from '../seed/seed-demo-school.ts';
import { endOfYear, seedDistrict } from '../seed/seed-district.ts';
import { anySchoolExists } from '../structure/structure.queries.ts';

/** How far `otmetka seed` fills the journals: the whole year (default) or up to today. */
export type SeedUntil = 'year-end' | 'today';

/** Rows in the tables the seed fills, for the closing line of `otmetka seed`. */
async function seededCounts(database: Database) {
  const count = async (table: 'persons' | 'lessons' | 'marks' | 'attendance' | 'auditEvents') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    lessons: await count('lessons'),
    marks: await count('marks'),
    attendance: await count('attendance'),
    audit: await count('auditEvents'),
  };
}

/**
 * `otmetka seed --schools N [--until today]`: a district of N generated schools with journals
 * filled to the end of the academic year (or up to today), a progress bar on stderr, and the
 * counts and time at the end.
 */
export async function seedDatabase(
  database: Database,
  schools: number,
  until: string = 'year-end',
): Promise<void> {
  if (!Number.isInteger(schools) || schools < 1 || schools > 1000)
    throw new Error('--schools: целое число от 1 до 1000');
  if (until !== 'year-end' && until !== 'today') throw new Error('--until: today или year-end');
  const real = await database.db
    .selectFrom('auditEvents')
    .select('id')
    .where('action', '=', 'school.created')
    .limit(1)
    .executeTakeFirst();
  if (real) {
    throw new Error(
      'В этой базе работает настоящая школа: данные для замеров сюда не пишутся. Укажите другую базу в DATABASE_URL.',
    );
  }
  const started = Date.now();
  const today = until === 'today' ? new Date() : endOfYear();
  const { counts } = await seedDistrict(database.db, {
    schools,
    today,
    onProgress: progressBar(process.stderr),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const rows = await seededCounts(database);
  const n = (x: number) => x.toLocaleString('ru-RU');
  process.stdout.write(
    `Готово за ${seconds} с (журнал ${until === 'today' ? 'по сегодняшний день' : 'за весь учебный год'}): ` +
      `школ ${n(counts.schools)}, учеников ${n(counts.students)}, родителей ${n(counts.parents)}, ` +
      `сотрудников ${n(counts.staff)}, уроков ${n(rows.lessons)}, отметок ${n(rows.marks)}, ` +
      `записей посещаемости ${n(rows.attendance)}, событий истории ${n(rows.audit)}.\n`,
  );
}

/** Opens the demo database; a SQLite demo whose school year is over is thrown away and made anew. */
async function openDemo(config: Config): Promise<Database> {
  const url = config.demoDatabaseUrl;
  const database = openDatabase(url, { poolSize: config.databasePoolSize });
  await migrateToLatest(database);
  const now = today();
  const [school, year] = await Promise.all([
    anySchoolExists(database.db),
    database.db
      .selectFrom('academicYears')
      .select('id')
      .where('startsOn', '<=', now)
      .where('endsOn', '>=', now)
      .executeTakeFirst(),
  ]);
  if (!school || year || engineOf(url) !== 'sqlite') return database;
  process.stderr.write('Учебный год демо-школы закончился: создаю её заново.\n');
  await database.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${url}${suffix}`, { force: true });
  return openDemo(config);
}

/** `otmetka demo`: the demo school in its own database (created on first run), then the server. */
export async function startDemo(config: Config): Promise<void> {
  const database = await openDemo(config);
  if (!(await anySchoolExists(database.db))) {
    process.stderr.write('Создаю демо-школу…\n');
    await seedDemoSchool(database.db, { onProgress: progressBar(process.stderr) });
  }
  const running = await serve({ ...config, databaseUrl: config.demoDatabaseUrl }, { database });
  running.app.log.info(
    `Демо-школа: ${running.url} (логины admin, director, deputy, teacher, parent, student, district; пароль demo)`,
  );
}
