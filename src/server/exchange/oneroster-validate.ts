import { type Lang, translate } from '../http/messages.ts';
import {
  COLUMNS,
  type ColumnDef,
  EXTENSION_VALUE_PREFIX,
  FILE_MODES,
  type FileMode,
  MANIFEST_FILES,
  MANIFEST_HEADER,
  MANIFEST_VERSION,
  METADATA_PREFIX,
  ONEROSTER_FILES,
  ONEROSTER_VERSION,
  type OneRosterFile,
} from './oneroster-columns.ts';
import { parseCsv, splitList } from './oneroster-csv.ts';
import type { messages } from './roster-export.messages.ts';

/** A message key of the validator. */
export type OneRosterMessageKey = keyof typeof messages.ru;

/** One thing wrong with a OneRoster set: where (file, row with the header as row 1, column) and what. */
export interface OneRosterProblem {
  file: string;
  row: number | null;
  column: string | null;
  key: OneRosterMessageKey;
  params: Record<string, string | number>;
}

/** A data file read into rows keyed by header name; rows[i] is row i + 2 of the file (the header is row 1). */
export interface OneRosterTable {
  header: string[];
  rows: Record<string, string>[];
}

/** The manifest's `file.<name>` modes and its source properties. */
export interface OneRosterManifest {
  modes: Map<string, FileMode>;
  properties: Map<string, string>;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const YEAR = /^\d{4}$/;
const FLOAT = /^-?\d+(\.\d+)?$/;

/** Whether a YYYY-MM-DD text names a real day. */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/**
 * Checks a OneRoster 1.2 CSV set (file name such as 'users.csv' → its text) against the binding:
 * the manifest, exact headers, required values, types, unique sourcedIds and references between files.
 * Files Otmetka does not model (demographics.csv and the like) are only checked against the manifest.
 */
export function validateOneRoster(files: ReadonlyMap<string, string>, limit = 1000): OneRosterProblem[] {
  const problems: OneRosterProblem[] = [];
  const add = (p: OneRosterProblem) => {
    if (problems.length < limit) problems.push(p);
  };
  const manifestText = files.get('manifest.csv');
  if (manifestText === undefined) {
    add({ file: 'manifest.csv', row: null, column: null, key: 'onerosterNoManifest', params: {} });
    return problems;
  }
  const manifest = readManifest(manifestText, add);
  if (!manifest) return problems;

  for (const name of files.keys()) {
    if (name === 'manifest.csv') continue;
    const mode = manifest.modes.get(name.replace(/\.csv$/, ''));
    if (mode === undefined || mode === 'absent') {
      add({ file: name, row: null, column: null, key: 'onerosterFileUndeclared', params: {} });
    }
  }
  for (const [file, mode] of manifest.modes) {
    if (mode !== 'absent' && !files.has(`${file}.csv`)) {
      add({ file: `${file}.csv`, row: null, column: null, key: 'onerosterFileMissing', params: { mode } });
    }
  }
  const tables = new Map<OneRosterFile, OneRosterTable>();
  const idRows = new Map<OneRosterFile, Map<string, number>>();
  for (const file of ONEROSTER_FILES) {
    const mode = manifest.modes.get(file);
    if (mode === undefined || mode === 'absent') continue;
    const text = files.get(`${file}.csv`);
    if (text === undefined) continue;
    const table = readTable(file, text, add);
    if (!table) continue;
    tables.set(file, table);
    idRows.set(file, checkRows(file, mode, table, add));
  }
  for (const [file, table] of tables) {
    checkReferences(file, table, manifest, idRows, add);
  }
  if (problems.length >= limit) {
    problems[limit - 1] = {
      file: '',
      row: null,
      column: null,
      key: 'onerosterTooManyProblems',
      params: { max: limit - 1 },
    };
  }
  return problems;
}

/** Reads manifest.csv, reporting what is wrong with it; null when it cannot be used at all. */
export function readManifest(text: string, add: (p: OneRosterProblem) => void): OneRosterManifest | null {
  const file = 'manifest.csv';
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    add({ file, row: null, column: null, key: 'onerosterUnreadableCsv', params: { record: parsed.record } });
    return null;
  }
  const [header, ...rows] = parsed.records;
  if (!header || header.join(',') !== MANIFEST_HEADER.join(',')) {
    add({ file, row: 1, column: null, key: 'onerosterManifestHeader', params: {} });
    return null;
  }
  const properties = new Map<string, string>();
  rows.forEach(([name = '', value = ''], i) => {
    if (properties.has(name)) {
      add({
        file,
        row: i + 2,
        column: 'propertyName',
        key: 'onerosterManifestDuplicate',
        params: { property: name },
      });
    }
    properties.set(name, value);
  });
  const expect = (property: string, expected: string) => {
    const value = properties.get(property);
    if (value === undefined)
      add({ file, row: null, column: null, key: 'onerosterManifestMissing', params: { property } });
    else if (value !== expected) {
      add({
        file,
        row: null,
        column: 'value',
        key: 'onerosterManifestValue',
        params: { property, expected, value },
      });
    }
  };
  expect('manifest.version', MANIFEST_VERSION);
  expect('oneroster.version', ONEROSTER_VERSION);
  const modes = new Map<string, FileMode>();
  for (const name of MANIFEST_FILES) {
    const property = `file.${name}`;
    const value = properties.get(property);
    if (value === undefined) {
      add({ file, row: null, column: null, key: 'onerosterManifestMissing', params: { property } });
    } else if (!(FILE_MODES as readonly string[]).includes(value)) {
      const expected = FILE_MODES.join(' | ');
      add({
        file,
        row: null,
        column: 'value',
        key: 'onerosterManifestValue',
        params: { property, expected, value },
      });
    } else modes.set(name, value as FileMode);
  }
  return { modes, properties };
}

