import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegulationDraftBody, RegulationView } from '../../contract/regulation.ts';
import { apiGet, apiPost, apiPut } from '../app/api.ts';

const key = ['regulation'];

/** The regulation's sections and approved versions. */
export function useRegulation() {
  return useQuery({ queryKey: key, queryFn: () => apiGet<RegulationView>('/api/regulation') });
}

/** «Сохранить проект»: the sections' wording. */
export function useSaveDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RegulationDraftBody) => apiPut<RegulationView>('/api/regulation/draft', body),
    onSuccess: (view) => client.setQueryData(key, view),
  });
}

/** «Утвердить»: the draft as it reads now becomes an approved version. */
export function useApprove() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<RegulationView>('/api/regulation/approve'),
    onSuccess: (view) => client.setQueryData(key, view),
  });
}
