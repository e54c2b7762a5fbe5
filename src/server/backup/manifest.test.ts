import { mkdtemp, readFile, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupFileError, newBackupKey, parseBackupKey, writeBackupFile } from './container.ts';
import {
  type BackupManifest,
  checkFileAgainstManifest,
  fileSha256,
  manifestPathOf,
  readManifest,
  writeManifest,
} from './manifest.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'otmetka-manifest-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

/** A real backup file with its manifest, as a run writes them. */
async function backupWithManifest(name: string): Promise<{ file: string; manifest: BackupManifest }> {
  const file = join(dir, name);
  const createdAt = '2026-11-29T01:00:00.000Z';
  const header = {
    format: 'otmetka-backup/1',
    createdAt,
    engine: 'postgres',
    otmetkaVersion: '0.1.0',
    schemaVersion: '0008-backups',
  } as const;
  const key = parseBackupKey(newBackupKey());
  const written = await writeBackupFile(
    file,
    key,
    header,
    once(Buffer.from('{"table":"marks"}\n'.repeat(500))),
  );
  const manifest: BackupManifest = {
    format: 'otmetka-backup-manifest/1',
    file: name,
    createdAt,
    engine: 'postgres',
    otmetkaVersion: '0.1.0',
    schemaVersion: '0008-backups',
    bytes: written.bytes,
    sha256: written.sha256,
    tables: [
      { name: 'marks', rows: 500 },
      { name: 'schools', rows: 1 },
    ],
  };
  await writeManifest(file, manifest);
  return { file, manifest };
}

describe('backup manifest', () => {
  it('is written beside the file as readable JSON and read back the same', async () => {
    const { file, manifest } = await backupWithManifest('otmetka-20261129-040000.otb');
    expect(manifestPathOf(file)).toBe(`${file}.manifest.json`);
    const text = await readFile(manifestPathOf(file), 'utf8');
    expect(JSON.parse(text)).toEqual(manifest);
    expect(await readManifest(file)).toEqual(manifest);
    expect(await fileSha256(file)).toBe(manifest.sha256);
    expect(await checkFileAgainstManifest(file)).toEqual([]);
  });

  it('reports a missing manifest, a missing file, and an unreadable manifest', async () => {
    const { file } = await backupWithManifest('otmetka-20261128-040000.otb');
    await writeFile(manifestPathOf(file), '{"format":"otmetka-backup-manifest/1"');
    expect(await checkFileAgainstManifest(file)).toEqual([
      'Манифест otmetka-20261128-040000.otb.manifest.json повреждён: его не удаётся прочитать.',
    ]);
    await expect(readManifest(file)).rejects.toBeInstanceOf(BackupFileError);
    await unlink(manifestPathOf(file));
    expect((await checkFileAgainstManifest(file))[0]).toMatch(
      /^Нет манифеста otmetka-20261128-040000\.otb\.manifest\.json/,
    );

    const other = await backupWithManifest('otmetka-20261127-040000.otb');
    await unlink(other.file);
    expect(await checkFileAgainstManifest(other.file)).toEqual([
      'Файла резервной копии otmetka-20261127-040000.otb нет, есть только его манифест.',
    ]);
  });

  it('reports a file of another size, and a file with the same size but other bytes', async () => {
    const { file, manifest } = await backupWithManifest('otmetka-20261126-040000.otb');
    const original = await readFile(file);
    await truncate(file, manifest.bytes - 1);
    expect(await checkFileAgainstManifest(file)).toEqual([
      `Размер файла otmetka-20261126-040000.otb — ${manifest.bytes - 1} байт, а в манифесте — ${manifest.bytes} байт: файл обрезан или изменён.`,
    ]);
    const changed = Buffer.from(original);
    changed.writeUInt8(changed.readUInt8(changed.length - 5) ^ 1, changed.length - 5);
    await writeFile(file, changed);
    expect(await checkFileAgainstManifest(file)).toEqual([
      'SHA-256 файла otmetka-20261126-040000.otb не совпадает с манифестом: файл повреждён или изменён.',
    ]);
  });

  it('refuses to write a manifest that does not fit its format, leaving nothing behind', async () => {
    const file = join(dir, 'bad.otb');
    const bad = {
      format: 'otmetka-backup-manifest/1',
      file: 'bad.otb',
      bytes: -1,
    } as unknown as BackupManifest;
    await expect(writeManifest(file, bad)).rejects.toThrow();
    await expect(readFile(`${manifestPathOf(file)}.partial`)).rejects.toThrow();
    await expect(readFile(manifestPathOf(file))).rejects.toThrow();
  });
});
