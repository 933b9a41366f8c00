import { api } from '../../lib/api';
import type { CaseView } from '../../types/api';

export interface UseCase {
  key: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  category: string | null;
  /** false for a question about the rules (AMI assistant): no member to choose */
  memberRequired?: boolean;
}

export interface Member {
  id: string;
  displayName: string;
  city: string | null;
}

export interface NewCase {
  useCaseKey: string;
  memberId: string;
  subject: string;
  message: string;
}

export function fetchUseCases(signal?: AbortSignal): Promise<UseCase[]> {
  return api.get<UseCase[]>('/api/use-cases', { signal });
}

export function searchMembers(q: string, signal?: AbortSignal): Promise<Member[]> {
  return api.get<Member[]>(`/api/members?q=${encodeURIComponent(q)}`, { signal });
}

export function createCase(body: NewCase): Promise<CaseView> {
  return api.post<CaseView>('/api/cases', body);
}
