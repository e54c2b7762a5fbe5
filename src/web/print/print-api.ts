import { useQuery } from '@tanstack/react-query';
import type { PrintClasses, PrintJobView } from '../../contract/print.ts';
import { apiGet } from '../app/api.ts';

/** What the signed-in person may print. */
export function usePrintClasses() {
  return useQuery({
    queryKey: ['print', 'classes'],
    queryFn: () => apiGet<PrintClasses>('/api/print/classes'),
  });
}

const finished = (job: PrintJobView | undefined) => job?.status === 'done' || job?.status === 'failed';

/** A print job, asked again every second until it is done or failed. */
export function usePrintJob(id: number | null) {
  return useQuery({
    queryKey: ['print', 'job', id],
    queryFn: () => apiGet<PrintJobView>(`/api/print-jobs/${id}`),
    enabled: id !== null,
    refetchInterval: (query) => (finished(query.state.data) ? false : 1000),
  });
}

/** My recent prints; asked again every few seconds while one of them is unfinished. */
export function useRecentPrints() {
  return useQuery({
    queryKey: ['print', 'jobs'],
    queryFn: () => apiGet<{ jobs: PrintJobView[] }>('/api/print-jobs'),
    refetchInterval: (query) => (query.state.data?.jobs.every(finished) === false ? 3000 : false),
  });
}

/** The address of a finished print's file. */
export const printFileHref = (id: number) => `/api/print-jobs/${id}/file`;

/** The XLSX journal of a class for a period (or the year) and some courses (or all one may print). */
export function journalXlsxHref(
  classId: number,
  periodId: number | null,
  courseIds: number[] | null,
): string {
  const query = new URLSearchParams();
  if (periodId !== null) query.set('periodId', String(periodId));
  if (courseIds !== null) query.set('courseIds', courseIds.join(','));
  const text = query.toString();
  return `/api/classes/${classId}/journal.xlsx${text ? `?${text}` : ''}`;
}
