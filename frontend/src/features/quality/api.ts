import { api } from '../../lib/api';
import { TASK_ERRORS, taskPath } from '../../lib/task/api';
import type { DraftFlag, DraftSource, Producer, ReviewReason } from '../../types/api';

// --- pre-prompt versions and their evaluations ---------------------------------------------------

/** A pre-prompt version as an evaluation shows it; `model` null: the provider's. */
export interface ComparisonVersion {
  label: string;
  version: number;
  prePrompt: string;
  model: string | null;
  status: 'PENDING' | 'AUTHORISED' | 'REFUSED' | string;
}

/** One side's figures over the reference set. */
export interface ComparisonTotals {
  drafted: number;
  failed: number;
  /** mean character edit ratio of the new draft to the approved text (0 = identical) */
  meanEditDistance: number | null;
  guardrailFindings: number;
  blockingFindings: number;
  meanLength: number | null;
  meanSourcesCited: number | null;
  costEur: number | null;
  energyWh: number | null;
  meanLatencyMs: number | null;
}

export interface ComparisonSide {
  status: 'PENDING' | 'DONE' | 'FAILED' | string;
  text: string | null;
  model: string | null;
  editDistance: number | null;
  length: number | null;
  guardrailFindings: number | null;
  blockingFindings: number | null;
  sourcesCited: number | null;
  costEur: number | null;
  energyWh: number | null;
  latencyMs: number | null;
  failure: string | null;
}

export interface ComparisonCase {
  caseId: number;
  position: number;
  approvedLength: number;
  /** pseudonymised: the member's data are tokens */
  approvedText: string;
  candidate: ComparisonSide | null;
  baseline: ComparisonSide | null;
}

/** GET /api/quality/evaluations/{id}: an evaluation run, candidate beside the version in service. */
export interface Comparison {
  id: number;
  useCaseKey: string;
  useCaseName: string;
  useCaseNameEn: string | null;
  candidate: ComparisonVersion;
  baseline: ComparisonVersion | null;
  status: 'REQUESTED' | 'RUNNING' | 'DONE' | string;
  totalCases: number;
  doneCases: number;
  referenceSize: number;
  provider: string | null;
  createdAt: string;
  finishedAt: string | null;
  candidateTotals: ComparisonTotals;
  baselineTotals: ComparisonTotals | null;
  cases: ComparisonCase[];
  /** AUTHORISED or REFUSED once decided */
  decision: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
  /** the use case answers members unattended (chatbot): authorising also allows that */
  unattended: boolean;
  /** the AI referent's open task deciding on the version, once the run is drafted */
  decisionTaskId: string | null;
}

export interface PromptVersionSummary {
  label: string;
  version: number;
  model: string | null;
  status: 'PENDING' | 'AUTHORISED' | 'REFUSED' | string;
  serving: boolean;
  inFile: boolean;
  latestEvaluationId: number | null;
  latestEvaluationStatus: string | null;
  latestEvaluationTotal: number;
  latestEvaluationDone: number;
  decidedBy: string | null;
  decisionBasis: 'MIGRATION' | 'INSTALLATION' | 'EVALUATION' | string | null;
  decidedAt: string | null;
}

export interface UseCaseVersions {
  useCaseKey: string;
  name: string;
  nameEn: string | null;
  unattended: boolean;
  referenceCases: number;
  servingLabel: string | null;
  versions: PromptVersionSummary[];
}

export interface EvaluationRequest {
  version: number;
}

export interface EvaluationStarted {
  evaluationId: number;
}

export function fetchVersions(signal?: AbortSignal): Promise<UseCaseVersions[]> {
  return api.get<UseCaseVersions[]>('/api/quality/versions', { signal });
}

export function fetchEvaluation(id: string | number, signal?: AbortSignal): Promise<Comparison> {
  return api.get<Comparison>(`/api/quality/evaluations/${encodeURIComponent(String(id))}`, { signal });
}

export function fetchTaskEvaluation(taskId: string, signal?: AbortSignal): Promise<Comparison> {
  return api.get<Comparison>(`${taskPath(taskId)}/prompt-evaluation`, { ...TASK_ERRORS, signal });
}

export function requestEvaluation(useCaseKey: string, version: number): Promise<EvaluationStarted> {
  return api.post<EvaluationStarted>(`/api/quality/use-cases/${encodeURIComponent(useCaseKey)}/evaluations`, {
    version,
  } satisfies EvaluationRequest);
}

