import type { Engine } from '../db/database.ts';

/** The plain part of a backup file: authenticated, not secret. */
export interface BackupHeader {
  format: 'otmetka-backup/1';
  createdAt: string;
  engine: Engine;
  otmetkaVersion: string;
  schemaVersion: string;
}

/** A backup file that cannot be trusted: wrong key, changed, truncated, or not a backup. */
export class BackupFileError extends Error {}

/** Reads a key from configuration: 64 hex digits or the base64 of 32 bytes. */
export function parseBackupKey(_text: string): Buffer {
  throw new Error('not implemented');
}

/** A new random key, as `otmetka backup key` prints it. */
export function newBackupKey(): string {
  throw new Error('not implemented');
}

/**
 * Writes an encrypted backup file (AES-256-GCM in authenticated chunks over the gzip of the
 * payload) under a temporary name, then renames it into place.
 */
export async function writeBackupFile(
  _path: string,
  _key: Buffer,
  _header: BackupHeader,
  _payload: AsyncIterable<Uint8Array>,
): Promise<{ bytes: number; sha256: string }> {
  throw new Error('not implemented');
}

/** The header of a backup file, authenticated with the key. */
export async function readBackupHeader(_path: string, _key: Buffer): Promise<BackupHeader> {
  throw new Error('not implemented');
}

/** The decrypted payload; throws BackupFileError on any changed, missing or extra byte. */
export function readBackupPayload(_path: string, _key: Buffer): AsyncIterable<Uint8Array> {
  throw new Error('not implemented');
}
