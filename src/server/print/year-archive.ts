import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Lang } from '../http/messages.ts';
import { type ArchiveEntry, type ArchiveMeta, assembleArchive } from './archive-manifest.ts';
import { renderClassJournal } from './journal-pdf.ts';
import type { Progress } from './paper-doc.ts';
import { renderJournalXlsx, renderSummaryXlsx } from './paper-xlsx.ts';
import type { JournalPrint } from './print-request.ts';
import { renderSummarySheetPdf } from './summary-sheet.ts';

/** What the manifest says of a class's year: the school, the class, the year, the day it is made. */
export async function loadArchiveMeta(db: Kysely<DB>, print: JournalPrint): Promise<ArchiveMeta> {
  const row = await db
    .selectFrom('classes')
    .innerJoin('schools', 'schools.id', 'classes.schoolId')
    .innerJoin('academicYears', 'academicYears.id', 'classes.academicYearId')
    .select([
      'classes.id as classId',
      'classes.grade',
      'classes.letter',
      'schools.id as schoolId',
      'schools.name as schoolName',
      'academicYears.id as yearId',
      'academicYears.name as yearName',
      'academicYears.startsOn',
      'academicYears.endsOn',
    ])
    .where('classes.id', '=', print.classId)
    .where('classes.schoolId', '=', print.schoolId)
    .executeTakeFirstOrThrow();
  return {
    school: { id: row.schoolId, name: row.schoolName },
    class: { id: row.classId, name: `${row.grade}${row.letter}` },
    academicYear: {
      id: row.yearId,
      name: row.yearName,
      startsOn: String(row.startsOn),
      endsOn: String(row.endsOn),
    },
    createdOn: print.printedOn,
  };
}

/** The years of an archive's academic year as a file name may hold them: «2026-2027». */
export function yearSpan(meta: ArchiveMeta): string {
  return `${meta.academicYear.startsOn.slice(0, 4)}-${meta.academicYear.endsOn.slice(0, 4)}`;
}

const titles = {
  ru: { journal: 'Классный журнал', summary: 'Сводная ведомость', xlsx: 'Журнал', archive: 'Архив' },
  en: { journal: 'Class journal', summary: 'Summary sheet', xlsx: 'Journal', archive: 'Archive' },
} satisfies Record<Lang, Record<string, string>>;

/** The name of a class's year archive: «Архив 5А 2026-2027.zip». */
export function yearArchiveName(meta: ArchiveMeta, lang: Lang): string {
  return `${titles[lang].archive} ${meta.class.name} ${yearSpan(meta)}.zip`;
}

/**
 * The year archive of a class: the class journal and the сводная ведомость as PDF (the ведомость
 * alone too, as it is kept 25 years against the journal's 5), both as XLSX, `manifest.json` and
 * `SHA256SUMS`, in one ZIP. The same data and `printedOn` give the same bytes (the XLSX files'
 * own entries are dated `printedOn` too).
 */
export async function buildYearArchive(
  db: Kysely<DB>,
  print: JournalPrint,
  progress?: Progress,
): Promise<Buffer> {
  const whole: JournalPrint = { ...print, periodId: null, courseIds: null };
  const meta = await loadArchiveMeta(db, whole);
  const t = titles[print.lang];
  const tail = `${meta.class.name} ${yearSpan(meta)}`;
  const rest = 3;
  let journalTotal = 1;
  await progress?.(0, journalTotal + rest);
  const journal = await renderClassJournal(db, whole, async (done, total) => {
    journalTotal = Math.max(total, 1);
    await progress?.(Math.min(done, journalTotal), journalTotal + rest);
  });
  await progress?.(journalTotal, journalTotal + rest);
  const summary = await renderSummarySheetPdf(db, whole);
  await progress?.(journalTotal + 1, journalTotal + rest);
  const journalXlsx = await renderJournalXlsx(db, whole);
  await progress?.(journalTotal + 2, journalTotal + rest);
  const summaryXlsx = await renderSummaryXlsx(db, whole);
  const files: ArchiveEntry[] = [
    { name: `${t.journal} ${tail}.pdf`, content: journal },
    { name: `${t.summary} ${tail}.pdf`, content: summary },
    { name: `${t.xlsx} ${tail}.xlsx`, content: journalXlsx },
    { name: `${t.summary} ${tail}.xlsx`, content: summaryXlsx },
  ];
  const zip = assembleArchive(meta, files);
  await progress?.(journalTotal + rest, journalTotal + rest);
  return zip;
}
