/**
 * CSV as the OneRoster CSV binding wants it: RFC 4180, UTF-8. We write CRLF line ends and no byte
 * order mark; we read either line end and ignore a leading BOM (the binding tells readers to).
 */

/** The byte order mark some writers put before UTF-8 text. */
const BOM = '\uFEFF';
const SPECIAL = /[",\r\n]/;
const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/** One value as a CSV field: quoted when it holds a comma, quote, line break or edge spaces. */
export function csvField(value: string): string {
  if (value === '') return value;
  const text = value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
  const edgeSpace = text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32;
  return edgeSpace || SPECIAL.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
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
  const n = text.length;
  const records: string[][] = [];
  let i = 0;
  while (i < n) {
    const record: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        let value = '';
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q === -1) return { ok: false, record: records.length + 1 };
          value += text.slice(j, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            j = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        record.push(value);
        const c = text.charCodeAt(i);
        if (c === COMMA) {
          i++;
          continue;
        }
        if (i >= n || c === CR || c === LF) break;
        return { ok: false, record: records.length + 1 };
      }
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === COMMA || c === CR || c === LF) break;
        if (c === QUOTE) return { ok: false, record: records.length + 1 };
        j++;
      }
      record.push(text.slice(i, j));
      i = j;
      if (i < n && text.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      break;
    }
    if (text.charCodeAt(i) === CR) i++;
    if (text.charCodeAt(i) === LF) i++;
    if (record.length > 1 || record[0] !== '') records.push(record);
  }
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
