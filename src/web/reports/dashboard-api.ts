import { useQuery } from '@tanstack/react-query';
import type { DashboardAnswer } from '../../contract/report-dashboard.ts';
import { apiGet } from '../app/api.ts';
import { queryOf, type ReportFilterValues, reportKeys } from './reports-api.ts';

/** How the dashboard's trends are cut. */
export type TrendBy = 'week' | 'month';

/** The dashboard for the filters: `GET /api/reports/dashboard?…&by=`. */
export function useDashboard(filters: ReportFilterValues, by: TrendBy) {
  const query = queryOf(filters, by === 'week' ? {} : { by });
  return useQuery({
    queryKey: [...reportKeys.all, 'dashboard', query],
    queryFn: () => apiGet<DashboardAnswer>(`/api/reports/dashboard${query}`),
  });
}

/** Where the leadership's pages of a person live: `/director/…` for a director, else `/deputy/…`. */
export function leadershipPrefix(roles: readonly string[]): '/director' | '/deputy' {
  return roles.includes('director') ? '/director' : '/deputy';
}
