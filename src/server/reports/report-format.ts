/** A 'YYYY-MM-DD' date as Russians write it: ДД.ММ.ГГГГ. */
export function ruDate(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/** The earlier of two 'YYYY-MM-DD' dates. */
export function earlier(a: string, b: string): string {
  return a < b ? a : b;
}
