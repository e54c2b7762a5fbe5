/** What kind of value a column holds, which decides how a cell is read and checked. */
export type ColumnKind = 'text' | 'date' | 'sex' | 'phone' | 'email' | 'relation';

/** One column of the import template. */
export interface Column {
  /** `lastName` for the student, `guardian1.lastName` for a parent. */
  key: string;
  ru: string;
  en: string;
  kind: ColumnKind;
  /** Longest text accepted. */
  max: number;
  /** Always required for the student; for a parent, required once any of their cells is filled. */
  required?: boolean;
  /** Other header spellings accepted besides `ru` and `en`. */
  aliases?: string[];
}

const studentColumns: Column[] = [
  { key: 'lastName', ru: 'Фамилия', en: 'Last name', kind: 'text', max: 100, required: true },
  { key: 'firstName', ru: 'Имя', en: 'First name', kind: 'text', max: 100, required: true },
  { key: 'middleName', ru: 'Отчество', en: 'Middle name', kind: 'text', max: 100 },
  { key: 'birthDate', ru: 'Дата рождения', en: 'Birth date', kind: 'date', max: 10 },
  { key: 'sex', ru: 'Пол', en: 'Sex', kind: 'sex', max: 10 },
  { key: 'address', ru: 'Адрес', en: 'Address', kind: 'text', max: 300 },
  { key: 'phone', ru: 'Телефон', en: 'Phone', kind: 'phone', max: 30 },
  {
    key: 'email',
    ru: 'Эл. почта',
    en: 'E-mail',
    kind: 'email',
    max: 200,
    aliases: ['Электронная почта', 'Email', 'E-mail'],
  },
  {
    key: 'fileNumber',
    ru: 'Номер личного дела',
    en: 'Personal file number',
    kind: 'text',
    max: 50,
    required: true,
    aliases: ['№ личного дела', 'Личное дело'],
  },
  { key: 'healthGroup', ru: 'Группа здоровья', en: 'Health group', kind: 'text', max: 20 },
  {
    key: 'peGroup',
    ru: 'Физкультурная группа',
    en: 'PE group',
    kind: 'text',
    max: 50,
    aliases: ['Группа по физкультуре'],
  },
  { key: 'arrivedOn', ru: 'Дата прибытия', en: 'Arrival date', kind: 'date', max: 10 },
  {
    key: 'arrivalOrder',
    ru: 'Приказ о прибытии',
    en: 'Arrival order',
    kind: 'text',
    max: 100,
    aliases: ['Номер приказа о прибытии'],
  },
];

const guardianColumns: Column[] = [
  { key: 'lastName', ru: 'Фамилия', en: 'Last name', kind: 'text', max: 100, required: true },
  { key: 'firstName', ru: 'Имя', en: 'First name', kind: 'text', max: 100, required: true },
  { key: 'middleName', ru: 'Отчество', en: 'Middle name', kind: 'text', max: 100 },
  { key: 'kind', ru: 'Кем приходится', en: 'Relation', kind: 'relation', max: 20, required: true },
  { key: 'phone', ru: 'Телефон', en: 'Phone', kind: 'phone', max: 30 },
  {
    key: 'extraPhone',
    ru: 'Доп. телефон',
    en: 'Extra phone',
    kind: 'phone',
    max: 30,
    aliases: ['Дополнительный телефон'],
  },
  {
    key: 'email',
    ru: 'Эл. почта',
    en: 'E-mail',
    kind: 'email',
    max: 200,
    aliases: ['Электронная почта', 'Email', 'E-mail'],
  },
  { key: 'workplace', ru: 'Место работы', en: 'Workplace', kind: 'text', max: 200 },
  {
    key: 'consentGivenOn',
    ru: 'Согласие на обработку ПДн',
    en: 'Personal data consent',
    kind: 'date',
    max: 10,
    aliases: ['Согласие на обработку персональных данных', 'Дата согласия'],
  },
];

/** How many parents one row can carry. */
export const guardiansPerRow = 2;

/** The template's columns in order: the student's, then each parent's. */
export const columns: Column[] = [
  ...studentColumns,
  ...Array.from({ length: guardiansPerRow }, (_, i) =>
    guardianColumns.map((c) => ({
      ...c,
      key: `guardian${i + 1}.${c.key}`,
      ru: `Родитель ${i + 1}: ${c.ru}`,
      en: `Parent ${i + 1}: ${c.en}`,
      aliases: [c.ru, c.en, ...(c.aliases ?? [])].flatMap((a) => [
        `Родитель ${i + 1}: ${a}`,
        `Родитель ${i + 1} ${a}`,
        `Представитель ${i + 1}: ${a}`,
        `Parent ${i + 1}: ${a}`,
      ]),
    })),
  ).flat(),
];

/** Hints written after the header in the template, so that people fill the cells right. */
export const columnHints: Record<ColumnKind, { ru: string; en: string } | undefined> = {
  text: undefined,
  date: { ru: 'ДД.ММ.ГГГГ', en: 'DD.MM.YYYY' },
  sex: { ru: 'м/ж', en: 'м/ж' },
  phone: undefined,
  email: undefined,
  relation: { ru: 'мать/отец/опекун/другое', en: 'мать/отец/опекун/другое' },
};

/** The header as the template writes it: the name and, for some kinds, the expected form. */
export function templateHeader(column: Column): string {
  const hint = columnHints[column.kind];
  return hint ? `${column.ru} (${hint.ru})` : column.ru;
}

/** A header reduced for matching: no remark in brackets, lower case, ё→е, punctuation as spaces. */
export function headerKey(header: string): string {
  return header
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const byHeader = new Map<string, Column>();
for (const c of columns) {
  for (const h of [c.ru, c.en, ...(c.aliases ?? [])]) {
    const k = headerKey(h);
    if (!byHeader.has(k)) byHeader.set(k, c);
  }
}

/** The column a header names, tolerant of case, ё/е, spaces and a remark in brackets. */
export function columnOf(header: string): Column | undefined {
  return byHeader.get(headerKey(header));
}

/** A column by its key. */
export function columnByKey(key: string): Column | undefined {
  return columns.find((c) => c.key === key);
}
