import type { Lang } from '../http/messages.ts';

/** The calendar months ('YYYY-MM') overlapping the dates from–to, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    out.push(month);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The names of the months, January first. */
export const monthNames: Record<Lang, readonly string[]> = {
  ru: [
    'Январь',
    'Февраль',
    'Март',
    'Апрель',
    'Май',
    'Июнь',
    'Июль',
    'Август',
    'Сентябрь',
    'Октябрь',
    'Ноябрь',
    'Декабрь',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** «Сентябрь 2026» of '2026-09'. */
export function monthName(month: string, lang: Lang): string {
  return `${monthNames[lang][Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** The earlier of two dates 'YYYY-MM-DD'. */
export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** The value of a key in a map, put there first by `make` when missing. */
export function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const found = map.get(key);
  if (found !== undefined) return found;
  const made = make();
  map.set(key, made);
  return made;
}
