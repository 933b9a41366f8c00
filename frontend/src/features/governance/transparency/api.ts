import { api } from '../../../lib/api';

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

export const transparencyApi = {
  report: (signal?: AbortSignal) => api.get<TransparencyReport>('/api/public/transparency', { signal }),
};
