import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { z } from 'zod';
import { BackupFileError, syncDirectory } from './container.ts';

const manifestSchema = z.object({
  format: z.literal('otmetka-backup-manifest/1'),
  file: z.string(),
  createdAt: z.string(),
  engine: z.enum(['sqlite', 'postgres']),
  otmetkaVersion: z.string(),
  schemaVersion: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  tables: z.array(z.object({ name: z.string(), rows: z.number().int().nonnegative() })),
});

/** The plaintext sidecar of a backup file: what it is, its size and SHA-256, rows per table. */
export type BackupManifest = z.infer<typeof manifestSchema>;

/** Where the manifest of a backup file lives: `<file>.manifest.json`. */
export function manifestPathOf(file: string): string {
  return `${file}.manifest.json`;
}

/** Writes the manifest beside a backup file, durably (temporary name, fsync, rename). */
export async function writeManifest(file: string, manifest: BackupManifest): Promise<void> {
  const path = manifestPathOf(file);
  const partial = `${path}.partial`;
  const handle = await open(partial, 'w');
  try {
    await handle.writeFile(`${JSON.stringify(manifestSchema.parse(manifest), null, 2)}\n`, 'utf8');
    await handle.sync();
    await handle.close();
    await rename(partial, path);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}

/** Reads and checks the manifest of a backup file; BackupFileError when it is missing or unreadable. */
export async function readManifest(file: string): Promise<BackupManifest> {
  const path = manifestPathOf(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new BackupFileError(`Нет манифеста ${basename(path)} рядом с файлом резервной копии.`, 'manifest');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    throw new BackupFileError(`Манифест ${basename(path)} повреждён: его не удаётся прочитать.`, 'manifest');
  }
  return parsed.data;
}

/** The SHA-256 (hex) of a file, read as a stream. */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(path, { highWaterMark: 1024 * 1024 }))
    hash.update(piece as Buffer);
  return hash.digest('hex');
}

/**
 * What is wrong with a backup file as its manifest describes it (in Russian, one line per
 * problem; empty when the file is there with the manifest's size and SHA-256). A renamed pair
 * (file and manifest) is fine: the name inside the manifest is not checked.
 */
export async function checkFileAgainstManifest(file: string): Promise<string[]> {
  const name = basename(file);
  let manifest: BackupManifest;
  try {
    manifest = await readManifest(file);
  } catch (error) {
    if (error instanceof BackupFileError) return [error.message];
    throw error;
  }
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return [`Файла резервной копии ${name} нет, есть только его манифест.`];
  }
  const problems: string[] = [];
  if (size !== manifest.bytes) {
    problems.push(
      `Размер файла ${name} — ${size} байт, а в манифесте — ${manifest.bytes} байт: файл обрезан или изменён.`,
    );
  } else if ((await fileSha256(file)) !== manifest.sha256) {
    problems.push(`SHA-256 файла ${name} не совпадает с манифестом: файл повреждён или изменён.`);
  }
  return problems;
}
