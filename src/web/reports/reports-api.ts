import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { reportFilters } from '../../contract/reports.ts';
import { apiGet } from '../app/api.ts';

/** The choices of the report filters, as the server answers them. */
export type ReportFilterOptions = z.infer<typeof reportFilters>;

/** The filters chosen on the reports page: the same names as the API's query parameters. */
export interface ReportFilterValues {
  yearId?: number;
  periodId?: number;
  from?: string;
  to?: string;
  classId?: number;
  teacherId?: number;
  courseId?: number;
  subjectId?: number;
}

const filterNames = [
  'yearId',
  'periodId',
  'from',
  'to',
  'classId',
  'teacherId',
  'courseId',
  'subjectId',
] as const;

/** The filters read from an address's query (`?periodId=3&classId=7`), unknown or empty ones left out. */
export function filtersFrom(search: URLSearchParams): ReportFilterValues {
  const out: Record<string, string | number> = {};
  for (const name of filterNames) {
    const raw = search.get(name);
    if (!raw) continue;
    if (name === 'from' || name === 'to') {
      if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) out[name] = raw;
    } else if (/^\d+$/.test(raw)) out[name] = Number(raw);
  }
  return out as ReportFilterValues;
}

/** The query string of the filters, in a stable order (a cache key and an address). */
export function queryOf(filters: ReportFilterValues, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const name of filterNames) {
    const value = filters[name];
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Query keys of the reports. */
export const reportKeys = {
  all: ['reports'] as const,
  filters: (yearId: number | undefined) => ['reports', 'filters', yearId ?? 0] as const,
  report: (name: string, filters: ReportFilterValues) => ['reports', name, queryOf(filters)] as const,
};

/** The filter choices for a year (the current one when left out). */
export function useReportFilters(yearId: number | undefined) {
  return useQuery({
    queryKey: reportKeys.filters(yearId),
    queryFn: () => apiGet<ReportFilterOptions>(`/api/reports/filters${yearId ? `?yearId=${yearId}` : ''}`),
  });
}

/** A report's answer for the filters: `GET /api/reports/<name>?…`. */
export function useReport<T>(name: string, filters: ReportFilterValues, enabled = true) {
  return useQuery({
    queryKey: reportKeys.report(name, filters),
    queryFn: () => apiGet<T>(`/api/reports/${name}${queryOf(filters)}`),
    enabled,
  });
}

/** Where a report's export in a format downloads from. */
export function exportHref(name: string, filters: ReportFilterValues, format: 'xlsx' | 'pdf'): string {
  return `/api/reports/${name}/export${queryOf(filters, { format })}`;
}