/** Reads a data file and checks its header; null when its rows cannot be trusted. */
export function readTable(
  file: OneRosterFile,
  text: string,
  add: (p: OneRosterProblem) => void,
): OneRosterTable | null {
  const name = `${file}.csv`;
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    add({
      file: name,
      row: null,
      column: null,
      key: 'onerosterUnreadableCsv',
      params: { record: parsed.record },
    });
    return null;
  }
  const [header = [], ...records] = parsed.records;
  const standard = COLUMNS[file];
  let headerOk = true;
  standard.forEach((col, i) => {
    const actual = header[i];
    if (actual === col.name) return;
    headerOk = false;
    if (actual === undefined) {
      add({
        file: name,
        row: 1,
        column: col.name,
        key: 'onerosterHeaderMissing',
        params: { expected: col.name, position: i + 1 },
      });
    } else {
      const params = { expected: col.name, actual, position: i + 1 };
      add({ file: name, row: 1, column: actual, key: 'onerosterHeaderWrong', params });
    }
  });
  const seen = new Set<string>();
  header.forEach((actual, i) => {
    if (seen.has(actual)) {
      headerOk = false;
      add({ file: name, row: 1, column: actual, key: 'onerosterHeaderDuplicate', params: { actual } });
    }
    seen.add(actual);
    if (i >= standard.length && !actual.startsWith(METADATA_PREFIX)) {
      headerOk = false;
      add({ file: name, row: 1, column: actual, key: 'onerosterHeaderExtra', params: { actual } });
    }
  });
  if (!headerOk) return null;
  if (records.length === 0) {
    add({ file: name, row: null, column: null, key: 'onerosterEmptyFile', params: {} });
    return null;
  }
  const rows: Record<string, string>[] = [];
  records.forEach((record, i) => {
    if (record.length !== header.length) {
      const params = { count: record.length, expected: header.length };
      add({ file: name, row: i + 2, column: null, key: 'onerosterFieldCount', params });
    }
    const row: Record<string, string> = {};
    header.forEach((h, j) => {
      row[h] = record[j] ?? '';
    });
    rows.push(row);
  });
  return { header, rows };
}

