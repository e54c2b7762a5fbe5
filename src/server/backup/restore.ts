import { open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { sql } from 'kysely';
import { type Database, engineOf, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { CommandResult } from './backup-command.ts';
import { type BackupHeader, readBackupHeader, readBackupPayload } from './container.ts';
import { checkFileAgainstManifest } from './manifest.ts';
import { codeSchemaVersion } from './scratch.ts';
import { differences, loadDatabase, type Snapshot, summarize } from './snapshot.ts';
import { messageOf } from './verify-copy.ts';

const fail = (text: string): CommandResult => ({ text: `${text}\n`, ok: false });

/** The tables of a database other than the migrator's own. */
async function tablesOf(database: Database): Promise<string[]> {
  const query =
    database.engine === 'postgres'
      ? sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public'`
      : sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`;
  const { rows } = await query.execute(database.db);
  return rows.map((r) => r.name).filter((n) => !n.startsWith('kysely_migration'));
}

/** Whether any table of the database holds a row. */
export async function holdsData(database: Database): Promise<boolean> {
  for (const table of await tablesOf(database)) {
    const { rows } = await sql`select 1 from ${sql.table(table)} limit 1`.execute(database.db);
    if (rows.length > 0) return true;
  }
  return false;
}

/**
 * Checks a file completely before anything is written: the manifest's size and SHA-256, the
 * header and every chunk authenticated with the key, and the schema version this Otmetka has.
 * Answers the header, or the problem in Russian.
 */
export async function checkBeforeRestore(file: string, key: Buffer): Promise<BackupHeader | string> {
  const problems = await checkFileAgainstManifest(file);
  if (problems.length > 0) return `Копия повреждена, ничего не восстановлено:\n  ${problems.join('\n  ')}`;
  try {
    const header = await readBackupHeader(file, key);
    for await (const _ of readBackupPayload(file, key)) {
      // Every chunk is authenticated while it is read; the bytes themselves are not needed yet.
    }
    const ours = await codeSchemaVersion();
    if (header.schemaVersion !== ours) {
      return `Копия сделана версией схемы ${header.schemaVersion}, эта Отметка — ${ours}: восстановите её той версией Отметки, которой она сделана.`;
    }
    return header;
  } catch (e) {
    return `Копия повреждена, ничего не восстановлено: ${messageOf(e)}`;
  }
}

/** Loads the file into a migrated, empty database and compares what it holds with the file's trailer. */
async function loadAndCompare(target: Database, file: string, key: Buffer): Promise<Snapshot> {
  await migrateToLatest(target);
  const loaded = await loadDatabase(target, readBackupPayload(file, key));
  const problems = differences(loaded, await summarize(target));
  if (problems.length > 0) throw new Error(`восстановленное не совпадает с копией: ${problems.join('; ')}`);
  // The copy holds its own run as `running`; in the restored database nothing runs it any more.
  await target.db
    .updateTable('backupRuns')
    .set({
      status: 'interrupted',
      error: 'Прервана: база восстановлена из копии',
      finishedAt: new Date().toISOString(),
    })
    .where('status', '=', 'running')
    .execute();
  return loaded;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function removeSqlite(path: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(`${path}${suffix}`, { force: true });
}

/** SQLite: loads into `<target>.restoring`, then renames it over the target. */
async function restoreSqlite(file: string, key: Buffer, target: string, replace: boolean): Promise<Snapshot> {
  if ((await exists(target)) && !replace) {
    const current = openDatabase(target);
    try {
      if (await holdsData(current)) throw new Error(refuseText(target));
    } finally {
      await current.close();
    }
  }
  const restoring = `${target}.restoring`;
  await removeSqlite(restoring);
  let loaded: Snapshot;
  const database = openDatabase(restoring);
  try {
    loaded = await loadAndCompare(database, file, key);
  } catch (e) {
    await database.close();
    await removeSqlite(restoring);
    throw e;
  }
  await database.close();
  await removeSqlite(target);
  await rename(restoring, target);
  const dir = await open(dirname(target), 'r');
  await dir.sync().finally(() => dir.close());
  return loaded;
}

function refuseText(target: string): string {
  return `В базе ${target} уже есть данные Отметки: восстановить поверх них можно только с --replace (сначала сделайте их копию: otmetka backup).`;
}

/** PostgreSQL: an existing database without data (or, with --replace, whose tables are dropped first). */
async function restorePostgres(file: string, key: Buffer, url: string, replace: boolean): Promise<Snapshot> {
  const target = openDatabase(url, { poolSize: 2 });
  try {
    try {
      await sql`select 1`.execute(target.db);
    } catch (e) {
      const name = new URL(url).pathname.slice(1);
      if ((e as { code?: string }).code === '3D000')
        throw new Error(`Базы данных ${name} нет: создайте её (createdb -O otmetka ${name}) и повторите.`);
      throw e;
    }
    if (await holdsData(target)) {
      if (!replace) throw new Error(refuseText(new URL(url).pathname.slice(1)));
      await target.db.transaction().execute(async (trx) => {
        const { rows } = await sql<{
          name: string;
        }>`select tablename as name from pg_tables where schemaname = 'public'`.execute(trx);
        for (const r of rows) await sql`drop table if exists ${sql.table(r.name)} cascade`.execute(trx);
      });
    }
    return await loadAndCompare(target, file, key);
  } finally {
    await target.close();
  }
}

const engineName = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

/**
 * Restores a backup file into `to` (a SQLite path or a PostgreSQL address): the file is checked
 * whole first, so a changed or truncated file writes nothing; a target holding data only with
 * `replace`.
 */
export async function restoreBackup(
  file: string,
  key: Buffer,
  options: { to?: string; replace?: boolean },
): Promise<CommandResult> {
  if (!options.to) {
    return fail(
      'Укажите, куда восстановить: --to ФАЙЛ.db (SQLite) или --to postgres://… (существующая пустая база).',
    );
  }
  if (!(await exists(file))) return fail(`Файла копии ${file} нет.`);
  const header = await checkBeforeRestore(file, key);
  if (typeof header === 'string') return fail(header);
  const to = options.to.replace(/^sqlite:(\/\/)?/, '');
  try {
    const replace = options.replace === true;
    const loaded =
      engineOf(to) === 'postgres'
        ? await restorePostgres(file, key, to, replace)
        : await restoreSqlite(file, key, to, replace);
    const rows = loaded.tables.reduce((sum, t) => sum + t.rows, 0);
    return {
      text: `Копия от ${ruDateTime(header.createdAt)} (${engineName[header.engine]}) восстановлена в ${engineName[engineOf(to)]}: таблиц ${loaded.tables.length}, строк ${rows}; строки и контрольные суммы совпадают с копией.\n`,
      ok: true,
    };
  } catch (e) {
    return fail(`Восстановление не выполнено: ${messageOf(e)}`);
  }
}

const two = (n: number) => String(n).padStart(2, '0');

/** An instant as ДД.ММ.ГГГГ ЧЧ:ММ in local time. */
export function ruDateTime(iso: string): string {
  const d = new Date(iso);
  return `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
