import type { DistrictReportAnswer } from '../../contract/results.ts';

/** A school's row of the rollup. */
export type School = DistrictReportAnswer['schools'][number];
/** The column the rollup is sorted by. */
export type SortKey =
  | 'school'
  | 'students'
  | 'successPct'
  | 'qualityPct'
  | 'sou'
  | 'average'
  | 'provisional'
  | 'completenessPct'
  | 'timelinessPct'
  | 'attendancePct';

/** The rollup's query from the address: `year`, and `period` = 1–4 or `year`. */
export function queryFrom(search: URLSearchParams): string {
  const params = new URLSearchParams();
  const year = search.get('year');
  if (year && /^\d{4}$/.test(year)) params.set('year', year);
  const period = search.get('period');
  if (period === 'year') params.set('wholeYear', 'true');
  else if (period && /^[1-4]$/.test(period)) params.set('periodNumber', period);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The rows sorted by a column; a school without the figure goes last, ties by name. */
export function sorted(rows: readonly School[], key: SortKey, ascending: boolean): School[] {
  const sign = ascending ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key === 'school') return sign * a.school.localeCompare(b.school, 'ru');
    const x = a[key];
    const y = b[key];
    if (x === null && y === null) return a.school.localeCompare(b.school, 'ru');
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (x - y) || a.school.localeCompare(b.school, 'ru');
  });
}
