import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Progress } from './paper-doc.ts';
import type { JournalPrint } from './print-request.ts';

/** The year archive of a class: PDFs, XLSX and a SHA-256 manifest in one ZIP (helper D fills this in). */
export async function buildYearArchive(
  _db: Kysely<DB>,
  _print: JournalPrint,
  _progress?: Progress,
): Promise<Buffer> {
  throw new Error('buildYearArchive: not written yet');
}
