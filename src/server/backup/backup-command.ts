import { basename } from 'node:path';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { AppError } from '../http/app-error.ts';
import { translate } from '../http/messages.ts';
import { type BackupStatus, backupStatus } from './backup-status.ts';
import { newBackupKey, readBackupHeader } from './container.ts';
import { readManifest } from './manifest.ts';
import { restoreBackup, ruDateTime } from './restore.ts';
import { keyOf, runBackup } from './run-backup.ts';
import { messageOf, verifyBackupFiles } from './verify-copy.ts';

/** What a command printed and whether it succeeded (exit code 0 or 1). */
export interface CommandResult {
  text: string;
  ok: boolean;
}

const done = (lines: string[], ok: boolean): CommandResult => ({ text: `${lines.join('\n')}\n`, ok });

/** An error as the command line shows it (AppErrors translated into Russian). */
function explain(e: unknown): string {
  return e instanceof AppError ? translate('ru', e.messageKey, e.params) : messageOf(e);
}

/** Bytes in words: «12,3 МБ». */
export function ruSize(bytes: number): string {
  const units = ['Б', 'КБ', 'МБ', 'ГБ', 'ТБ'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = unit === 0 ? String(value) : value.toFixed(1).replace('.', ',');
  return `${text} ${units[unit]}`;
}

async function runCommand(config: Config): Promise<CommandResult> {
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database);
    const outcome = await runBackup(database, config.backup, 'cli', null);
    const lines = [`Резервная копия ${outcome.fileName ?? '(не создана)'}:`];
    for (const copy of outcome.copies) {
      lines.push(
        copy.status === 'ok'
          ? `  ${copy.path} — проверена восстановлением`
          : `  ${copy.destination} — ошибка: ${copy.error}`,
      );
    }
    if (outcome.copies.length === 0 && outcome.error) lines.push(`  ${outcome.error}`);
    lines.push(outcome.status === 'ok' ? 'Готово.' : 'Резервная копия не удалась: см. ошибки выше.');
    return done(lines, outcome.status === 'ok');
  } finally {
    await database.close();
  }
}

/** The state of backups as `otmetka backup list` prints it. */
export function statusText(status: BackupStatus): string[] {
  const lines = status.problems.map((p) => `! ${p}`);
  lines.push(`Расписание: ${status.schedule ? `ежедневно в ${status.schedule}` : 'выключено'}`);
  const { daily, weekly, monthly } = status.keep;
  lines.push(`Хранение в каждом каталоге: дней ${daily}, недель ${weekly}, месяцев ${monthly}`);
  for (const d of status.destinations) {
    const good = d.lastGoodAt
      ? `последняя проверенная копия ${ruDateTime(d.lastGoodAt)} (${d.lastGoodFile})`
      : 'проверенных копий нет';
    lines.push(`${d.destination}: ${good}${d.stale ? ' — УСТАРЕЛА' : ''}`);
    if (d.lastError) lines.push(`  последняя ошибка: ${d.lastError}`);
  }
  if (status.runs.length > 0) lines.push('Последние запуски:');
  for (const r of status.runs) {
    const state = { running: 'идёт', ok: 'успешно', failed: 'ошибка', interrupted: 'прервана' }[r.status];
    const size = r.bytes === null ? '' : `, ${ruSize(r.bytes)}, строк ${r.rowCount}`;
    lines.push(`  № ${r.id} ${ruDateTime(r.startedAt)} ${state}${r.fileName ? ` ${r.fileName}` : ''}${size}`);
    if (r.error) lines.push(`    ${r.error.replaceAll('\n', '\n    ')}`);
  }
  return lines;
}

async function listCommand(config: Config): Promise<CommandResult> {
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database);
    return done(statusText(await backupStatus(database.db, config.backup)), true);
  } finally {
    await database.close();
  }
}

