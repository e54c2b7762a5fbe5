import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { z } from 'zod';
import type { Engine } from '../db/database.ts';

/*
 * The .otb file: MAGIC, u32 (big-endian) length of the header JSON, the header JSON, then chunks.
 * A chunk is u32 (high bit: final; the rest: ciphertext length), the AES-256-GCM ciphertext of up to
 * `chunkSize` bytes of the gzip'ed payload, and its 16-byte tag. Nonce: the header's 8 random bytes +
 * u32 chunk counter; AAD: every byte before the first chunk + counter + final flag, so a changed
 * header, a reordered, dropped or extra chunk, or a cut after any chunk but the final one fails.
 * The AES key is derived per file (HKDF-SHA256 over the key and the header's salt).
 */

/** The plain part of a backup file: authenticated, not secret. */
export interface BackupHeader {
  format: 'otmetka-backup/1';
  createdAt: string;
  engine: Engine;
  otmetkaVersion: string;
  schemaVersion: string;
}

/** What is wrong with a file that cannot be trusted. */
export type BackupFileProblem = 'not-backup' | 'wrong-key' | 'corrupted' | 'truncated' | 'manifest';

/** A backup file that cannot be trusted: wrong key, changed, truncated, or not a backup. */
export class BackupFileError extends Error {
  constructor(
    message: string,
    readonly problem: BackupFileProblem = 'corrupted',
  ) {
    super(message);
    this.name = 'BackupFileError';
  }
}

/** Plaintext bytes per chunk unless a test asks for smaller ones. */
export const defaultChunkSize = 1024 * 1024;
const maxChunkSize = 16 * 1024 * 1024;
const maxHeaderBytes = 64 * 1024;
const magic = Buffer.from('OTMETKA\x01', 'latin1');
const tagBytes = 16;
const finalBit = 0x8000_0000;
const keyCheckLabel = 'otmetka-backup key check';

const headerSchema = z.object({
  format: z.literal('otmetka-backup/1'),
  createdAt: z.string(),
  engine: z.enum(['sqlite', 'postgres']),
  otmetkaVersion: z.string(),
  schemaVersion: z.string(),
  cipher: z.object({
    algorithm: z.literal('aes-256-gcm'),
    chunkSize: z.number().int().min(1).max(maxChunkSize),
    salt: z.string().regex(/^[0-9a-f]{32}$/),
    noncePrefix: z.string().regex(/^[0-9a-f]{16}$/),
    keyCheck: z.string().regex(/^[0-9a-f]{32}$/),
  }),
});
type StoredHeader = z.infer<typeof headerSchema>;

/** Reads a key from configuration: 64 hex digits or the base64 of 32 bytes. */
export function parseBackupKey(text: string): Buffer {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed, 'base64');
    if (bytes.length === 32) return bytes;
  }
  throw new Error(
    trimmed === ''
      ? 'Ключ резервных копий BACKUP_KEY пуст. Создайте ключ командой «otmetka backup key».'
      : `Ключ резервных копий BACKUP_KEY (или содержимое BACKUP_KEY_FILE) должен состоять из 64 шестнадцатеричных цифр или быть записью base64 ровно 32 байт; получено ${trimmed.length} знаков. Создайте ключ командой «otmetka backup key».`,
  );
}

/** A new random key, as `otmetka backup key` prints it. */
export function newBackupKey(): string {
  return randomBytes(32).toString('hex');
}

/** A short value that tells whether a file was written with this key (HMAC of a constant). */
function keyCheckOf(key: Buffer): string {
  return createHmac('sha256', key).update(keyCheckLabel).digest('hex').slice(0, 32);
}

/** The AES key of one file. */
function fileKeyOf(key: Buffer, salt: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.from(salt, 'hex'), 'otmetka-backup/1 aes-256-gcm', 32));
}

/** Nonce and AAD of chunk `counter`. */
function chunkParams(prefix: Buffer, noncePrefix: Buffer, counter: number, final: boolean) {
  const position = Buffer.alloc(5);
  position.writeUInt32BE(counter, 0);
  position[4] = final ? 1 : 0;
  return {
    nonce: Buffer.concat([noncePrefix, position.subarray(0, 4)]),
    aad: Buffer.concat([prefix, position]),
  };
}

function assertKey(key: Buffer): void {
  if (key.length !== 32) throw new Error('Ключ резервных копий должен быть длиной 32 байта (BACKUP_KEY).');
}

/** Options of `writeBackupFile` (tests use tiny chunks). */
export interface WriteOptions {
  chunkSize?: number;
}

