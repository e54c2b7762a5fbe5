import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Progress } from './paper-doc.ts';
import type { JournalPrint } from './print-request.ts';

/** The class journal in the layout of the paper journal, as PDF (helper A fills this in). */
export async function renderClassJournal(
  _db: Kysely<DB>,
  _print: JournalPrint,
  _progress?: Progress,
): Promise<Buffer> {
  throw new Error('renderClassJournal: not written yet');
}
