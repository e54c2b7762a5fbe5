import ExcelJS from 'exceljs';
import { today } from '../access/relationships.queries.ts';
import type { Lang } from '../http/messages.ts';
import { dotDate, exportWords, printedLine } from './export-cells.ts';
import type { ReportTable } from './report-definition.ts';

/** Rows above a table's header on its sheet: title, subtitle, printing date, table title. */
const headerRow = 5;
const forbiddenInSheetName = /[\\/?*[\]:]/g;

/**
 * Sheet names as Excel takes them: no `\ / ? * [ ] :`, at most 31 characters, never empty and
 * never twice in a workbook (compared without case, as Excel does).
 */
export function sheetNames(titles: readonly string[], lang: Lang): string[] {
  const taken = new Set<string>();
  return titles.map((title, i) => {
    const base =
      title
        .replace(forbiddenInSheetName, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^'+|'+$/g, '') || `${lang === 'en' ? 'Sheet' : 'Лист'} ${i + 1}`;
    let name = base.slice(0, 31).trim();
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = `${base.slice(0, 31 - suffix.length).trim()}${suffix}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

function widthOf(value: unknown): number {
  return value === null || value === undefined ? 0 : String(value).length;
}

function addTable(
  workbook: ExcelJS.Workbook,
  name: string,
  table: ReportTable,
  heading: { title: string; subtitle: string; printed: string },
  lang: Lang,
): void {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([heading.title]).font = { bold: true, size: 14 };
  sheet.addRow([heading.subtitle]);
  sheet.addRow([heading.printed]);
  sheet.addRow([table.title]).font = { bold: true };
  const header = sheet.addRow(table.columns.map((c) => c.label));
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  for (const row of table.rows) {
    sheet.addRow(
      table.columns.map((c) => {
        const value = row[c.key];
        if (value === null || value === undefined) return null;
        if (c.kind === 'date' && typeof value === 'string') return dotDate(value);
        return value;
      }),
    );
  }
  if (table.rows.length === 0) sheet.addRow([exportWords[lang].empty]);
  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    const longest = Math.max(
      Math.min(widthOf(c.label), 30),
      ...table.rows.map((r) => widthOf(c.kind === 'percent' ? '100.0' : r[c.key])),
    );
    column.width = Math.min(60, Math.max(8, longest + 2));
    if (c.kind === 'percent') column.numFmt = '0.0';
    if (c.kind === 'date') column.alignment = { horizontal: 'left' };
  });
  sheet.views = [{ state: 'frozen', ySplit: headerRow }];
  if (table.rows.length > 0 && table.columns.length > 0) {
    sheet.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow, column: table.columns.length },
    };
  }
}

/**
 * A report as an XLSX workbook: one sheet per table, each opening with the report's title, the
 * subtitle (school and range) and the date of printing, then the table's bold, frozen header.
 * Percentages are numbers shown with one decimal (`0.0`), dates the text ДД.ММ.ГГГГ.
 * `printedOn` ('YYYY-MM-DD', default today) also stamps the workbook's own dates.
 */
export async function renderXlsx(
  title: string,
  subtitle: string,
  tables: readonly ReportTable[],
  lang: Lang,
  printedOn: string = today(),
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const stamp = new Date(`${printedOn}T00:00:00Z`);
  workbook.creator = 'Отметка';
  workbook.lastModifiedBy = 'Отметка';
  workbook.title = title;
  workbook.created = stamp;
  workbook.modified = stamp;
  const heading = { title, subtitle, printed: printedLine(printedOn, lang) };
  const names = sheetNames(
    tables.map((t) => t.title),
    lang,
  );
  tables.forEach((table, i) => {
    addTable(workbook, names[i]!, table, heading, lang);
  });
  if (tables.length === 0) {
    const sheet = workbook.addWorksheet(names[0] ?? (lang === 'en' ? 'Report' : 'Отчёт'));
    for (const line of [title, subtitle, heading.printed, exportWords[lang].empty]) sheet.addRow([line]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
