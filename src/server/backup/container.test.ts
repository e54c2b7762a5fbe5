import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, mkdtemp, open, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BackupFileError,
  type BackupHeader,
  newBackupKey,
  parseBackupKey,
  readBackupHeader,
  readBackupPayload,
  writeBackupFile,
} from './container.ts';

const header: BackupHeader = {
  format: 'otmetka-backup/1',
  createdAt: '2026-11-29T10:30:00.000Z',
  engine: 'sqlite',
  otmetkaVersion: '0.1.0',
  schemaVersion: '0008-backups',
};
const key = parseBackupKey(newBackupKey());
let dir = '';
let fileNumber = 0;
const nextPath = () => join(dir, `otmetka-${++fileNumber}.otb`);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'otmetka-container-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function* chunksOf(parts: Uint8Array[]): AsyncIterable<Uint8Array> {
  for (const part of parts) yield part;
}

async function readAll(path: string, withKey = key): Promise<Buffer> {
  const out: Uint8Array[] = [];
  for await (const piece of readBackupPayload(path, withKey)) out.push(piece);
  return Buffer.concat(out);
}

/** The problem a read of the whole file reports, or null when it reads fine. */
async function problemOf(path: string, withKey = key): Promise<string | null> {
  try {
    await readAll(path, withKey);
    return null;
  } catch (error) {
    if (error instanceof BackupFileError) return error.problem;
    throw error;
  }
}

/** Random bytes (they do not compress, so the file holds many chunks). */
const noise = (bytes: number) => randomBytes(bytes);

