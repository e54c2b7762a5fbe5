import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { JournalPrint } from './print-request.ts';

/** The class journal (or the print's courses) as XLSX: a sheet per course (helper B fills this in). */
export async function renderJournalXlsx(_db: Kysely<DB>, _print: JournalPrint): Promise<Buffer> {
  throw new Error('renderJournalXlsx: not written yet');
}

/** The сводная ведомость as XLSX. */
export async function renderSummaryXlsx(_db: Kysely<DB>, _print: JournalPrint): Promise<Buffer> {
  throw new Error('renderSummaryXlsx: not written yet');
}
