import { type Doc, type PaperDoc, paperMargin } from './paper-doc.ts';

/** The smallest font size a squeezed text goes down to before it is cut with «…». */
const minSize = 4.5;

const widths = new WeakMap<Doc, Map<string, number>>();

/** The width of a text in a font at size 1, remembered per document (marks and names repeat). */
function unitWidth(doc: Doc, font: 'regular' | 'bold', text: string): number {
  let known = widths.get(doc);
  if (!known) {
    known = new Map();
    widths.set(doc, known);
  }
  const key = `${font}\u0000${text}`;
  let width = known.get(key);
  if (width === undefined) {
    width = doc.font(font).fontSize(1).widthOfString(text);
    known.set(key, width);
  }
  return width;
}

/** How a one-line text sits in its box. */
export interface TextBox {
  x: number;
  y: number;
  width: number;
  height: number;
  size: number;
  font?: 'regular' | 'bold';
  align?: 'left' | 'center' | 'right';
  /** Extra room between words, in ems (marks in a cell: «5 4» reads as two marks). */
  spread?: number;
}

/**
 * One line of text inside a box, vertically centred: shrunk (down to 4.5 pt) to fit the width,
 * then cut with «…»; it never reaches outside the box.
 */
export function fitText(doc: Doc, text: string, box: TextBox): void {
  if (text === '') return;
  const font = box.font ?? 'regular';
  const room = box.width - 3;
  if (room <= 0) return;
  let size = box.size;
  let shown = text;
  const spaces = box.spread ? text.split(' ').length - 1 : 0;
  const natural = unitWidth(doc, font, text) + spaces * (box.spread ?? 0);
  if (natural * size > room) size = Math.max(minSize, room / natural);
  if (natural * size > room) {
    let cut = text;
    while (cut.length > 1 && unitWidth(doc, font, `${cut}…`) * size > room) cut = cut.slice(0, -1);
    shown = `${cut}…`;
  }
  const width = (unitWidth(doc, font, shown) + spaces * (box.spread ?? 0)) * size;
  const align = box.align ?? 'left';
  const x =
    align === 'left'
      ? box.x + 1.5
      : align === 'right'
        ? box.x + box.width - 1.5 - width
        : box.x + (box.width - width) / 2;
  const y = box.y + (box.height - size * 1.15) / 2 + size * 0.05;
  const wordSpacing = spaces > 0 && shown === text ? (box.spread ?? 0) * size : 0;
  doc.font(font).fontSize(size).text(shown, x, y, { lineBreak: false, wordSpacing });
}

/**
 * Text wrapped inside a box at most `lines` lines high, the rest cut with «…»; it never reaches
 * outside the box.
 */
export function wrapText(doc: Doc, text: string, box: TextBox & { lines: number }): void {
  if (text === '') return;
  const lineHeight = box.size * 1.2;
  const height = Math.min(box.height - 2, lineHeight * box.lines);
  doc
    .font(box.font ?? 'regular')
    .fontSize(box.size)
    .text(text, box.x + 1.5, box.y + 1.5, {
      width: box.width - 3,
      height,
      ellipsis: true,
      lineGap: box.size * 0.05,
      align: box.align ?? 'left',
    });
}

/** The lines of a table: `xs` the column edges, `ys` the row edges. */
export function gridLines(doc: Doc, xs: readonly number[], ys: readonly number[], width = 0.4): void {
  const left = xs[0]!;
  const right = xs.at(-1)!;
  const top = ys[0]!;
  const bottom = ys.at(-1)!;
  doc.lineWidth(width).strokeColor('#000');
  for (const y of ys) doc.moveTo(left, y).lineTo(right, y);
  for (const x of xs) doc.moveTo(x, top).lineTo(x, bottom);
  doc.stroke();
}

/** A heading at the top of a page, inside the margins; returns the y below it. */
export function pageHeading(paper: PaperDoc, text: string, size = 13): number {
  const doc = paper.doc;
  const width = doc.page.width - paperMargin.left - paperMargin.right;
  fitText(doc, text, {
    x: paperMargin.left,
    y: paperMargin.top,
    width,
    height: size * 1.6,
    size,
    font: 'bold',
    align: 'center',
  });
  return paperMargin.top + size * 1.6 + 6;
}

/** The lowest y a page's content may reach (the page number sits below it). */
export function contentBottom(doc: Doc): number {
  return doc.page.height - paperMargin.bottom;
}

/** Writes «— N —» centred at the foot of every page of the document. */
export function numberPages(paper: PaperDoc): void {
  const doc = paper.doc;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - paperMargin.bottom + 8;
    fitText(doc, `— ${i + 1} —`, {
      x: 0,
      y,
      width: doc.page.width,
      height: 14,
      size: 9,
      align: 'center',
      spread: 0.3,
    });
  }
}

/** A signature line: «label ________ (подпись) name» at (x, y). */
export function signatureLine(
  doc: Doc,
  x: number,
  y: number,
  label: string,
  name: string,
  hint: string,
): void {
  doc.font('regular').fontSize(9);
  doc.text(`${label}: ${name}`, x, y, { lineBreak: false });
  const after = x + doc.widthOfString(`${label}: ${name}`) + 12;
  doc
    .lineWidth(0.5)
    .moveTo(after, y + 10)
    .lineTo(after + 120, y + 10)
    .stroke();
  doc.fontSize(6).text(hint, after, y + 12, { width: 120, align: 'center', lineBreak: false });
}
