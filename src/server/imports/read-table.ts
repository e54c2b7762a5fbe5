import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** A cell as read from a file: CSV gives text, XLSX also numbers and dates. */
export type Cell = string | number | Date | null;

/** The rows of a file under its header; `line` is the row number a spreadsheet would show. */
export interface RawTable {
  headers: string[];
  rows: { line: number; cells: Cell[] }[];
}

/** A file format the import reads. */
export type FileFormat = 'csv' | 'xlsx';

/** A file that cannot be read as a table at all. */
export class UnreadableFile extends Error {
  constructor(readonly reason: 'empty' | 'xlsx' | 'csv') {
    super(`unreadable file: ${reason}`);
    this.name = 'UnreadableFile';
  }
}

/** Whether the bytes are a ZIP archive, as every XLSX file is. */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The text of a CSV file: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1251. */
export function decodeCsv(bytes: Uint8Array): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1251').decode(body);
  }
}

/** The separator of a CSV text: whichever of ';', ',' and tab the header line holds most (';' on a tie). */
export function separatorOf(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  let inQuotes = false;
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  for (const ch of first) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
  }
  return [',', '\t'].reduce((best, s) => ((counts[s] ?? 0) > (counts[best] ?? 0) ? s : best), ';');
}

function isBlank(cells: Cell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

function toTable(matrix: Cell[][]): RawTable {
  const headerAt = matrix.findIndex((r) => !isBlank(r));
  if (headerAt < 0) throw new UnreadableFile('empty');
  const headers = (matrix[headerAt] ?? []).map((c) => (c === null ? '' : String(c).trim()));
  const rows: RawTable['rows'] = [];
  matrix.slice(headerAt + 1).forEach((cells, i) => {
    if (!isBlank(cells)) rows.push({ line: headerAt + i + 2, cells });
  });
  return { headers, rows };
}

/** Reads a CSV file as Russian Excel writes it (';', Windows-1251) or as others do (',', UTF-8). */
export function readCsv(bytes: Uint8Array): RawTable {
  const text = decodeCsv(bytes);
  if (text.trim() === '') throw new UnreadableFile('empty');
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: separatorOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch {
    throw new UnreadableFile('csv');
  }
  return toTable(records);
}

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('result' in value) return value.result === undefined ? null : cellOf(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return null;
}

/** Reads the first sheet of an XLSX workbook. */
export async function readXlsx(bytes: Uint8Array): Promise<RawTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw new UnreadableFile('xlsx');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFile('empty');
  const matrix: Cell[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellOf(row.getCell(c).value));
    matrix.push(cells);
  }
  return toTable(matrix);
}

/** Reads a file of the given format as a table. */
export async function readTable(bytes: Uint8Array, format: FileFormat): Promise<RawTable> {
  if (bytes.length === 0) throw new UnreadableFile('empty');
  return format === 'xlsx' ? readXlsx(bytes) : readCsv(bytes);
}
