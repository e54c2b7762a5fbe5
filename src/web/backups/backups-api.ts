import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BackupRunDetail, BackupStatusView } from '../../contract/backups.ts';
import { apiGet, apiPost } from '../app/api.ts';

/** How often a running backup is asked about. */
export const pollMs = 2000;

/** The state of backups; asked again every 2 s while a run is going. */
export function useBackupStatus() {
  return useQuery({
    queryKey: ['backups'],
    queryFn: () => apiGet<BackupStatusView>('/api/backups'),
    refetchInterval: (query) => (query.state.data?.runs.some((r) => r.status === 'running') ? pollMs : false),
  });
}

/** One run, asked again every 2 s until it has finished; the status is refreshed when it does. */
export function useBackupRun(id: number | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['backups', 'run', id],
    queryFn: async () => {
      const run = await apiGet<BackupRunDetail>(`/api/backups/runs/${id}`);
      if (run.status !== 'running') await client.invalidateQueries({ queryKey: ['backups'], exact: true });
      return run;
    },
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? pollMs : false),
  });
}

/** «Создать копию сейчас»: starts a run in the background and answers its id. */
export function useStartBackup() {
  return useMutation({ mutationFn: () => apiPost<{ runId: number }>('/api/backups') });
}
