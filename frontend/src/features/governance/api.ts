import { api } from '../../lib/api';

/** The lifecycle's models, as /api/ideas, /api/projects and /api/portfolio send them. */
export type Stage =
  | 'TRIAGE' | 'NECESSITY' | 'SCORING' | 'ETHICS' | 'REWORK' | 'EXPERIMENT' | 'ROLLOUT_PLANNING' | 'ROLLOUT'
  | 'PRODUCTION' | 'MERGED' | 'REJECTED' | 'NOT_SELECTED' | 'STOPPED' | 'RETIRED';

export interface MyIdea {
  id: number;
  title: string;
  stage: Stage;
  rejectionReason: string | null;
  mergedInto: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface IdeaInput {
  title: string;
  problem: string;
  team: string;
  frequency: string;
  timeSpent: string;
  dataInvolved: string;
  directorateCode: string;
}

export interface Project {
  id: number;
  title: string;
  problem: string;
  team: string;
  frequency: string;
  timeSpent: string;
  dataInvolved: string;
  directorateCode: string;
  submittedBy: string;
  stage: Stage;
  rejectionReason: string | null;
  mergedInto: number | null;
  necessity: string | null;
  useCaseKey: string | null;
  experimentStartedAt: string | null;
  createdAt: string;
}

export interface ProjectDecision {
  id: number;
  step: string;
  decision: string;
  rationale: string | null;
  decidedBy: string;
  decidedAt: string;
}

export interface OpenTask {
  id: string;
  taskKey: string;
  name: string;
  candidateGroups: string[];
  assignee: string | null;
}

export interface EthicsReview {
  id: number;
  gate: 'EXPERIMENT' | 'ROLLOUT';
  outcome: string;
  conditions: string | null;
  reviewedBy: string;
  reviewedAt: string;
  verdicts: { criterion: string; label: string; verdict: string; comment: string }[];
}

export interface ProjectView {
  project: Project;
  decisions: ProjectDecision[];
  openTasks: OpenTask[];
  ethicsReviews: EthicsReview[];
}

export interface Directorate {
  code: string;
  name: string;
  wValue: number;
  wCost: number;
  wFeasibility: number;
  wEnvironment: number;
  wRisk: number;
}

/** One scoring of a project, as kept (a re-scoring appends another; the portfolio's history lists them all). */
export interface ProjectScore {
  id: number;
  projectId: number;
  directorateCode: string;
  casesPerYear: number;
  minutesSavedPerCase: number;
  memberBenefit: number;
  buildCostEur: number;
  model: string;
  inputTokensPerCase: number;
  outputTokensPerCase: number;
  feasibility: number;
  riskTier: string;
  runCostEurPerYear: number | null;
  energyKwhMin: number;
  energyKwhMax: number;
  kgco2eMin: number;
  kgco2eMax: number;
  valueScore: number;
  costScore: number;
  feasibilityScore: number;
  environmentScore: number;
  riskScore: number;
  /** the total with the weights of its day (the ranking recomputes it with the weights in force) */
  totalScore: number;
  weights: string;
  wValue: number;
  wCost: number;
  wFeasibility: number;
  wEnvironment: number;
  wRisk: number;
  scoredBy: string;
  scoredAt: string;
  /** why it was scored again; null for a first scoring */
  reason: string | null;
}

export interface Weights {
  value: number;
  cost: number;
  feasibility: number;
  environment: number;
  risk: number;
}

export interface RankedProject {
  rank: number;
  projectId: number;
  title: string;
  directorateCode: string;
  stage: Stage;
  /** the total recomputed with `weights`, the directorate's weights in force at the ranking's date */
  total: number;
  weights: Weights;
  score: ProjectScore;
  selection: string | null;
  selectionRationale: string | null;
  selectedBy: string | null;
}

/** A change of a directorate's weights, as kept: the new figures, who, when, why. */
export interface WeightsChange {
  id: number;
  directorateCode: string;
  wValue: number;
  wCost: number;
  wFeasibility: number;
  wEnvironment: number;
  wRisk: number;
  reason: string;
  changedBy: string;
  changedAt: string;
}

export interface PortfolioHistory {
  scores: ProjectScore[];
  weights: WeightsChange[];
}

export interface KpiValue {
  kpiId: number;
  metric: string;
  label: string;
  unit: string;
  direction: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
  baseline: number | null;
  target: number;
  guardrail: number;
  pilot: number | null;
  pilotCases: number;
  control: number | null;
  controlCases: number;
  meetsTarget: boolean;
  guardrailCrossed: boolean;
}

export interface Dashboard {
  projectId: number;
  useCaseKey: string | null;
  startedAt: string | null;
  entities: { entityCode: string; entityName: string; role: 'PILOT' | 'CONTROL' }[];
  keyUsers: string[];
  /** the comfort survey is asked after one case in this many */
  surveyOneIn: number;
  kpis: KpiValue[];
  measuredMinutesSaved: number | null;
  series: { day: string; metric: string; pilot: number | null; control: number | null }[];
  feedback: { id: number; author: string; text: string; createdAt: string }[];
  decisions: ProjectDecision[];
  /** closed cases the advisers chose to write « sans IA »: in neither group's figures */
  withoutAi: { cases: number; inPilot: number; inControl: number; share: number | null; timeToApprovalMinutes: number | null };
}

export interface Wave {
  id: number;
  seq: number;
  plannedStart: string;
  status: 'PLANNED' | 'RUNNING' | 'PAUSED' | 'COMPLETED' | 'STOPPED';
  startedAt: string | null;
  pauseReason: string | null;
  entities: string[];
  people: { username: string; role: 'USER' | 'TUTOR' | 'REFERENT'; trainedAt: string | null }[];
  kpis: KpiValue[];
}

export interface Entity {
  code: string;
  name: string;
  kind: 'AGENCY' | 'SERVICE' | 'DIRECTORATE';
  parentCode: string | null;
}

export const ETHICS_CRITERIA = [
  'VALUES', 'DATA_SAFETY', 'COMPLEMENTARITY', 'MEMBER_EMPLOYEE_GAIN', 'ENVIRONMENT', 'FREE_WILL', 'PRIVACY',
  'TRANSPARENCY', 'CRISIS_PLAN',
] as const;

const p = (id: number) => `/api/projects/${id}`;

export const lifecycleApi = {
  myIdeas: (signal?: AbortSignal) => api.get<MyIdea[]>('/api/ideas/mine', { signal }),
  submitIdea: (idea: IdeaInput) => api.post<MyIdea>('/api/ideas', idea),
  triage: (id: number, body: { decision: 'ACCEPT' | 'REJECT' | 'MERGE'; reason?: string; mergeInto?: number }) =>
    api.post<MyIdea>(`/api/ideas/${id}/triage`, body),
  projects: (signal?: AbortSignal) => api.get<Project[]>('/api/projects', { signal }),
  project: (id: number, signal?: AbortSignal) => api.get<ProjectView>(p(id), { signal }),
  necessity: (id: number, text: string) => api.post<Project>(`${p(id)}/necessity`, { text }),
  rework: (id: number, text: string) => api.post<Project>(`${p(id)}/rework`, { text }),
  ethics: (id: number, body: { verdicts: { criterion: string; verdict: string; comment: string }[]; outcome: string; conditions?: string }) =>
    api.post<EthicsReview>(`${p(id)}/ethics`, body),
  directorates: (signal?: AbortSignal) => api.get<Directorate[]>('/api/portfolio/directorates', { signal }),
  /** `at`: a day (AAAA-MM-JJ) to see the ranking as it stood at its end; empty for now */
  ranking: (directorate: string, stage: string, at: string, signal?: AbortSignal) =>
    api.get<RankedProject[]>(
      `/api/portfolio?directorate=${encodeURIComponent(directorate)}&stage=${encodeURIComponent(stage)}${at ? `&at=${encodeURIComponent(at)}` : ''}`,
      { signal },
    ),
  history: (directorate: string, signal?: AbortSignal) =>
    api.get<PortfolioHistory>(`/api/portfolio/history${directorate ? `?directorate=${encodeURIComponent(directorate)}` : ''}`, { signal }),
  changeWeights: (code: string, body: Weights & { reason: string }) =>
    api.put<Directorate>(`/api/portfolio/directorates/${encodeURIComponent(code)}/weights`, body),
  score: (id: number, body: Record<string, unknown>) => api.post<ProjectScore>(`/api/portfolio/projects/${id}/score`, body),
  select: (id: number, decision: 'SELECT' | 'DECLINE', rationale: string) =>
    api.post(`/api/portfolio/projects/${id}/decision`, { decision, rationale }),
  dashboard: (id: number, signal?: AbortSignal) => api.get<Dashboard>(`${p(id)}/experiment`, { signal }),
  setUp: (id: number, body: Record<string, unknown>) => api.post(`${p(id)}/experiment`, body),
  decide: (id: number, decision: 'STOP' | 'ADJUST' | 'GENERALISE', rationale: string) =>
    api.post(`${p(id)}/experiment/decision`, { decision, rationale }),
  feedback: (id: number, text: string) => api.post(`${p(id)}/feedback`, { text }),
  entities: (signal?: AbortSignal) => api.get<Entity[]>('/api/entities', { signal }),
  waves: (id: number, signal?: AbortSignal) => api.get<Wave[]>(`${p(id)}/waves`, { signal }),
  addWave: (id: number, body: Record<string, unknown>) => api.post<Wave>(`${p(id)}/waves`, body),
  completePlan: (id: number) => api.post(`${p(id)}/rollout-plan/complete`, {}),
  startWave: (id: number, waveId: number) => api.post(`${p(id)}/waves/${waveId}/start`, {}),
  trained: (id: number, waveId: number, username: string) =>
    api.post<Wave>(`${p(id)}/waves/${waveId}/training/${encodeURIComponent(username)}`, {}),
  trainingComplete: (id: number, waveId: number) => api.post(`${p(id)}/waves/${waveId}/training/complete`, {}),
  breach: (id: number, waveId: number, resume: boolean, rationale: string) =>
    api.post(`${p(id)}/waves/${waveId}/breach`, { resume, rationale }),
  closeWave: (id: number, waveId: number) => api.post(`${p(id)}/waves/${waveId}/close`, {}),
  killEntity: (useCase: string, entity: string, killed: boolean, reason: string) =>
    api.post(`/api/projects/use-cases/${encodeURIComponent(useCase)}/entities/${encodeURIComponent(entity)}/kill-switch`, { killed, reason }),
  killUseCase: (useCase: string, killed: boolean, reason: string) =>
    api.post(`/api/projects/use-cases/${encodeURIComponent(useCase)}/kill-switch`, { killed, reason }),
};