/**
 * Writes an encrypted backup file (AES-256-GCM in authenticated chunks over the gzip of the
 * payload) under a temporary name, then renames it into place.
 */
export async function writeBackupFile(
  path: string,
  key: Buffer,
  header: BackupHeader,
  payload: AsyncIterable<Uint8Array>,
  options: WriteOptions = {},
): Promise<{ bytes: number; sha256: string }> {
  assertKey(key);
  const chunkSize = options.chunkSize ?? defaultChunkSize;
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > maxChunkSize) {
    throw new Error(`chunkSize must be an integer from 1 to ${maxChunkSize}`);
  }
  const stored: StoredHeader = {
    format: header.format,
    createdAt: header.createdAt,
    engine: header.engine,
    otmetkaVersion: header.otmetkaVersion,
    schemaVersion: header.schemaVersion,
    cipher: {
      algorithm: 'aes-256-gcm',
      chunkSize,
      salt: randomBytes(16).toString('hex'),
      noncePrefix: randomBytes(8).toString('hex'),
      keyCheck: keyCheckOf(key),
    },
  };
  const json = Buffer.from(JSON.stringify(stored), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  const prefix = Buffer.concat([magic, length, json]);

  const partial = `${path}.partial`;
  const file = await open(partial, 'w');
  const hash = createHash('sha256');
  let bytes = 0;
  const write = async (data: Buffer) => {
    await file.write(data);
    hash.update(data);
    bytes += data.length;
  };
  try {
    await write(prefix);
    const encrypt = chunkEncrypter(prefix, fileKeyOf(key, stored.cipher.salt), stored.cipher.noncePrefix);
    await pipeline(batched(payload), createGzip(), async (gzipped: AsyncIterable<Buffer>) => {
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      for await (const piece of gzipped) {
        pending.push(piece);
        pendingBytes += piece.length;
        // Hold back at least one byte so the last chunk, written after the loop, is never empty.
        if (pendingBytes > chunkSize) {
          let all = Buffer.concat(pending);
          while (all.length > chunkSize) {
            await write(encrypt(all.subarray(0, chunkSize), false));
            all = all.subarray(chunkSize);
          }
          pending = [all];
          pendingBytes = all.length;
        }
      }
      await write(encrypt(Buffer.concat(pending), true));
    });
    await file.sync();
    await file.close();
    await rename(partial, path);
  } catch (error) {
    await file.close().catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
  return { bytes, sha256: hash.digest('hex') };
}

/** The payload in pieces of at least 64 KiB (gzip is slow when fed many small writes). */
async function* batched(payload: AsyncIterable<Uint8Array>): AsyncIterable<Buffer> {
  let pieces: Uint8Array[] = [];
  let size = 0;
  for await (const piece of payload) {
    pieces.push(piece);
    size += piece.length;
    if (size >= 64 * 1024) {
      yield Buffer.concat(pieces);
      pieces = [];
      size = 0;
    }
  }
  if (size > 0) yield Buffer.concat(pieces);
}

/** Encrypts chunk after chunk, counting them. */
function chunkEncrypter(prefix: Buffer, fileKey: Buffer, noncePrefix: string) {
  const nonces = Buffer.from(noncePrefix, 'hex');
  let counter = 0;
  return (plain: Buffer, final: boolean): Buffer => {
    if (counter > 0xffff_ffff) throw new Error('Резервная копия слишком велика: кончились номера блоков.');
    const { nonce, aad } = chunkParams(prefix, nonces, counter++, final);
    const cipher = createCipheriv('aes-256-gcm', fileKey, nonce, { authTagLength: tagBytes });
    cipher.setAAD(aad);
    const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE((encrypted.length | (final ? finalBit : 0)) >>> 0);
    return Buffer.concat([length, encrypted, cipher.getAuthTag()]);
  };
}

/** Makes a rename inside `dir` durable (where the platform allows fsync of a directory). */
export async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM') throw error;
  } finally {
    await handle?.close();
  }
}

/** An open backup file whose header has been read and whose key has been checked. */
interface OpenedFile {
  handle: FileHandle;
  header: StoredHeader;
  prefix: Buffer;
  size: number;
  name: string;
}

const corrupted = (name: string, what: string) =>
  new BackupFileError(`Файл резервной копии повреждён или изменён: ${what} (${name}).`, 'corrupted');
const truncated = (name: string) =>
  new BackupFileError(
    `Файл обрезан: в нём нет конца резервной копии (${name}). Возможно, копирование не закончилось.`,
    'truncated',
  );

