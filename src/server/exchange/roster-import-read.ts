import { unzipSync } from 'fflate';
import { parseCsv } from './oneroster-csv.ts';

/** One data row of a OneRoster CSV file: its row number (the header is row 1) and its values by column header. */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/** One CSV file of the archive: its headers in order and its data rows. */
export interface CsvFile {
  headers: string[];
  rows: CsvRow[];
}

/** Why an archive could not be read at all. */
export class UnreadableRoster extends Error {
  constructor(
    readonly reason: 'notZip' | 'csv',
    readonly file?: string,
  ) {
    super(`unreadable roster: ${reason}`);
    this.name = 'UnreadableRoster';
  }
}

/** Reads one CSV file: the first record is the header (row 1), the others rows keyed by it (rows 2…). */
export function readCsvFile(name: string, text: string): CsvFile {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new UnreadableRoster('csv', name);
  const [head, ...body] = parsed.records;
  const headers = (head ?? []).map((h) => h.trim());
  const rows = body.map((cells, i) => {
    const values: Record<string, string> = {};
    headers.forEach((h, k) => {
      values[h] = (cells[k] ?? '').trim();
    });
    return { line: i + 2, values };
  });
  return { headers, rows };
}

/** Whether the bytes start like a ZIP archive. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

/** The archive read: its CSV files parsed, and their texts (for the validator), by file name. */
export interface RosterArchive {
  files: Map<string, CsvFile>;
  texts: Map<string, string>;
}

/** Unpacks the OneRoster archive into its CSV files by name (folders inside the archive are ignored). */
export function readRosterZip(bytes: Uint8Array): RosterArchive {
  if (!looksLikeZip(bytes)) throw new UnreadableRoster('notZip');
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    throw new UnreadableRoster('notZip');
  }
  const files = new Map<string, CsvFile>();
  const texts = new Map<string, string>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const [path, content] of Object.entries(entries)) {
    const name = path.split('/').pop() ?? path;
    if (!name.toLowerCase().endsWith('.csv')) continue;
    let text: string;
    try {
      text = decoder.decode(content);
    } catch {
      throw new UnreadableRoster('csv', name);
    }
    texts.set(name, text);
    files.set(name, readCsvFile(name, text));
  }
  return { files, texts };
}
