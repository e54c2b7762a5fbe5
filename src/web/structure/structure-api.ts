import { useMutation, useQuery } from '@tanstack/react-query';
import type { StructureOverview } from '../../contract/structure.ts';
import { apiGet, apiPost } from '../app/api.ts';
import { queryClient } from '../app/session.ts';

/** Query key of `GET /api/structure`. */
export const overviewKey = ['structure', 'overview'] as const;

/** The school's classes, subjects, groups, courses and teachers. */
export function useOverview() {
  return useQuery({ queryKey: overviewKey, queryFn: () => apiGet<StructureOverview>('/api/structure') });
}

/** A write to a structure path that refreshes the overview when it succeeds. */
export function useStructureWrite(onDone?: () => void) {
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) => apiPost<unknown>(path, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['structure'] });
      onDone?.();
    },
  });
}

/** Options of a select from people or things with an id and a name, after a «choose» entry. */
export function optionsOf(items: readonly { id: number; name: string }[], first: string) {
  return [{ value: '', label: first }, ...items.map((i) => ({ value: String(i.id), label: i.name }))];
}