/** Reads exactly `length` bytes at `position`, or fewer at the end of the file. */
async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/** Opens a backup file, reads its header and checks the key; closes the file when that fails. */
async function openBackupFile(path: string, key: Buffer): Promise<OpenedFile> {
  assertKey(key);
  const name = basename(path);
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const start = await readAt(handle, 0, magic.length + 4);
    if (start.length < magic.length || !start.subarray(0, magic.length).equals(magic)) {
      throw new BackupFileError(`Это не резервная копия Отметки (${name}).`, 'not-backup');
    }
    if (start.length < magic.length + 4) throw truncated(name);
    const length = start.readUInt32BE(magic.length);
    if (length > maxHeaderBytes) throw corrupted(name, 'заголовок неверной длины');
    const json = await readAt(handle, start.length, length);
    if (json.length < length) throw truncated(name);
    const header = parseHeader(json, name);
    if (header.cipher.keyCheck !== keyCheckOf(key)) {
      throw new BackupFileError(
        `Неверный ключ: файл ${name} зашифрован другим ключом. Проверьте BACKUP_KEY или BACKUP_KEY_FILE — нужен ключ, которым копия была создана.`,
        'wrong-key',
      );
    }
    return { handle, header, prefix: Buffer.concat([start, json]), size, name };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

function parseHeader(json: Buffer, name: string): StoredHeader {
  let value: unknown;
  try {
    value = JSON.parse(json.toString('utf8'));
  } catch {
    throw corrupted(name, 'заголовок не читается');
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) throw corrupted(name, 'заголовок не читается');
  return parsed.data;
}

/**
 * The chunks' plaintext (the gzip'ed payload), each released only after its tag is verified;
 * `limit` stops after that many chunks. Closes the file at the end or when the caller stops.
 */
async function* verifiedChunks(file: OpenedFile, key: Buffer, limit = Number.POSITIVE_INFINITY) {
  const { handle, header, prefix, size, name } = file;
  const fileKey = fileKeyOf(key, header.cipher.salt);
  const nonces = Buffer.from(header.cipher.noncePrefix, 'hex');
  try {
    let position = prefix.length;
    for (let counter = 0; counter < limit; counter++) {
      if (position >= size) throw truncated(name);
      const word = await readAt(handle, position, 4);
      if (word.length < 4) throw truncated(name);
      const final = (word.readUInt32BE(0) & finalBit) !== 0;
      const length = word.readUInt32BE(0) & ~finalBit;
      if (length === 0 || length > header.cipher.chunkSize) {
        throw corrupted(name, `блок ${counter + 1} неверной длины`);
      }
      const body = await readAt(handle, position + 4, length + tagBytes);
      if (body.length < length + tagBytes) throw truncated(name);
      position += 4 + length + tagBytes;
      const { nonce, aad } = chunkParams(prefix, nonces, counter, final);
      const decipher = createDecipheriv('aes-256-gcm', fileKey, nonce, { authTagLength: tagBytes });
      decipher.setAAD(aad);
      decipher.setAuthTag(body.subarray(length));
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(body.subarray(0, length)), decipher.final()]);
      } catch {
        throw corrupted(name, `блок ${counter + 1} не прошёл проверку подлинности`);
      }
      yield plain;
      if (final) {
        if (position !== size) throw corrupted(name, 'после конца копии есть лишние байты');
        return;
      }
    }
  } finally {
    await handle.close();
  }
}

/** The header of a backup file, authenticated with the key. */
export async function readBackupHeader(path: string, key: Buffer): Promise<BackupHeader> {
  const file = await openBackupFile(path, key);
  // The header is part of every chunk's AAD: verifying the first chunk authenticates it.
  const first = verifiedChunks(file, key, 1);
  await first.next();
  await first.return(undefined);
  const { cipher: _cipher, ...header } = file.header;
  return header;
}

/** The decrypted payload; throws BackupFileError on any changed, missing or extra byte. */
export async function* readBackupPayload(path: string, key: Buffer): AsyncIterable<Uint8Array> {
  const file = await openBackupFile(path, key);
  const gunzip = createGunzip();
  const feeding = pipeline(verifiedChunks(file, key), gunzip);
  feeding.catch(() => {});
  try {
    for await (const piece of gunzip) yield piece as Buffer;
    await feeding;
  } catch (error) {
    if (error instanceof BackupFileError) throw error;
    if ((error as NodeJS.ErrnoException).code?.startsWith('Z_')) {
      throw corrupted(file.name, 'сжатые данные не распаковываются');
    }
    throw error;
  } finally {
    gunzip.destroy();
  }
}
