import { api } from '../../lib/api';

/** The data protection officer's erasures, as /api/privacy/erasures and /api/audit/verify send them. */

export type ErasureKind = 'REQUEST' | 'RETENTION';

export interface Erasure {
  id: number;
  kind: ErasureKind;
  /** The member whose data were erased on request; null for the retention job. */
  memberId: string | null;
  reason: string;
  /** The data protection officer, or `system` for the retention job. */
  requestedBy: string;
  erasedAt: string;
  caseIds: number[];
  /** Rows changed per module ("content", "task list", "members", "audit trail"…). */
  counts: Record<string, number>;
}

/** What the law requires to keep, whatever is erased, and under which text. */
export interface KeptItem {
  whatFr: string;
  whatEn: string;
  ground: string;
}

export interface ErasureList {
  erasures: Erasure[];
  keptByLaw: KeptItem[];
}

export interface ErasurePreview {
  memberId: string;
  cases: number;
  openCases: number;
  kept: KeptItem[];
}

export interface ErasureRequest {
  memberId: string;
  reason: string;
}

export interface AuditChainVerification {
  caseId: number;
  entries: number;
  valid: boolean;
  firstBrokenSeq: number | null;
  erasedEntries: number;
}

/** GET /api/audit/verify: every case's chain recomputed. */
export interface AuditSummary {
  cases: number;
  entries: number;
  erasedEntries: number;
  broken: AuditChainVerification[];
}

export const privacyApi = {
  erasures: (signal?: AbortSignal) => api.get<ErasureList>('/api/privacy/erasures', { signal }),
  preview: (memberId: string) =>
    api.get<ErasurePreview>(`/api/privacy/erasures/preview?memberId=${encodeURIComponent(memberId)}`),
  erase: (request: ErasureRequest) => api.post<Erasure>('/api/privacy/erasures', request),
  verifyAudit: () => api.get<AuditSummary>('/api/audit/verify'),
};
