import { today } from '../access/relationships.queries.ts';
import type { Lang } from '../http/messages.ts';
import { type Doc, openPaper } from '../print/paper-doc.ts';
import { cellText, exportWords, isFigure, printedLine } from './export-cells.ts';
import type { ReportTable } from './report-definition.ts';

const a4 = { short: 595.28, long: 841.89 };
const margin = 36;
const footer = 24;
const pad = 3;
const size = 8;
/** A column is never squeezed below this (or its natural width, if smaller). */
const minColumn = 40;
/** A header label wraps beyond this width rather than widening its column. */
const maxHeaderWidth = 110;
/** A long text wraps beyond this width rather than taking the whole page. */
const maxColumn = 200;
/** A cell shows at most this many lines; the rest ends in an ellipsis. */
const maxLines = 6;

interface Laid {
  table: ReportTable;
  widths: number[];
  /** The cells as text, row by row. */
  cells: string[][];
}

const widths = new WeakMap<Doc, Map<string, number>>();

/** The width of a text at the table's size, remembered per document (names and classes repeat). */
function textWidth(doc: Doc, font: string, text: string): number {
  if (text === '') return 0;
  let known = widths.get(doc);
  if (!known) {
    known = new Map();
    widths.set(doc, known);
  }
  const key = `${font}\u0000${text}`;
  let width = known.get(key);
  if (width === undefined) {
    width = doc.font(font).fontSize(size).widthOfString(text);
    known.set(key, width);
  }
  return width;
}

/**
 * The width each column would like: its widest value, or its label up to `maxHeaderWidth`, never
 * more than `maxColumn`.
 */
function naturalWidths(doc: Doc, table: ReportTable, cells: string[][]): number[] {
  return table.columns.map((c, i) => {
    let widest = Math.min(maxHeaderWidth, textWidth(doc, 'bold', c.label));
    for (const row of cells) widest = Math.max(widest, textWidth(doc, 'regular', row[i]!));
    return Math.min(maxColumn, Math.ceil(widest) + 2 * pad + 1);
  });
}

/**
 * Widths that fit `usable`: columns keep their natural width when there is room; otherwise each
 * keeps up to `minColumn` and the rest of the room is shared in proportion to what they lack.
 */
export function fitWidths(natural: readonly number[], usable: number): number[] {
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= usable) return [...natural];
  const floor = natural.map((w) => Math.min(w, minColumn));
  const floorTotal = floor.reduce((a, b) => a + b, 0);
  if (floorTotal >= usable) return floor.map((w) => (w * usable) / floorTotal);
  const share = (usable - floorTotal) / (total - floorTotal);
  return natural.map((w, i) => floor[i]! + (w - floor[i]!) * share);
}

function lineHeight(doc: Doc): number {
  return doc.font('regular').fontSize(size).currentLineHeight(true);
}

function cellHeight(doc: Doc, font: string, text: string, width: number, oneLine: number): number {
  if (text === '' || textWidth(doc, font, text) <= width - 2 * pad) return oneLine;
  const h = doc
    .font(font)
    .fontSize(size)
    .heightOfString(text, { width: width - 2 * pad });
  return Math.min(h, oneLine * maxLines);
}

/**
 * A report as an A4 PDF with PT Sans embedded (Cyrillic): the title, the subtitle (school and
 * range) and the date of printing on the first page, every table with its header repeated on
 * each page it runs onto, «Стр. N из M» at the foot of every page; landscape when a table is too
 * wide for portrait. The same input and `printedOn` ('YYYY-MM-DD', default today) always give
 * the same bytes.
 */