describe('backup file', () => {
  it('gives back exactly what was written, for empty, small and multi-chunk payloads', async () => {
    for (const size of [0, 1, 1000, 3 * 1024 * 1024 + 17]) {
      const path = nextPath();
      const data = noise(size);
      const parts = [data.subarray(0, size >> 1), data.subarray(size >> 1)];
      const written = await writeBackupFile(path, key, header, chunksOf(parts));
      const file = await readFile(path);
      expect(written.bytes).toBe(file.length);
      expect(written.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect((await readAll(path)).equals(data)).toBe(true);
      expect(await readBackupHeader(path, key)).toEqual(header);
    }
  });

  it('round-trips any payload at any chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 64 }),
        async (parts, chunkSize) => {
          const path = nextPath();
          await writeBackupFile(path, key, header, chunksOf(parts), { chunkSize });
          expect((await readAll(path)).equals(Buffer.concat(parts))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('compresses what it stores, and the SHA-256 it returns is the file’s', async () => {
    const path = nextPath();
    const text = Buffer.from('{"table":"marks"}\n'.repeat(20_000));
    const written = await writeBackupFile(path, key, header, chunksOf([text]));
    expect(written.bytes).toBeLessThan(text.length / 10);
    const { createHash } = await import('node:crypto');
    expect(written.sha256).toBe(
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    );
  });

  it('holds no plaintext: a marked string does not appear in the file', async () => {
    const path = nextPath();
    await writeBackupFile(path, key, header, chunksOf([Buffer.from('Иванова Мария: 5, 5, 4 '.repeat(100))]));
    const file = await readFile(path);
    expect(file.includes(Buffer.from('Иванова'))).toBe(false);
    expect(file.includes(Buffer.from('0008-backups'))).toBe(true);
  });

  it('detects every changed byte (sampled), before any data comes out', async () => {
    const path = nextPath();
    await writeBackupFile(path, key, header, chunksOf([noise(6000)]), { chunkSize: 512 });
    const original = await readFile(path);
    const handle = await open(path, 'r+');
    const positions = new Set<number>();
    for (let i = 0; i < 400 && i < original.length; i++) positions.add(i); // magic, header, first chunk
    while (positions.size < 700) positions.add(Math.floor(Math.random() * original.length));
    try {
      for (const position of positions) {
        const flipped = original.readUInt8(position) ^ (1 + Math.floor(Math.random() * 255));
        await handle.write(Buffer.from([flipped]), 0, 1, position);
        expect(await problemOf(path), `byte ${position}`).not.toBeNull();
        await handle.write(original, position, 1, position);
      }
    } finally {
      await handle.close();
    }
    expect(await problemOf(path)).toBeNull();
  });

  it('yields nothing from a file whose first chunk was changed', async () => {
    const path = nextPath();
    await writeBackupFile(path, key, header, chunksOf([noise(4000)]), { chunkSize: 1024 });
    const file = await readFile(path);
    const headerEnd = 12 + file.readUInt32BE(8);
    file.writeUInt8(file.readUInt8(headerEnd + 10) ^ 0x40, headerEnd + 10);
    await writeFile(path, file);
    const seen: Uint8Array[] = [];
    await expect(async () => {
      for await (const piece of readBackupPayload(path, key)) seen.push(piece);
    }).rejects.toThrow(/повреждён или изменён/);
    expect(seen).toEqual([]);
  });

  it('detects a file cut anywhere (sampled) and bytes added after the end', async () => {
    const path = nextPath();
    await writeBackupFile(path, key, header, chunksOf([noise(5000)]), { chunkSize: 256 });
    const original = await readFile(path);
    const lengths = new Set<number>([0, 1, 7, 8, 11, 12, original.length - 1, original.length - 16]);
    while (lengths.size < 150) lengths.add(Math.floor(Math.random() * original.length));
    const cut = join(dir, 'cut.otb');
    for (const length of lengths) {
      await writeFile(cut, original);
      await truncate(cut, length);
      expect(await problemOf(cut), `cut at ${length}`).not.toBeNull();
    }
    await writeFile(cut, original.subarray(0, original.length - 100));
    await expect(readAll(cut)).rejects.toThrow(/обрезан|повреждён/);
    await writeFile(path, original);
    await appendFile(path, Buffer.from([0]));
    expect(await problemOf(path)).toBe('corrupted');
  });

  it('detects chunks swapped or dropped', async () => {
    const path = nextPath();
    const chunkSize = 300;
    await writeBackupFile(path, key, header, chunksOf([noise(3000)]), { chunkSize });
    const file = await readFile(path);
    const start = 12 + file.readUInt32BE(8);
    const record = 4 + chunkSize + 16;
    const first = file.subarray(start, start + record);
    const second = file.subarray(start + record, start + 2 * record);
    const swapped = Buffer.concat([
      file.subarray(0, start),
      second,
      first,
      file.subarray(start + 2 * record),
    ]);
    await writeFile(path, swapped);
    expect(await problemOf(path)).toBe('corrupted');
    const dropped = Buffer.concat([file.subarray(0, start), file.subarray(start + record)]);
    await writeFile(path, dropped);
    expect(await problemOf(path)).toBe('corrupted');
    const lastDropped = file.subarray(0, start + 3 * record);
    await writeFile(path, lastDropped);
    expect(await problemOf(path)).toBe('truncated');
    const forgedEnd = Buffer.from(lastDropped);
    forgedEnd.writeUInt32BE(
      (forgedEnd.readUInt32BE(start + 2 * record) | 0x8000_0000) >>> 0,
      start + 2 * record,
    );
    await writeFile(path, forgedEnd);
    await expect(readAll(path)).rejects.toThrow('блок 3 не прошёл проверку подлинности');
  });

  it('tells a wrong key apart from a damaged file', async () => {
    const path = nextPath();
    await writeBackupFile(path, key, header, chunksOf([Buffer.from('данные')]));
    const other = parseBackupKey(newBackupKey());
    expect(await problemOf(path, other)).toBe('wrong-key');
    await expect(readBackupHeader(path, other)).rejects.toThrow(/Неверный ключ.*BACKUP_KEY/);
  });

  it('detects a header changed to other valid values', async () => {
    const path = nextPath();
    await writeBackupFile(path, key, header, chunksOf([Buffer.from('данные')]));
    const file = await readFile(path);
    const changed = Buffer.from(file.toString('latin1').replace('0008-backups', '0009-backups'), 'latin1');
    await writeFile(path, changed);
    await expect(readBackupHeader(path, key)).rejects.toThrow(/повреждён или изменён/);
    expect(await problemOf(path)).toBe('corrupted');
  });

  it('says a file that is not a backup is not one', async () => {
    const path = nextPath();
    await writeFile(path, 'name,mark\nИванов,5\n');
    await expect(readBackupHeader(path, key)).rejects.toThrow('Это не резервная копия Отметки');
    await writeFile(path, '');
    expect(await problemOf(path)).toBe('not-backup');
  });

  it('leaves neither the file nor a .partial behind when the payload fails, and keeps an older file', async () => {
    const path = nextPath();
    await writeBackupFile(path, key, header, chunksOf([Buffer.from('старая копия')]));
    async function* failing(): AsyncIterable<Uint8Array> {
      yield noise(100_000);
      throw new Error('база данных недоступна');
    }
    await expect(writeBackupFile(path, key, header, failing(), { chunkSize: 1000 })).rejects.toThrow(
      'база данных недоступна',
    );
    expect(existsSync(`${path}.partial`)).toBe(false);
    expect((await readAll(path)).toString()).toBe('старая копия');
    const fresh = nextPath();
    await expect(writeBackupFile(fresh, key, header, failing())).rejects.toThrow();
    const names = await readdir(dir);
    expect(names.filter((name) => name.startsWith(fresh.split('/').pop() ?? '-'))).toEqual([]);
  });

  it('stops cleanly when the reader stops early', async () => {
    const path = nextPath();
    await writeBackupFile(path, key, header, chunksOf([noise(200_000)]), { chunkSize: 4096 });
    for await (const piece of readBackupPayload(path, key)) {
      expect(piece.length).toBeGreaterThan(0);
      break;
    }
    expect((await readAll(path)).length).toBe(200_000);
  });
});

describe('backup key', () => {
  it('reads 64 hex digits and base64 of 32 bytes', () => {
    const bytes = randomBytes(32);
    expect(parseBackupKey(bytes.toString('hex')).equals(bytes)).toBe(true);
    expect(parseBackupKey(` ${bytes.toString('hex').toUpperCase()}\n`).equals(bytes)).toBe(true);
    expect(parseBackupKey(bytes.toString('base64')).equals(bytes)).toBe(true);
    expect(newBackupKey()).toMatch(/^[0-9a-f]{64}$/);
    expect(newBackupKey()).not.toBe(newBackupKey());
  });

  it('refuses anything else, naming BACKUP_KEY', () => {
    for (const bad of [
      '',
      'secret',
      'ab'.repeat(31),
      randomBytes(16).toString('base64'),
      `${'g'.repeat(64)}`,
    ]) {
      expect(() => parseBackupKey(bad)).toThrow(/BACKUP_KEY/);
    }
  });
});
