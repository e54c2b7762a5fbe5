import { mondayOf } from '../../domain/school-days.ts';
import type { Language } from '../i18n/translate.ts';

const monthsRu = ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A number with fixed decimals as the language writes it: «0,75» in Russian, «0.75» in English. */
export function decimals(value: number, digits: number, lang: Language): string {
  const text = value.toFixed(digits);
  return lang === 'ru' ? text.replace('.', ',') : text;
}

/** A number with one decimal: «87,3» in Russian, «87.3» in English. */
export function oneDecimal(value: number, lang: Language): string {
  return decimals(Math.round(value * 10) / 10, 1, lang);
}

/** A percentage: «87,3 %» (Russian puts a space before the sign), «87.3%»; «—» when unknown. */
export function formatPercent(value: number | null, lang: Language): string {
  if (value === null) return '—';
  return lang === 'ru' ? `${oneDecimal(value, lang)} %` : `${oneDecimal(value, lang)}%`;
}

/**
 * A change in percentage points with its sign: «+2,1 п.п.», «−4,5 п.п.», «0,0 п.п.» (the minus
 * is the typographic one); «+2.1 pp» in English; null when unknown.
 */
export function formatChange(change: number | null, lang: Language): string | null {
  if (change === null) return null;
  const rounded = Math.round(change * 10) / 10;
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '';
  return `${sign}${oneDecimal(Math.abs(rounded), lang)} ${lang === 'ru' ? 'п.п.' : 'pp'}`;
}

/** A trend point's label: ДД.ММ of its week's Monday, or the month's short name. */
export function pointLabel(start: string, by: 'week' | 'month', lang: Language): string {
  if (by === 'month') return (lang === 'ru' ? monthsRu : monthsEn)[Number(start.slice(5, 7)) - 1]!;
  const monday = mondayOf(start);
  return `${monday.slice(8, 10)}.${monday.slice(5, 7)}`;
}
