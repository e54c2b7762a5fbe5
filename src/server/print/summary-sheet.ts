import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { PaperDoc } from './paper-doc.ts';
import type { JournalPrint } from './print-request.ts';

/** The сводная ведомость of a class for a year (helper B defines it). */
export type SummarySheet = Record<string, never>;

/** Reads the сводная ведомость of the print's class and year. */
export async function loadSummarySheet(_db: Kysely<DB>, _print: JournalPrint): Promise<SummarySheet> {
  throw new Error('loadSummarySheet: not written yet');
}

/** Draws the сводная ведомость on new pages of a paper document. */
export function drawSummarySheet(_paper: PaperDoc, _sheet: SummarySheet): void {
  throw new Error('drawSummarySheet: not written yet');
}

/** The сводная ведомость alone, as PDF (archived for 25 years, apart from the journal). */
export async function renderSummarySheetPdf(_db: Kysely<DB>, _print: JournalPrint): Promise<Buffer> {
  throw new Error('renderSummarySheetPdf: not written yet');
}