/** Checks values row by row; returns each sourcedId's row number. */
function checkRows(
  file: OneRosterFile,
  mode: FileMode,
  table: OneRosterTable,
  add: (p: OneRosterProblem) => void,
): Map<string, number> {
  const name = `${file}.csv`;
  const ids = new Map<string, number>();
  table.rows.forEach((row, i) => {
    const rowNo = i + 2;
    for (const col of COLUMNS[file]) {
      const value = row[col.name] ?? '';
      const required =
        col.required || (mode === 'delta' && (col.name === 'status' || col.name === 'dateLastModified'));
      if (value === '') {
        if (required) add({ file: name, row: rowNo, column: col.name, key: 'onerosterRequired', params: {} });
        continue;
      }
      const key = valueProblem(col, value);
      if (key) {
        const values = (col.values ?? []).join(', ');
        add({ file: name, row: rowNo, column: col.name, key, params: { value, values } });
      }
    }
    const id = row.sourcedId ?? '';
    if (id !== '') {
      const first = ids.get(id);
      if (first !== undefined) {
        add({
          file: name,
          row: rowNo,
          column: 'sourcedId',
          key: 'onerosterDuplicateId',
          params: { value: id, row: first },
        });
      } else ids.set(id, rowNo);
    }
    for (const [from, to] of [
      ['startDate', 'endDate'],
      ['beginDate', 'endDate'],
    ] as const) {
      const a = row[from] ?? '';
      const b = row[to] ?? '';
      if (a !== '' && b !== '' && isIsoDate(a) && isIsoDate(b) && b < a) {
        add({ file: name, row: rowNo, column: to, key: 'onerosterDatesReversed', params: {} });
      }
    }
  });
  return ids;
}

/** What is wrong with a non-empty value of a column, if anything. */
function valueProblem(col: ColumnDef, value: string): OneRosterMessageKey | null {
  const allowed = (v: string) =>
    (col.values ?? []).includes(v) || (col.name !== 'status' && v.startsWith(EXTENSION_VALUE_PREFIX));
  switch (col.type) {
    case 'enum':
      return allowed(value) ? null : 'onerosterBadEnum';
    case 'stringList':
      return col.values && !splitList(value).every(allowed) ? 'onerosterBadEnum' : null;
    case 'date':
      return isIsoDate(value) ? null : 'onerosterBadDate';
    case 'datetime':
      return DATETIME.test(value) && isIsoDate(value.slice(0, 10)) ? null : 'onerosterBadDatetime';
    case 'year':
      return YEAR.test(value) ? null : 'onerosterBadYear';
    case 'boolean':
      return value === 'true' || value === 'false' ? null : 'onerosterBadBoolean';
    case 'float':
      return FLOAT.test(value) ? null : 'onerosterBadNumber';
    default:
      return null;
  }
}

/** Checks that references resolve to records of bulk files in the same set (delta targets are not checked). */
function checkReferences(
  file: OneRosterFile,
  table: OneRosterTable,
  manifest: OneRosterManifest,
  idRows: Map<OneRosterFile, Map<string, number>>,
  add: (p: OneRosterProblem) => void,
): void {
  const refs = COLUMNS[file].filter((c) => c.ref !== undefined);
  const name = `${file}.csv`;
  for (const col of refs) {
    const target = col.ref as OneRosterFile;
    const targetMode = manifest.modes.get(target) ?? 'absent';
    // A delta target's records live in the receiver; an unreadable bulk target was reported already.
    if (targetMode === 'delta' || (targetMode === 'bulk' && !idRows.has(target))) continue;
    const known = idRows.get(target) ?? new Map<string, number>();
    table.rows.forEach((row, i) => {
      const value = row[col.name] ?? '';
      const values = col.type === 'idList' ? splitList(value) : value === '' ? [] : [value];
      for (const v of values) {
        if (!known.has(v)) {
          add({
            file: name,
            row: i + 2,
            column: col.name,
            key: 'onerosterUnknownRef',
            params: { value: v, target: `${target}.csv` },
          });
        }
      }
    });
  }
}

/** A problem as one line of text in a language, naming the file, row and column when known. */
export function describeProblem(problem: OneRosterProblem, lang: Lang): string {
  const message = translate(lang, problem.key, problem.params);
  if (problem.file === '') return message;
  if (problem.row === null || problem.column === null) {
    const where = problem.row === null ? problem.file : `${problem.file}:${problem.row}`;
    return translate(lang, 'onerosterFileProblem', { file: where, message });
  }
  return translate(lang, 'onerosterProblem', {
    file: problem.file,
    row: problem.row,
    column: problem.column,
    message,
  });
}