async function verifyCommand(config: Config, files: string[]): Promise<CommandResult> {
  if (files.length === 0) return done(['Укажите файлы: otmetka backup verify ФАЙЛ…'], false);
  const key = keyOf(config.backup);
  const checks = await verifyBackupFiles(files, key, {
    databaseUrl: config.databaseUrl,
    scratchDir: config.backup.scratchDir,
  });
  const lines: string[] = [];
  for (const [i, check] of checks.entries()) {
    const file = files[i];
    if (check.problems.length === 0 && check.snapshot) {
      const rows = check.snapshot.tables.reduce((sum, t) => sum + t.rows, 0);
      lines.push(
        `${file}: Копия исправна (таблиц ${check.snapshot.tables.length}, строк ${rows}; проверена восстановлением)`,
      );
    } else lines.push(`${file}: КОПИЯ НЕИСПРАВНА`, ...check.problems.map((p) => `  ${p}`));
  }
  const ok = checks.every((c) => c.problems.length === 0 && c.snapshot !== null);
  return done(lines, ok);
}

function keyCommand(): CommandResult {
  return done(
    [
      newBackupKey(),
      '',
      'Это новый ключ шифрования резервных копий. Задайте его в BACKUP_KEY (или в файле BACKUP_KEY_FILE)',
      'и сохраните отдельно от копий: на бумаге в сейфе, в менеджере паролей. Без ключа копию не восстановить;',
      'ключ, лежащий рядом с копиями, не защищает их.',
    ],
    true,
  );
}

/**
 * `otmetka backup [run]`: one backup now, to every destination, verified; `otmetka backup list`:
 * the destinations and their copies; `otmetka backup verify FILE…`: a file's manifest, SHA-256,
 * authentication and a restore into a scratch database; `otmetka backup key`: a new key.
 */
export async function backupCommand(
  config: Config,
  sub: string | undefined,
  args: string[],
): Promise<CommandResult> {
  try {
    if (sub === undefined || sub === 'run') return await runCommand(config);
    if (sub === 'list') return await listCommand(config);
    if (sub === 'verify') return await verifyCommand(config, args);
    if (sub === 'key') return keyCommand();
    return done(
      [`Неизвестная команда: backup ${sub}. Есть: backup, backup list, backup verify ФАЙЛ…, backup key`],
      false,
    );
  } catch (e) {
    return done([explain(e)], false);
  }
}

/** What a backup file holds, from its manifest (and its header, authenticated when a key is set). */
async function listText(file: string, key: Buffer | null): Promise<string[]> {
  const m = await readManifest(file);
  const lines = [
    `Резервная копия: ${basename(file)}`,
    `Создана: ${ruDateTime(m.createdAt)}`,
    `База данных: ${m.engine === 'postgres' ? 'PostgreSQL' : 'SQLite'}`,
    `Версия Отметки: ${m.otmetkaVersion}, версия схемы: ${m.schemaVersion}`,
    `Размер: ${ruSize(m.bytes)}, SHA-256: ${m.sha256}`,
  ];
  if (key) {
    const header = await readBackupHeader(file, key);
    lines.push(
      header.createdAt === m.createdAt
        ? 'Заголовок подтверждён ключом.'
        : 'Заголовок не совпадает с манифестом!',
    );
  } else lines.push('Ключ не задан: заголовок не проверен.');
  const rows = m.tables.reduce((sum, t) => sum + t.rows, 0);
  lines.push(`Таблиц ${m.tables.length}, строк ${rows}:`);
  for (const t of m.tables) lines.push(`  ${t.name.padEnd(32)} ${String(t.rows).padStart(10)}`);
  return lines;
}

/**
 * `otmetka restore FILE --to URL [--replace] [--list]`: lists what the file holds, then restores
 * it into a new database (an absent SQLite file, or a PostgreSQL database without tables); a
 * database holding data only with `--replace`.
 */
export async function restoreCommand(
  config: Config,
  file: string | undefined,
  options: { to?: string; replace?: boolean; list?: boolean },
): Promise<CommandResult> {
  if (!file) return done(['Укажите файл копии: otmetka restore ФАЙЛ --list | --to АДРЕС [--replace]'], false);
  try {
    if (options.list) {
      const key = config.backup.key === null ? null : keyOf(config.backup);
      return done(await listText(file, key), true);
    }
    const key = keyOf(config.backup);
    const listed = await listText(file, key).catch(() => [] as string[]);
    const result = await restoreBackup(file, key, options);
    return { text: `${listed.length > 0 ? `${listed.join('\n')}\n\n` : ''}${result.text}`, ok: result.ok };
  } catch (e) {
    return done([explain(e)], false);
  }
}
