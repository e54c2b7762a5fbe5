import { constants } from 'node:fs';
import { access, copyFile, open, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** The sidecar manifest of a backup file. */
export function manifestPathOf(file: string): string {
  return `${file}.manifest.json`;
}

const two = (n: number) => String(n).padStart(2, '0');

/** `otmetka-YYYYMMDD-HHMMSS` in local time. */
export function backupStem(at: Date): string {
  const day = `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}`;
  return `otmetka-${day}-${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** A file name free in every destination: `otmetka-…otb`, else with `-2`, `-3`… */
export async function freeBackupName(dirs: readonly string[], at: Date): Promise<string> {
  const stem = backupStem(at);
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${stem}.otb` : `${stem}-${n}.otb`;
    let taken = false;
    for (const dir of dirs) {
      if ((await exists(join(dir, name))) || (await exists(join(dir, `${name}.partial`)))) taken = true;
    }
    if (!taken) return name;
  }
}

/** The reason a destination cannot take a copy, in Russian (null: it can). */
export async function destinationProblem(dir: string): Promise<string | null> {
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) return `${dir} — не каталог`;
    await access(dir, constants.W_OK);
    return null;
  } catch (e) {
    return describeFileError(dir, e);
  }
}

/** A file system error as the administrator should read it, naming the directory. */
export function describeFileError(dir: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return `Каталог ${dir} недоступен: его нет (диск или USB-носитель не подключён?)`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `Нет прав на запись в каталог ${dir}`;
  if (code === 'ENOSPC') return `Нет места на диске в каталоге ${dir}`;
  const message = e instanceof Error ? e.message : String(e);
  return `Не удалось записать копию в каталог ${dir}: ${message}`;
}

async function fsyncPath(path: string, flags: string): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Copies a file under `<name>.partial`, flushes it to disk, then renames it into place. */
async function copyDurably(from: string, dir: string): Promise<string> {
  const target = join(dir, basename(from));
  const partial = `${target}.partial`;
  try {
    await copyFile(from, partial);
    await fsyncPath(partial, 'r+');
    await rename(partial, target);
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  }
  return target;
}

/** Copies a backup file and its manifest into another destination; answers the copy's path. */
export async function copyBackup(file: string, dir: string): Promise<string> {
  const target = await copyDurably(file, dir);
  await copyDurably(manifestPathOf(file), dir);
  await fsyncPath(dir, 'r').catch(() => {});
  return target;
}

/** Removes a backup file and its manifest (retention). */
export async function removeBackup(file: string): Promise<void> {
  await rm(file, { force: true });
  await rm(manifestPathOf(file), { force: true });
}
