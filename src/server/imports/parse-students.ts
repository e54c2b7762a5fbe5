import type { GuardianKind } from '../db/schema.ts';
import type { GuardianRecordInput, StudentRecordInput } from '../people/student-records.ts';
import { type Column, columnOf, columns, guardiansPerRow } from './columns.ts';
import type { Cell, RawTable } from './read-table.ts';

/** How a parent is related to the student. */
export type Relation = GuardianKind;

/** A student as one row of the file gives it: what the people module's record keeping takes. */
export type ImportedStudent = StudentRecordInput;

/** A parent as one row of the file gives them. */
export type ImportedGuardian = GuardianRecordInput;

/** A student with up to two parents. */
export interface ImportedRecord {
  student: ImportedStudent;
  guardians: ImportedGuardian[];
}

/** A problem with one cell: the column's key and the message key with its parameters. */
export interface CellProblem {
  column: string;
  message: ProblemKey;
  params?: Record<string, string | number>;
}

/** The message keys a cell problem can have (defined in imports.messages.ts). */
export type ProblemKey =
  | 'importsRequired'
  | 'importsTooLong'
  | 'importsBadDate'
  | 'importsBadSex'
  | 'importsBadPhone'
  | 'importsBadEmail'
  | 'importsBadRelation'
  | 'importsControlCharacters'
  | 'importsDuplicateFileNumber'
  | 'importsFileNumberElsewhere';

/** One data row: where it is, its values as shown back, and either a record or its problems. */
export interface ParsedRow {
  line: number;
  values: Record<string, string>;
  record: ImportedRecord | null;
  problems: CellProblem[];
}

/** The whole file: its rows, the headers nobody knows, and required columns that are missing. */
export interface ParsedFile {
  rows: ParsedRow[];
  unknownColumns: string[];
  missingColumns: string[];
}

class Problem extends Error {
  constructor(
    readonly key: ProblemKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function checkedIso(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  if (!real || y < 1900 || y > 2100) throw new Problem('importsBadDate');
  return isoOf(y, m, d);
}

/** A date cell as 'YYYY-MM-DD': an Excel date, an Excel serial number, ДД.ММ.ГГГГ or ГГГГ-ММ-ДД text. */
export function readDate(cell: Cell): string {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) throw new Problem('importsBadDate');
    return checkedIso(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell)) throw new Problem('importsBadDate');
    const date = new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000);
    return checkedIso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  const text = String(cell).trim();
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+0{1,2}:00(?::00)?)?$/.exec(text);
  if (ru) return checkedIso(Number(ru[3]), Number(ru[2]), Number(ru[1]));
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return checkedIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  throw new Problem('importsBadDate');
}

/** A phone as the register keeps it: Russian numbers as +7 XXX XXX-XX-XX, others as written. */
export function readPhone(cell: Cell): string {
  const text = typeof cell === 'number' ? String(Math.trunc(cell)) : String(cell).trim();
  if (!/^\+?[0-9 ()-]+$/.test(text)) throw new Problem('importsBadPhone');
  let digits = text.replace(/\D/g, '');
  if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7'))) digits = digits.slice(1);
  else if (!(digits.length === 10 && digits.startsWith('9'))) {
    if (digits.length < 5 || digits.length > 15) throw new Problem('importsBadPhone');
    return text;
  }
  return `+7 ${digits.slice(0, 3)} ${digits.slice(3, 6)}-${digits.slice(6, 8)}-${digits.slice(8)}`;
}

const sexes: Record<string, 'm' | 'f'> = {
  м: 'm',
  муж: 'm',
  мужской: 'm',
  m: 'm',
  ж: 'f',
  жен: 'f',
  женский: 'f',
  f: 'f',
};
const relations: Record<string, Relation> = {
  мать: 'mother',
  мама: 'mother',
  отец: 'father',
  папа: 'father',
  опекун: 'guardian',
  попечитель: 'guardian',
  другое: 'other',
  другой: 'other',
  mother: 'mother',
  father: 'father',
  guardian: 'guardian',
  other: 'other',
};

/** The value written back for a relation, as the template spells it. */
export const relationWords: Record<Relation, string> = {
  mother: 'мать',
  father: 'отец',
  guardian: 'опекун',
  other: 'другое',
};

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlCharacters = /[\u0000-\u0008\u000b-\u001f\u007f]/;

function textOf(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return String(cell);
  return cell.replace(/\s+/g, ' ').trim();
}

