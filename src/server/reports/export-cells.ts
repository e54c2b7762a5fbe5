import type { Lang } from '../http/messages.ts';
import type { ColumnKind, ReportTable } from './report-definition.ts';

/** A cell of a report table as the tables give it. */
export type CellValue = ReportTable['rows'][number][string];

const isoDate = /^(\d{4})-(\d{2})-(\d{2})/;

/** A date 'YYYY-MM-DD' (or an ISO timestamp) as ДД.ММ.ГГГГ; any other text is kept as it is. */
export function dotDate(value: string): string {
  const m = isoDate.exec(value);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : value;
}

/** The words the exports write themselves, in both languages. */
export const exportWords = {
  ru: { printed: 'Дата печати', page: 'Стр.', of: 'из', empty: 'Нет данных', more: 'продолжение' },
  en: { printed: 'Printed on', page: 'Page', of: 'of', empty: 'No data', more: 'continued' },
} satisfies Record<Lang, Record<string, string>>;

/** «Дата печати: 29.11.2026» for a date 'YYYY-MM-DD'. */
export function printedLine(printedOn: string, lang: Lang): string {
  return `${exportWords[lang].printed}: ${dotDate(printedOn)}`;
}

/** The range of a report as «01.09.2026 – 31.05.2027». */
export function rangeText(from: string, to: string): string {
  return `${dotDate(from)} – ${dotDate(to)}`;
}

/**
 * How a cell is written in text (the PDF): dates ДД.ММ.ГГГГ, percentages with one decimal,
 * other numbers with at most two; a decimal comma in Russian.
 */
export function cellText(value: CellValue, kind: ColumnKind | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return kind === 'date' ? dotDate(value) : value;
  if (!Number.isFinite(value)) return '';
  const text =
    kind === 'percent'
      ? value.toFixed(1)
      : Number.isInteger(value)
        ? String(value)
        : String(Math.round(value * 100) / 100);
  return lang === 'ru' ? text.replace('.', ',') : text;
}

/** Whether a column's values are figures, aligned to the right. */
export function isFigure(kind: ColumnKind | undefined): boolean {
  return kind === 'number' || kind === 'percent';
}
