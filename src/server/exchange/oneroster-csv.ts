/**
 * CSV as the OneRoster CSV binding wants it: RFC 4180, UTF-8. We write CRLF line ends and no byte
 * order mark; we read either line end and ignore a leading BOM (the binding tells readers to).
 */

/** The byte order mark some writers put before UTF-8 text. */
const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One value as a CSV field: quoted when it holds a comma, quote, line break or edge spaces. */
export function csvField(value: string): string {
  const text = value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV line (without its line end) from values. */
export function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(',');
}

/** A whole CSV text: the header, then the rows, every line ending in CRLF. */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = new Array<string>(rows.length + 1);
  lines[0] = csvLine(header);
  for (let i = 0; i < rows.length; i++) lines[i + 1] = csvLine(rows[i] as readonly string[]);
  return `${lines.join('\r\n')}\r\n`;
}

/** The records of a CSV text, or the record number (1 = header) where it stops making sense. */
export type CsvParse = { ok: true; records: string[][] } | { ok: false; record: number };

/** Reads an RFC 4180 text into records of fields; blank lines between records are skipped. */
export function parseCsv(input: string): CsvParse {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let fieldStarted = false;
  const endRecord = () => {
    if (fieldStarted || record.length > 0) {
      record.push(field);
      records.push(record);
    }
    record = [];
    field = '';
    fieldStarted = false;
    afterQuote = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        quoted = false;
        afterQuote = true;
      }
      continue;
    }
    if (ch === ',') {
      record.push(field);
      field = '';
      fieldStarted = true;
      afterQuote = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else if (afterQuote) {
      return { ok: false, record: records.length + 1 };
    } else if (ch === '"') {
      if (field !== '') return { ok: false, record: records.length + 1 };
      quoted = true;
      fieldStarted = true;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) return { ok: false, record: records.length + 1 };
  endRecord();
  return { ok: true, records };
}

/** Values of a list field ("a,b,c" inside one CSV field), trimmed, without empty items. */
export function splitList(value: string): string[] {
  if (value === '') return [];
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
