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

/** One entry of the case's hash-chained audit trail. `details` is JSON text, as hashed. */
export interface AuditEvent {
  id: number;
  caseId: number;
  seq: number;
  occurredAt: string;
  /** A username, `ai:<model>` or `system`. */
  actor: string;
  type: string;
  details: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditVerification {
  caseId: number;
  entries: number;
  valid: boolean;
  /** The first entry whose hash or link does not verify; null when valid. */
  firstBrokenSeq: number | null;
}

export interface CaseAudit {
  verification: AuditVerification;
  events: AuditEvent[];
}

export function fetchCases(signal?: AbortSignal): Promise<CaseSummary[]> {
  return api.get<CaseSummary[]>('/api/cases', { signal });
}

export function fetchCase(id: string | number, signal?: AbortSignal): Promise<CaseView> {
  return api.get<CaseView>(`/api/cases/${encodeURIComponent(String(id))}`, { signal });
}

export function fetchAudit(id: string | number, signal?: AbortSignal): Promise<CaseAudit> {
  return api.get<CaseAudit>(`/api/cases/${encodeURIComponent(String(id))}/audit`, { signal });
}