/** Reads one cell by its column's kind; null for an empty cell. */
function readCell(column: Column, cell: Cell): string | null {
  if (textOf(cell) === '') return null;
  if (typeof cell === 'string' && controlCharacters.test(cell)) throw new Problem('importsControlCharacters');
  switch (column.kind) {
    case 'date':
      return readDate(cell);
    case 'phone':
      return readPhone(cell);
    case 'sex': {
      const sex = sexes[textOf(cell).toLowerCase().replace(/\.$/, '')];
      if (!sex) throw new Problem('importsBadSex');
      return sex;
    }
    case 'relation': {
      const kind = relations[textOf(cell).toLowerCase().replace(/ё/g, 'е')];
      if (!kind) throw new Problem('importsBadRelation');
      return kind;
    }
    case 'email': {
      const email = textOf(cell);
      if (email.length > column.max) throw new Problem('importsTooLong', { max: column.max });
      if (!emailPattern.test(email)) throw new Problem('importsBadEmail');
      return email;
    }
    default: {
      const text = textOf(cell);
      if (text.length > column.max) throw new Problem('importsTooLong', { max: column.max });
      return text;
    }
  }
}

/** How a read value is shown back in the preview (dates ДД.ММ.ГГГГ, words for codes). */
function shown(column: Column, value: string | null): string {
  if (value === null) return '';
  if (column.kind === 'date') return value.split('-').reverse().join('.');
  if (column.kind === 'sex') return value === 'm' ? 'м' : 'ж';
  if (column.kind === 'relation') return relationWords[value as Relation];
  return value;
}

function parseRow(line: number, cellAt: (key: string) => Cell): ParsedRow {
  const values: Record<string, string> = {};
  const read: Record<string, string | null> = {};
  const problems: CellProblem[] = [];
  for (const column of columns) {
    const cell = cellAt(column.key);
    try {
      read[column.key] = readCell(column, cell);
      values[column.key] = shown(column, read[column.key] ?? null);
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      values[column.key] = textOf(cell);
      read[column.key] = null;
      problems.push({ column: column.key, message: error.key, params: error.params });
    }
  }
  const failed = new Set(problems.map((p) => p.column));
  const missing = (key: string) => {
    if (read[key] === null && !failed.has(key)) problems.push({ column: key, message: 'importsRequired' });
  };
  for (const c of columns) if (c.required && !c.key.includes('.')) missing(c.key);
  const guardians: ImportedGuardian[] = [];
  for (let i = 1; i <= guardiansPerRow; i++) {
    const prefix = `guardian${i}.`;
    const own = columns.filter((c) => c.key.startsWith(prefix));
    if (own.every((c) => read[c.key] === null && !failed.has(c.key))) continue;
    for (const c of own) if (c.required) missing(c.key);
    const g = (k: string) => read[prefix + k] ?? null;
    guardians.push({
      lastName: g('lastName') ?? '',
      firstName: g('firstName') ?? '',
      middleName: g('middleName') ?? '',
      kind: (g('kind') ?? 'other') as Relation,
      phone: g('phone'),
      extraPhone: g('extraPhone'),
      email: g('email'),
      workplace: g('workplace'),
      consentGivenOn: g('consentGivenOn'),
    });
  }
  if (problems.length > 0) return { line, values, record: null, problems };
  const s = (k: string) => read[k] ?? null;
  const student: ImportedStudent = {
    lastName: s('lastName') ?? '',
    firstName: s('firstName') ?? '',
    middleName: s('middleName') ?? '',
    birthDate: s('birthDate'),
    sex: s('sex') as 'm' | 'f' | null,
    address: s('address'),
    phone: s('phone'),
    email: s('email'),
    fileNumber: s('fileNumber') ?? '',
    healthGroup: s('healthGroup'),
    peGroup: s('peGroup'),
    arrivedOn: s('arrivedOn'),
    arrivalOrder: s('arrivalOrder'),
  };
  return { line, values, record: { student, guardians }, problems };
}

/** Reads a table's rows as students with parents, checking every cell; a file number twice is an error. */
export function parseStudents(table: RawTable): ParsedFile {
  const index = new Map<string, number>();
  const unknownColumns: string[] = [];
  table.headers.forEach((header, i) => {
    if (header === '') return;
    const column = columnOf(header);
    if (!column || index.has(column.key)) unknownColumns.push(header);
    else index.set(column.key, i);
  });
  const missingColumns = columns.filter((c) => c.required && !c.key.includes('.') && !index.has(c.key));
  const rows = table.rows.map(({ line, cells }) =>
    parseRow(line, (key) => {
      const at = index.get(key);
      return at === undefined ? null : (cells[at] ?? null);
    }),
  );
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const number = row.record?.student.fileNumber ?? row.values.fileNumber;
    if (!number) continue;
    const seen = firstLine.get(number);
    if (seen === undefined) firstLine.set(number, row.line);
    else {
      row.problems.push({
        column: 'fileNumber',
        message: 'importsDuplicateFileNumber',
        params: { line: seen },
      });
      row.record = null;
    }
  }
  return { rows, unknownColumns, missingColumns: missingColumns.map((c) => c.key) };
}
