import { useMutation } from '@tanstack/react-query';
import type { AuditVerifyView } from '../../contract/audit.ts';
import { apiGet } from '../app/api.ts';

/** Runs the check of the school's history on demand (it reads the whole history: not on load). */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => apiGet<AuditVerifyView>('/api/audit/verify') });
}