/** Where the corrections of a use case and period download from (JSON Lines, pseudonymised). */
export function correctionsUrl(useCaseKey: string, from: string, to: string): string {
  const query = new URLSearchParams({ from, to });
  return `/api/quality/use-cases/${encodeURIComponent(useCaseKey)}/corrections?${query.toString()}`;
}

// --- agreement between reviewers ----------------------------------------------------------------

/** Cohen's κ with its 95 % interval (Fleiss, Cohen & Everitt); null when undefined. */
export interface Kappa {
  n: number;
  kappa: number | null;
  standardError: number | null;
  low: number | null;
  high: number | null;
  observedAgreement: number;
  /** rows: the first verdict (ACCEPT, EDIT, REJECT); columns: the second */
  table: number[][];
}

export interface PairKappa {
  reviewerA: string;
  reviewerB: string;
  kappa: Kappa;
}

export interface UseCaseAgreement {
  useCaseKey: string;
  useCaseName: string;
  useCaseNameEn: string | null;
  kappa: Kappa;
  lowFinding: boolean;
  pairs: PairKappa[];
  hiddenPairs: number;
}

export interface Agreements {
  lowKappa: number;
  lowKappaMinPairs: number;
  categories: string[];
  useCases: UseCaseAgreement[];
}

export interface AgreementFeedbackSent {
  projects: number[];
  text: string;
}

export function fetchAgreement(signal?: AbortSignal): Promise<Agreements> {
  return api.get<Agreements>('/api/quality/agreement', { signal });
}

export function sendAgreementFeedback(useCaseKey: string): Promise<AgreementFeedbackSent> {
  return api.post<AgreementFeedbackSent>(`/api/quality/use-cases/${encodeURIComponent(useCaseKey)}/agreement/feedback`);
}

// --- reviewers' figures ---------------------------------------------------------------------------

export interface ReviewerFigures {
  useCaseKey: string;
  /** null for a team's figures */
  username: string | null;
  reviewers: number;
  cases: number;
  acceptedWithoutEdit: number | null;
  meanEditRatio: number | null;
  meanMinutesToFirstDecision: number | null;
  secondsPer1000Chars: number | null;
  regenerationsPerCase: number | null;
  secondReviews: number;
  disagreement: number | null;
  approvalsBelowFloor: number;
}

export interface MyFigures {
  share: boolean;
  minCasesForManager: number;
  figures: ReviewerFigures[];
}

export interface ReviewerConsentRequest {
  share: boolean;
}

export interface TeamFigures {
  useCaseKey: string;
  useCaseName: string;
  reviewers: number;
  figures: ReviewerFigures | null;
  hiddenReason: string | null;
}

export interface ManagerFigures {
  minCasesForManager: number;
  minReviewersForTeam: number;
  teams: TeamFigures[];
  reviewers: ReviewerFigures[];
  hiddenReviewers: number;
}

export function fetchMyFigures(signal?: AbortSignal): Promise<MyFigures> {
  return api.get<MyFigures>('/api/quality/reviewers/me', { signal });
}

export function saveConsent(share: boolean): Promise<MyFigures> {
  return api.put<MyFigures>('/api/quality/reviewers/me/consent', { share } satisfies ReviewerConsentRequest);
}

export function fetchManagerFigures(signal?: AbortSignal): Promise<ManagerFigures> {
  return api.get<ManagerFigures>('/api/quality/reviewers', { signal });
}

// --- the second review ---------------------------------------------------------------------------

/** The AI draft as the first reviewer saw it, shaped for the draft panel. */
export interface BlindDraft {
  text: string;
  producer: Producer;
  model: string | null;
  producerLabel: string | null;
  promptVersion: string | null;
  createdAt: string;
  sources: DraftSource[];
  flags: DraftFlag[];
}

/** GET /api/tasks/{id}/second-review: the request and the AI draft, not the first decision. */
export interface BlindCase {
  taskId: string;
  caseId: number;
  useCaseKey: string;
  useCaseName: string;
  useCaseNameEn: string | null;
  subject: string;
  message: string;
  draft: BlindDraft;
  reasons: ReviewReason[];
}

export function fetchBlindCase(taskId: string, signal?: AbortSignal): Promise<BlindCase> {
  return api.get<BlindCase>(`${taskPath(taskId)}/second-review`, { ...TASK_ERRORS, signal });
}
