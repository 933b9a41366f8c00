import { api } from '../../lib/api';
import type { CaseStatus, CaseView } from '../../types/api';

export type { CaseView };

export interface CaseSummary {
  id: number;
  useCaseKey: string;
  useCaseName: string;
  memberId: string;
  memberName: string;
  subject: string;
  status: CaseStatus;
  createdAt: string;
}

export function fetchCases(signal?: AbortSignal): Promise<CaseSummary[]> {
  return api.get<CaseSummary[]>('/api/cases', { signal });
}

export function fetchCase(id: string | number, signal?: AbortSignal): Promise<CaseView> {
  return api.get<CaseView>(`/api/cases/${encodeURIComponent(String(id))}`, { signal });
}
