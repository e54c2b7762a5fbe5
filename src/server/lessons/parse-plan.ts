import { hasControlCharacters } from '../../contract/fields.ts';
import type { Lang, MessageKey } from '../http/messages.ts';
import type { Cell, RawTable } from '../imports/read-table.ts';

/** A column of the КТП template: its key, its Russian and English headers, other names it goes by. */
export interface PlanColumn {
  key: 'number' | 'section' | 'topic' | 'hours' | 'controlKind' | 'plannedOn';
  ru: string;
  en: string;
  aliases: string[];
  required?: boolean;
  max?: number;
}

/** The columns of the documented template (docs/KTP.md), in order. */
export const planColumns: PlanColumn[] = [
  { key: 'number', ru: '№', en: 'No.', aliases: ['№', 'n', 'no', 'номер', '№ п/п', 'п/п', '#'] },
  { key: 'section', ru: 'Раздел', en: 'Section', aliases: ['раздел', 'section', 'раздел (тема)'], max: 300 },
  {
    key: 'topic',
    ru: 'Тема',
    en: 'Topic',
    aliases: ['тема', 'тема урока', 'topic'],
    required: true,
    max: 500,
  },
  {
    key: 'hours',
    ru: 'Часы',
    en: 'Hours',
    aliases: ['часы', 'часов', 'кол-во часов', 'количество часов', 'hours'],
  },
  {
    key: 'controlKind',
    ru: 'Вид контроля',
    en: 'Kind of control',
    aliases: ['вид контроля', 'контроль', 'формы контроля', 'kind of control', 'control'],
    max: 100,
  },
  {
    key: 'plannedOn',
    ru: 'Дата',
    en: 'Date',
    aliases: ['дата', 'дата по плану', 'плановая дата', 'date'],
  },
];

/** The header of a column in a language. */
export function planColumnLabel(lang: Lang, key: string): string {
  const column = planColumns.find((c) => c.key === key);
  if (!column) return key;
  return lang === 'en' ? column.en : column.ru;
}

/** A header as compared: lower case, ё as е, without a bracketed note such as «(ДД.ММ.ГГГГ)». */
function normalHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\(.*?\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A problem in one cell. */
export interface PlanCellProblem {
  column: PlanColumn['key'];
  message: MessageKey;
  params?: Record<string, string | number>;
}

/** A topic as it will be stored. */
export interface PlanRecord {
  section: string | null;
  topic: string;
  hours: number;
  controlKind: string | null;
  plannedOn: string | null;
}

/** One data row: the values as read (the section carried down), its problems, and the record if none. */
export interface ParsedPlanRow {
  line: number;
  values: Record<string, string>;
  problems: PlanCellProblem[];
  record: PlanRecord | null;
}

/** The rows of a КТП file with the columns it lacks or that are not the template's. */
export interface ParsedPlan {
  rows: ParsedPlanRow[];
  missingColumns: string[];
  unknownColumns: string[];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoOf(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A date cell: an XLSX date, «ДД.ММ.ГГГГ» (or «Д.М.ГГГГ»), or ISO; undefined when it is not a date. */
export function planDate(cell: Cell): string | null | undefined {
  if (cell === null) return null;
  if (cell instanceof Date)
    return isoOf(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()) ?? undefined;
  const text = String(cell).trim();
  if (text === '') return null;
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (ru) return isoOf(Number(ru[3]), Number(ru[2]), Number(ru[1])) ?? undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3])) ?? undefined;
  return undefined;
}

/** Hours: a number from 0.5 to 100 (a decimal comma allowed); empty is 1; undefined when invalid. */
export function planHours(cell: Cell): number | undefined {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return 1;
  const n = typeof cell === 'number' ? cell : Number(String(cell).trim().replace(',', '.'));
  return Number.isFinite(n) && n >= 0.5 && n <= 100 ? n : undefined;
}

function textOf(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

function shownDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/**
 * Reads the КТП rows: «Тема» is required; «Часы» empty means 1; an empty «Раздел» continues the
 * section of the row above; «Дата» must fall within the course's academic year.
 */
export function parsePlan(table: RawTable, year: { startsOn: string; endsOn: string }): ParsedPlan {
  const at = new Map<PlanColumn['key'], number>();
  const unknownColumns: string[] = [];
  table.headers.forEach((header, index) => {
    if (header === '') return;
    const normal = normalHeader(header);
    const column = planColumns.find((c) => c.aliases.includes(normal) || normalHeader(c.ru) === normal);
    if (column && !at.has(column.key)) at.set(column.key, index);
    else unknownColumns.push(header);
  });
  const missingColumns = planColumns.filter((c) => c.required && !at.has(c.key)).map((c) => c.key);
  if (missingColumns.length > 0) return { rows: [], missingColumns, unknownColumns };
  const cell = (cells: Cell[], key: PlanColumn['key']): Cell => {
    const index = at.get(key);
    return index === undefined ? null : (cells[index] ?? null);
  };
  let section: string | null = null;
  const rows = table.rows.map(({ line, cells }): ParsedPlanRow => {
    const problems: PlanCellProblem[] = [];
    const values: Record<string, string> = {};
    for (const column of planColumns) {
      const text = textOf(cell(cells, column.key));
      values[column.key] = text;
      if (column.required && text === '') problems.push({ column: column.key, message: 'required' });
      if (column.max !== undefined && text.length > column.max)
        problems.push({ column: column.key, message: 'tooLong', params: { max: column.max } });
      if (hasControlCharacters(text)) problems.push({ column: column.key, message: 'controlCharacters' });
    }
    if (values.section !== '') section = values.section ?? null;
    values.section = section ?? '';
    if (values.number !== '' && !/^[1-9]\d{0,4}$/.test(values.number ?? ''))
      problems.push({ column: 'number', message: 'lessonsKtpBadNumber' });
    const hours = planHours(cell(cells, 'hours'));
    if (hours === undefined) problems.push({ column: 'hours', message: 'lessonsKtpBadHours' });
    const plannedOn = planDate(cell(cells, 'plannedOn'));
    if (plannedOn === undefined) problems.push({ column: 'plannedOn', message: 'lessonsKtpBadDate' });
    else if (plannedOn !== null && (plannedOn < year.startsOn || plannedOn > year.endsOn))
      problems.push({ column: 'plannedOn', message: 'lessonsKtpDateOutsideYear' });
    if (plannedOn) values.plannedOn = shownDate(plannedOn);
    const record: PlanRecord | null =
      problems.length > 0 || hours === undefined || plannedOn === undefined
        ? null
        : {
            section: section,
            topic: values.topic ?? '',
            hours,
            controlKind: values.controlKind || null,
            plannedOn,
          };
    return { line, values, problems, record };
  });
  return { rows, missingColumns, unknownColumns };
}