export function renderPdf(
  title: string,
  subtitle: string,
  tables: readonly ReportTable[],
  lang: Lang,
  printedOn: string = today(),
): Promise<Buffer> {
  const words = exportWords[lang];
  const { paper, finish } = openPaper(title, lang, printedOn);
  const doc = paper.doc;

  const measured = tables.map((table) => {
    const cells = table.rows.map((row) =>
      table.columns.map((c) => cellText(row[c.key] ?? null, c.kind, lang)),
    );
    return { table, cells, natural: naturalWidths(doc, table, cells) };
  });
  const widest = Math.max(0, ...measured.map((m) => m.natural.reduce((a, b) => a + b, 0)));
  const landscape = widest > a4.short - 2 * margin;
  const pageW = landscape ? a4.long : a4.short;
  const pageH = landscape ? a4.short : a4.long;
  const usable = pageW - 2 * margin;
  const bottom = pageH - margin - footer / 2;
  const laid: Laid[] = measured.map((m) => ({
    table: m.table,
    cells: m.cells,
    widths: fitWidths(m.natural, usable),
  }));
  const oneLine = lineHeight(doc);
  let y = margin;

  const newPage = () => {
    doc.addPage({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margin: 0 });
    doc
      .font('regular')
      .fontSize(7)
      .fillColor('#666666')
      .text(`${title} · ${subtitle}`, margin, margin / 2, {
        width: usable,
        lineBreak: false,
        ellipsis: true,
      });
    y = margin;
  };

  const rowHeight = (texts: string[], l: Laid, font: string) =>
    Math.max(oneLine, ...texts.map((t, i) => cellHeight(doc, font, t, l.widths[i]!, oneLine))) + 2 * pad;

  const row = (
    texts: string[],
    l: Laid,
    header: boolean,
    h = rowHeight(texts, l, header ? 'bold' : 'regular'),
  ) => {
    const font = header ? 'bold' : 'regular';
    if (header) {
      const w = l.widths.reduce((a, b) => a + b, 0);
      doc.rect(margin, y, w, h).fill('#e8e8e8');
    }
    let x = margin;
    doc.font(font).fontSize(size).fillColor('#000000');
    texts.forEach((t, i) => {
      const w = l.widths[i]!;
      if (t !== '') {
        doc.text(t, x + pad, y + pad, {
          width: w - 2 * pad,
          height: h - 2 * pad,
          ellipsis: true,
          align: !header && isFigure(l.table.columns[i]!.kind) ? 'right' : 'left',
        });
      }
      x += w;
    });
    doc
      .moveTo(margin, y + h)
      .lineTo(x, y + h)
      .lineWidth(0.3)
      .strokeColor('#999999')
      .stroke();
    y += h;
  };

  const tableTitle = (text: string) => {
    doc.font('bold').fontSize(11).fillColor('#000000').text(text, margin, y, { width: usable });
    y = doc.y + 4;
  };

  newPage();
  doc.font('bold').fontSize(14).fillColor('#000000').text(title, margin, y, { width: usable });
  doc
    .font('regular')
    .fontSize(10)
    .text(subtitle, margin, doc.y + 2, { width: usable });
  doc
    .fontSize(8)
    .fillColor('#444444')
    .text(printedLine(printedOn, lang), margin, doc.y + 2, { width: usable });
  y = doc.y + 10;

  for (const l of laid) {
    const labels = l.table.columns.map((c) => c.label);
    const headerH = rowHeight(labels, l, 'bold');
    const firstH = l.cells[0] ? rowHeight(l.cells[0], l, 'regular') : oneLine;
    if (y + 20 + headerH + firstH > bottom) newPage();
    tableTitle(l.table.title);
    row(labels, l, true, headerH);
    if (l.cells.length === 0) {
      doc
        .font('regular')
        .fontSize(size)
        .fillColor('#444444')
        .text(words.empty, margin + pad, y + pad);
      y += oneLine + 2 * pad;
    }
    for (const cells of l.cells) {
      const h = rowHeight(cells, l, 'regular');
      if (y + h > bottom) {
        newPage();
        tableTitle(`${l.table.title} (${words.more})`);
        row(labels, l, true, headerH);
      }
      row(cells, l, false, h);
    }
    y += 12;
  }

  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('#444444')
      .text(`${words.page} ${i + 1} ${words.of} ${pages.count}`, margin, pageH - margin / 2 - 8, {
        width: usable,
        align: 'center',
        lineBreak: false,
      });
  }
  return finish();
}
