import type { Kysely } from 'kysely';
import type { Ctx } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { renderClassJournal } from './journal-pdf.ts';
import type { Progress } from './paper-doc.ts';
import { type ClassPrintAccess, requireClassArchive, requireClassPrint } from './print-access.ts';
import type { JournalPrint } from './print-request.ts';
import { buildYearArchive } from './year-archive.ts';

/** What a background print produces. */
export interface PrintFile {
  content: Buffer;
  mime: string;
  /** The extension of the file's name ('pdf', 'zip'). */
  extension: string;
}

/** A kind of background print: who may ask for it, and how it is made. */
export interface PrintKind {
  /** Checks the actor may print the class (and the courses asked for); throws 403/404. */
  access(ctx: Ctx, classId: number, courseIds?: readonly number[]): Promise<ClassPrintAccess>;
  render(db: Kysely<DB>, print: JournalPrint, progress: Progress): Promise<PrintFile>;
}

/** The background prints: the class journal (PDF) and the year archive (ZIP). */
export const printKinds = {
  classJournal: {
    access: requireClassPrint,
    render: async (db, print, progress) => ({
      content: await renderClassJournal(db, print, progress),
      mime: 'application/pdf',
      extension: 'pdf',
    }),
  },
  yearArchive: {
    access: (ctx, classId) => requireClassArchive(ctx, classId),
    render: async (db, print, progress) => ({
      content: await buildYearArchive(db, print, progress),
      mime: 'application/zip',
      extension: 'zip',
    }),
  },
} satisfies Record<string, PrintKind>;

/** A kind of background print. */
export type PrintKindName = keyof typeof printKinds;
