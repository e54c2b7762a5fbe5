import { existsSync } from 'node:fs';
import { type Database, engineOf, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { CommandResult } from './backup-command.ts';
import {
  differences,
  exportDatabase,
  loadDatabase,
  type Snapshot,
  SnapshotError,
  summarize,
} from './snapshot.ts';
import { listTables, query, quote } from './tables.ts';

/**
 * `otmetka migrate-to-postgres --to postgres://…`: copies every table of the SQLite database
 * (DATABASE_URL) into an empty PostgreSQL database, then compares row counts and checksums table
 * by table and prints them.
 */
export async function moveToPostgresCommand(from: string, to: string | undefined): Promise<CommandResult> {
  if (engineOf(from) !== 'sqlite')
    return refused('Перенос возможен только из SQLite, а DATABASE_URL уже указывает на PostgreSQL.');
  if (!to || engineOf(to) !== 'postgres')
    return refused(
      'Укажите базу назначения: --to postgres://пользователь:пароль@сервер/база (база должна уже существовать).',
    );
  const file = from.replace(/^sqlite:(\/\/)?/, '');
  if (!existsSync(file)) return refused(`Файл базы SQLite не найден: ${file}`);
  const source = openDatabase(file);
  const target = openDatabase(to, { poolSize: 2 });
  try {
    const problem = await targetProblem(target, to);
    if (problem) return refused(problem);
    await migrateToLatest(target);
    const started = Date.now();
    const exported = exportDatabase(source);
    await loadDatabase(target, exported.chunks);
    const expected = await exported.summary;
    const actual = await summarize(target);
    return report(file, to, expected, actual, Date.now() - started);
  } catch (error) {
    if (error instanceof SnapshotError) return refused(error.message);
    throw error;
  } finally {
    await source.close();
    await target.close();
  }
}

function refused(message: string): CommandResult {
  return { ok: false, text: `${message}\n` };
}

/** Why the target cannot take the data: unreachable, foreign tables, or data already there. */
async function targetProblem(target: Database, to: string): Promise<string | null> {
  const db = target.db.withoutPlugins();
  try {
    await query(db, 'select 1');
  } catch (error) {
    return `Не удалось подключиться к базе назначения ${shown(to)}: ${(error as Error).message}`;
  }
  const tables = await listTables(db, 'postgres');
  const ours = await query(
    db,
    "select 1 from information_schema.tables where table_schema = current_schema() and table_name = 'kysely_migration'",
  );
  if (tables.length > 0 && ours.length === 0)
    return `В базе назначения есть чужие таблицы (${tables
      .slice(0, 5)
      .map((t) => t.name)
      .join(', ')}): укажите пустую базу.`;
  for (const table of tables) {
    const rows = await query(db, `select 1 as found from ${quote(table.name)} limit 1`);
    if (rows.length > 0)
      return `В базе назначения уже есть данные (таблица ${table.name}): перенос возможен только в пустую базу. Создайте новую базу и укажите её в --to.`;
  }
  return null;
}

/** The address without its password, for printing. */
function shown(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

function report(file: string, to: string, expected: Snapshot, actual: Snapshot, ms: number): CommandResult {
  const wrong = differences(expected, actual);
  const byName = new Map(actual.tables.map((t) => [t.name, t]));
  const width = Math.max(7, ...expected.tables.map((t) => t.name.length));
  const lines = [
    `Перенос из SQLite (${file}) в PostgreSQL (${shown(to)})`,
    '',
    `${'Таблица'.padEnd(width)}  ${'Строк'.padStart(9)}  Сверка`,
  ];
  for (const table of expected.tables) {
    const got = byName.get(table.name);
    const same = got?.rows === table.rows && got.checksum === table.checksum;
    lines.push(
      `${table.name.padEnd(width)}  ${String(got?.rows ?? '—').padStart(9)}  ${same ? 'совпадает' : `НЕ СОВПАДАЕТ (в SQLite ${table.rows})`}`,
    );
  }
  const rows = expected.tables.reduce((sum, t) => sum + t.rows, 0);
  lines.push(
    '',
    `Итого: таблиц ${expected.tables.length}, строк ${rows}; перенос и сверка заняли ${(ms / 1000).toFixed(1).replace('.', ',')} с.`,
  );
  if (wrong.length === 0) {
    lines.push(
      'Все таблицы совпадают: число строк и контрольные суммы. Укажите новую базу в DATABASE_URL и перезапустите Отметку.',
    );
  } else {
    lines.push(`Данные НЕ совпадают: ${wrong.join('; ')}. Не переключайтесь на новую базу.`);
  }
  return { ok: wrong.length === 0, text: `${lines.join('\n')}\n` };
}
