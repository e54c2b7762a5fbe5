/** A local calendar day as 'YYYY-MM-DD'. */
export function isoOf(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Today in local time, 'YYYY-MM-DD'. */
export function todayIso(): string {
  return isoOf(new Date());
}

/** The day `days` after an ISO day (negative: before). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00`);
  d.setDate(d.getDate() + days);
  return isoOf(d);
}

/** The Monday of the week holding an ISO day. */
export function mondayOf(iso: string): string {
  const weekday = new Date(`${iso}T12:00:00`).getDay();
  return addDays(iso, -((weekday + 6) % 7));
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(iso: string): number {
  return (new Date(`${iso}T12:00:00`).getDay() + 6) % 7;
}

/** 'ДД.ММ' of an ISO day. */
export function dayMonth(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}`;
}

/** 'ДД.ММ.ГГГГ ЧЧ:ММ' of an ISO timestamp, in local time. */
export function dateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = isoOf(d);
  const time = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)} ${time}`;
}

/** An average with two places and a decimal comma in Russian; empty without marks. */
export function formatAverage(value: number | null, language: 'ru' | 'en'): string {
  if (value === null) return '';
  const text = value.toFixed(2);
  return language === 'ru' ? text.replace('.', ',') : text;
}

/** The numbers a mark counts as on a trend line: «5/4» is 5 and 4, «4-» is 4, «зач» none. */
export function markNumbers(value: string): number[] {
  return (value.match(/[1-5]/g) ?? []).map(Number);
}

/**
 * Where a week opens: today's card; on a day without one (a Sunday without lessons) the next day
 * shown after it; past the last shown day, the week's end ('end', where «Ознакомлен» is); null
 * for a week that does not hold today (it opens at its top).
 */
export function openingPlace(weekStart: string, shown: readonly string[], today: string): string | null {
  if (today < weekStart || today > addDays(weekStart, 6)) return null;
  return shown.find((day) => day >= today) ?? 'end';
}
