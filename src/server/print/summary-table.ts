import { addPage, type PaperDoc, pageSize, paperMargin } from './paper-doc.ts';

/** A column of a paper table. */
export interface PaperColumn {
  label: string;
  width: number;
  align?: 'left' | 'center';
}

/** Columns printed side by side under one heading (a subject), never split across pages. */
export interface ColumnGroup {
  label: string;
  columns: PaperColumn[];
}

/** A row: the text of its stub (the name column, repeated on every page) and of every column in group order. */
export interface PaperRow {
  stub: string;
  cells: string[];
}

/** A table printed on as many pages as it needs: columns by groups across pages, rows down pages. */
export interface PaperTable {
  stub: PaperColumn;
  groups: ColumnGroup[];
  rows: PaperRow[];
  fontSize: number;
}

const pad = 2;

/** The height a text takes in a cell of a width at the table's font. */
function textHeight(paper: PaperDoc, text: string, width: number, font: string, size: number): number {
  if (text === '') return size + 2 * pad;
  paper.doc.font(font).fontSize(size);
  return paper.doc.heightOfString(text, { width: width - 2 * pad }) + 2 * pad;
}

/** Writes a framed cell. */
function cell(
  paper: PaperDoc,
  box: { x: number; y: number; w: number; h: number },
  text: string,
  o: { font: string; size: number; align: 'left' | 'center' },
): void {
  const { doc } = paper;
  doc.lineWidth(0.5).rect(box.x, box.y, box.w, box.h).stroke();
  if (text === '') return;
  doc.font(o.font).fontSize(o.size);
  doc.text(text, box.x + pad, box.y + pad, { width: box.w - 2 * pad, align: o.align, lineBreak: true });
}

/** The groups cut into runs that fit the width beside the stub. */
function columnPages(table: PaperTable, width: number): ColumnGroup[][] {
  const pages: ColumnGroup[][] = [];
  let run: ColumnGroup[] = [];
  let used = 0;
  for (const g of table.groups) {
    const w = g.columns.reduce((sum, c) => sum + c.width, 0);
    if (run.length > 0 && used + w > width) {
      pages.push(run);
      run = [];
      used = 0;
    }
    run.push(g);
    used += w;
  }
  if (run.length > 0) pages.push(run);
  return pages;
}

/**
 * Draws a table on landscape pages: `heading` writes the top of each page and says where the table
 * starts. The first page must already be open; the headers repeat on every page and no cell goes
 * past the bottom margin. Gives where the last page's table ends.
 */
export function drawPaperTable(
  paper: PaperDoc,
  table: PaperTable,
  heading: (first: boolean) => number,
  layout: 'portrait' | 'landscape' = 'landscape',
): number {
  const size = table.fontSize;
  const { width, height } = pageSize(paper);
  const bottom = height - paperMargin.bottom;
  const room = width - paperMargin.left - paperMargin.right - table.stub.width;
  const offsets = new Map<ColumnGroup, number>();
  let offset = 0;
  for (const g of table.groups) {
    offsets.set(g, offset);
    offset += g.columns.length;
  }
  let first = true;
  let y = 0;
  for (const run of columnPages(table, room)) {
    const groupH = Math.max(...run.map((g) => textHeight(paper, g.label, sumWidth(g), 'bold', size)));
    const colH = Math.max(
      ...run.flatMap((g) => g.columns.map((c) => textHeight(paper, c.label, c.width, 'bold', size))),
    );
    const heights = table.rows.map((r) =>
      Math.max(
        textHeight(paper, r.stub, table.stub.width, 'regular', size),
        ...run.flatMap((g) =>
          g.columns.map((c, i) =>
            textHeight(paper, r.cells[offsets.get(g)! + i] ?? '', c.width, 'regular', size),
          ),
        ),
      ),
    );
    const header = () => {
      const top = heading(first);
      first = false;
      const x0 = paperMargin.left;
      cell(paper, { x: x0, y: top, w: table.stub.width, h: groupH + colH }, table.stub.label, {
        font: 'bold',
        size,
        align: 'left',
      });
      let x = x0 + table.stub.width;
      for (const g of run) {
        cell(paper, { x, y: top, w: sumWidth(g), h: groupH }, g.label, {
          font: 'bold',
          size,
          align: 'center',
        });
        for (const c of g.columns) {
          cell(paper, { x, y: top + groupH, w: c.width, h: colH }, c.label, {
            font: 'bold',
            size,
            align: 'center',
          });
          x += c.width;
        }
      }
      y = top + groupH + colH;
    };
    if (!first) addPage(paper, layout);
    header();
    table.rows.forEach((r, index) => {
      const h = heights[index]!;
      if (y + h > bottom) {
        addPage(paper, layout);
        header();
      }
      let x = paperMargin.left;
      cell(paper, { x, y, w: table.stub.width, h }, r.stub, { font: 'regular', size, align: 'left' });
      x += table.stub.width;
      for (const g of run)
        g.columns.forEach((c, i) => {
          const text = r.cells[offsets.get(g)! + i] ?? '';
          cell(paper, { x, y, w: c.width, h }, text, { font: 'regular', size, align: c.align ?? 'center' });
          x += c.width;
        });
      y += h;
    });
  }
  return y;
}

function sumWidth(g: ColumnGroup): number {
  return g.columns.reduce((sum, c) => sum + c.width, 0);
}

/** Writes «Стр. N из M» (or «Page N of M») at the foot of every page of the document. */
export function numberPages(paper: PaperDoc): void {
  const { doc } = paper;
  const range = doc.bufferedPageRange();
  const words = paper.lang === 'ru' ? ['Стр.', 'из'] : ['Page', 'of'];
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height } = pageSize(paper);
    doc
      .font('regular')
      .fontSize(7)
      .text(
        `${words[0]} ${i + 1} ${words[1]} ${range.count}`,
        paperMargin.left,
        height - paperMargin.bottom + 12,
        {
          width: width - paperMargin.left - paperMargin.right,
          align: 'right',
          lineBreak: false,
        },
      );
  }
}

/**
 * Writes signature lines («Классный руководитель ____________ /Фамилия И. О./») below `y`, on a
 * new page when they do not fit. Gives where they end.
 */
export function signatureLines(
  paper: PaperDoc,
  y: number,
  lines: { role: string; name: string | null }[],
  layout: 'portrait' | 'landscape',
): number {
  const { doc } = paper;
  const needed = lines.length * 24 + 12;
  let top = y + 18;
  if (top + needed > pageSize(paper).height - paperMargin.bottom) {
    addPage(paper, layout);
    top = paperMargin.top;
  }
  doc.font('regular').fontSize(9);
  for (const line of lines) {
    const name = line.name ? ` /${line.name}/` : '';
    doc.text(`${line.role} ______________________${name}`, paperMargin.left, top, { lineBreak: false });
    top += 24;
  }
  return top;
}

/** «Иванова Мария Петровна» as «Иванова М. П.». */
export function shortName(full: string | null): string | null {
  if (!full) return null;
  const [last, ...rest] = full.split(/\s+/).filter((p) => p !== '');
  return [last, ...rest.map((p) => `${p[0]}.`)].join(' ');
}
