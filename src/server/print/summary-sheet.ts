import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { dotDate } from '../reports/export-cells.ts';
import { addPage, openPaper, type PaperDoc } from './paper-doc.ts';
import type { JournalPrint } from './print-request.ts';
import { drawSummary, summaryTitle, summaryWords } from './summary-draw.ts';
import { readSummarySheet } from './summary-load.ts';
import type { SummarySheet } from './summary-model.ts';
import { numberPages, shortName, signatureLines } from './summary-table.ts';

export type { SummarySheet } from './summary-model.ts';

/** Reads the сводная ведомость of the print's class and year. */
export async function loadSummarySheet(db: Kysely<DB>, print: JournalPrint): Promise<SummarySheet> {
  return readSummarySheet(db, print);
}

/** Draws the сводная ведомость on new (landscape) pages of a paper document. */
export function drawSummarySheet(paper: PaperDoc, sheet: SummarySheet): void {
  drawSummary(paper, sheet, () => addPage(paper, 'landscape'));
}

/** The сводная ведомость alone, as PDF (archived for 25 years, apart from the journal). */
export async function renderSummarySheetPdf(db: Kysely<DB>, print: JournalPrint): Promise<Buffer> {
  const sheet = await readSummarySheet(db, print);
  const { paper, finish } = openPaper(summaryTitle(sheet), print.lang, print.printedOn);
  const end = drawSummary(paper, sheet, () => addPage(paper, 'landscape'));
  const w = summaryWords[print.lang];
  const y = signatureLines(
    paper,
    end,
    [{ role: w.classTeacher, name: shortName(sheet.classTeacher) }],
    'landscape',
  );
  const printed = print.lang === 'ru' ? 'Дата печати' : 'Printed on';
  paper.doc
    .font('regular')
    .fontSize(8)
    .text(`${printed}: ${dotDate(print.printedOn)}`, 42, y, { lineBreak: false });
  numberPages(paper);
  return finish();
}
