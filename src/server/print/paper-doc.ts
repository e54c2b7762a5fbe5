import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Lang } from '../http/messages.ts';

const require = createRequire(import.meta.url);
const regular = require.resolve('@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf');
const bold = require.resolve('@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf');

/** A pdfkit document. */
export type Doc = InstanceType<typeof PDFDocument>;

/** A4 in points, and the margin every paper page keeps (the left one leaves room to bind). */
export const a4 = { short: 595.28, long: 841.89 };
export const paperMargin = { left: 42, right: 28, top: 28, bottom: 36 };

/** A section of a printed document as the contents list it: its title and first page (1-based). */
export interface OutlineEntry {
  title: string;
  page: number;
}

/** A paper document being written: the pdfkit document, its language and its contents so far. */
export interface PaperDoc {
  doc: Doc;
  lang: Lang;
  outline: OutlineEntry[];
}

/** Where a long print reports its progress: steps done of the total. */
export type Progress = (done: number, total: number) => void | Promise<void>;

/**
 * Opens an A4 document with PT Sans embedded ('regular' and 'bold'), every page kept until the end
 * (so the contents and page numbers can be written last). The same content and `printedOn`
 * ('YYYY-MM-DD') always give the same bytes.
 */
export function openPaper(
  title: string,
  lang: Lang,
  printedOn: string,
): { paper: PaperDoc; finish(): Promise<Buffer> } {
  const stamp = new Date(`${printedOn}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    info: { Title: title, Creator: 'Отметка', Producer: 'Отметка', CreationDate: stamp, ModDate: stamp },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    paper: { doc, lang, outline: [] },
    finish() {
      doc.end();
      return done;
    },
  };
}

/** Starts a new A4 page, portrait or landscape. */
export function addPage(paper: PaperDoc, layout: 'portrait' | 'landscape' = 'portrait'): void {
  paper.doc.addPage({ size: 'A4', layout, margin: 0 });
}

/** The number (1-based) of the page being written. */
export function currentPage(paper: PaperDoc): number {
  const range = paper.doc.bufferedPageRange();
  return range.start + range.count;
}

/** Records that a section starts on the current page, for the contents. */
export function startSection(paper: PaperDoc, title: string): void {
  paper.outline.push({ title, page: currentPage(paper) });
}

/** The width and height of the current page. */
export function pageSize(paper: PaperDoc): { width: number; height: number } {
  return { width: paper.doc.page.width, height: paper.doc.page.height };
}
