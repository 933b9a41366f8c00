import { api } from '../../lib/api';
import { TASK_ERRORS, taskPath } from '../../lib/task/api';
import type { CaseStatus, CaseView } from '../../types/api';

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
  /** « sans IA »: the adviser writes it by hand (counted apart in the experiment's figures) */
  withoutAi?: boolean;
  withoutAiReason?: string;
}

/** POST /api/tasks/{id}/save: the text to keep. */
export interface TextToSave {
  text: string;
}

/** POST /api/tasks/{id}/save: a version kept without completing the task. */
export interface SavedVersion {
  version: number;
  savedAt: string;
  aiShare: number | null;
  editRatioChars: number | null;
  editRatioWords: number | null;
}

export function fetchCases(signal?: AbortSignal): Promise<CaseSummary[]> {
  return api.get<CaseSummary[]>('/api/cases', { signal });
}

export function fetchCase(id: string | number, signal?: AbortSignal): Promise<CaseView> {
  return api.get<CaseView>(`/api/cases/${encodeURIComponent(String(id))}`, { signal });
}

export function searchMembers(q: string, signal?: AbortSignal): Promise<Member[]> {
  return api.get<Member[]>(`/api/members?q=${encodeURIComponent(q)}`, { signal });
}

export function createCase(body: NewCase): Promise<CaseView> {
  // the governance gate's 403 says why the use case is closed here and who can open it (issue 14)
  return api.post<CaseView>('/api/cases', body, { serverMessageOn403: true });
}

export function saveTask(id: string, text: string): Promise<SavedVersion> {
  const body: TextToSave = { text };
  return api.post<SavedVersion>(`${taskPath(id)}/save`, body, TASK_ERRORS);
}
