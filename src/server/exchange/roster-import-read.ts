import { unzipSync } from 'fflate';

/** One data row of a OneRoster CSV file: its line in the file and its values by column header. */
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

/** Splits RFC 4180 CSV text into records (quoted fields may hold commas, quotes and line breaks). */
export function splitCsv(text: string): { line: number; cells: string[] }[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: startLine, cells });
    cells = [];
    cell = '';
  };
  while (i < source.length) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line += 1;
        cell += c;
      }
      i += 1;
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && source[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      startLine = line;
    } else if (c === '"') throw new UnreadableRoster('csv');
    else cell += c;
    i += 1;
  }
  if (quoted) throw new UnreadableRoster('csv');
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

/** Reads one CSV file: the first record is the header, the others rows keyed by it. */
export function readCsvFile(name: string, text: string): CsvFile {
  let records: { line: number; cells: string[] }[];
  try {
    records = splitCsv(text);
  } catch {
    throw new UnreadableRoster('csv', name);
  }
  const [head, ...body] = records;
  const headers = (head?.cells ?? []).map((h) => h.trim());
  const rows = body.map((r) => {
    const values: Record<string, string> = {};
    headers.forEach((h, k) => {
      values[h] = (r.cells[k] ?? '').trim();
    });
    return { line: r.line, values };
  });
  return { headers, rows };
}

/** Whether the bytes start like a ZIP archive. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

/** Unpacks the OneRoster archive into its CSV files by name (folders inside the archive are ignored). */
export function readRosterZip(bytes: Uint8Array): Map<string, CsvFile> {
  if (!looksLikeZip(bytes)) throw new UnreadableRoster('notZip');
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    throw new UnreadableRoster('notZip');
  }
  const files = new Map<string, CsvFile>();
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
    files.set(name, readCsvFile(name, text));
  }
  return files;
}
