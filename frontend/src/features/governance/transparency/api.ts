import { api, request } from '../../../lib/api';

/** GET /api/public/transparency: aggregates only, readable without a session. */
export interface PublicAiProvider {
  provider: string;
  providerName: string | null;
  kind: 'MISTRAL' | 'OPENAI' | 'ON_PREMISES' | 'OFFLINE' | string;
  model: string | null;
  hostingCountry: string | null;
}

export interface PublicUseCase {
  key: string;
  name: string;
  nameEn: string | null;
  purpose: string | null;
  purposeEn: string | null;
  category: string | null;
  deployment: 'EVERYWHERE' | 'EXCEPTION' | 'PRODUCTION' | 'ROLLOUT' | 'EXPERIMENT' | string;
  aiEntities: number | null;
  model: string | null;
  fallbackModel: string | null;
  humanReview: boolean;
}

export interface DisclosureRule {
  ruleId: string;
  checkedByHuman: boolean | null;
  aiShareOperator: string | null;
  aiShareThreshold: number | null;
  /** the upper bound of an interval: the share lies between both bounds */
  aiShareUpperOperator: string | null;
  aiShareUpperThreshold: number | null;
  aiShareExpression: string | null;
  category: string | null;
  label: string | null;
  citeSources: boolean;
}

export interface MonthlyFootprint {
  month: string;
  aiDrafts: number;
  energyWhMin: number;
  energyWhMax: number;
  kgCo2eMin: number;
  kgCo2eMax: number;
}

/** An administrator's opening of a use case no project governs: public, without the administrator's name. */
export interface PublicOpening {
  useCaseKey: string;
  name: string;
  nameEn: string | null;
  reason: string;
  openedAt: string;
  closedAt: string | null;
  closeReason: string | null;
}

export interface TransparencyReport {
  generatedAt: string;
  provider: PublicAiProvider;
  pseudonymisation: 'PSEUDONYMISED' | 'ON_PREMISES_CLEAR' | 'NO_MODEL' | string;
  useCases: PublicUseCase[];
  disclosureRules: DisclosureRule[];
  footprint: MonthlyFootprint[];
  exceptions: PublicOpening[];
}

/** POST /api/public/provenance/verify: a text, or a provenance record (and the text to compare), at least one. */
export interface VerifyRequest {
  text?: string;
  record?: string;
}

export interface PublicProvenanceRecord {
  recordId: string | null;
  issuer: string | null;
  issuedAt: string | null;
  category: string | null;
  label: string | null;
  digitalSourceType: string | null;
  aiShare: number | null;
  validatedByEmployee: boolean | null;
  validatedAt: string | null;
  model: string | null;
  useCase: string | null;
  useCaseName: string | null;
  channel: string | null;
  keyId: string | null;
}

export interface ProvenanceCheck {
  outcome: 'AUTHENTIC' | 'RECORD_ONLY' | 'MODIFIED' | 'INVALID_SIGNATURE' | 'UNKNOWN';
  message: string;
  signatureValid: boolean | null;
  contentMatches: boolean | null;
  record: PublicProvenanceRecord | null;
}

export const transparencyApi = {
  report: (signal?: AbortSignal) => api.get<TransparencyReport>('/api/public/transparency', { signal }),
  verify: (request: VerifyRequest) => api.post<ProvenanceCheck>('/api/public/provenance/verify', request),
  /** POST /api/public/provenance/verify/document: a letter's PDF, as a file upload (10 MB at most). */
  verifyDocument: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<ProvenanceCheck>('POST', '/api/public/provenance/verify/document', { multipart: form });
  },
};
