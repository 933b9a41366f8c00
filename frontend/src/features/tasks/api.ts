import { api, type RequestOptions } from '../../lib/api';
import type { CaseView, TaskDecisionKind } from '../../types/api';

export interface TaskSummary {
  id: string;
  name: string;
  /** 'review', 'edit', 'handDraft' or 'approve': which screen works the task. */
  taskKey: string;
  caseId: number;
  useCaseKey: string;
  useCaseName: string;
  memberName: string;
  subject: string;
  createdAt: string;
  assignee: string | null;
}

export interface TaskDetail {
  task: TaskSummary;
  case: CaseView;
}

export type Decision = TaskDecisionKind;

/** What a person decides: the decision, and the text, instruction or reason it needs. */
export interface Completion {
  decision: Decision;
  text?: string;
  instruction?: string;
  reason?: string;
}

/** POST /api/tasks/{id}/save: a version kept without completing the task. */
export interface SavedVersion {
  version: number;
  savedAt: string;
  aiShare: number | null;
  editRatioChars: number | null;
  editRatioWords: number | null;
}

/** The longest instruction the AI accepts on a regeneration. */
export const MAX_INSTRUCTION = 2000;

// A 403 on a task explains a rule (four-eyes, another group): show the server's words
// (Spring's bare "Access Denied" is still replaced by the French message).
const TASK_ERRORS: RequestOptions = {
  serverMessageOn403: true,
  defaultMessages: { 404: 'task.notFound', 409: 'task.conflict' },
};

function taskPath(id: string): string {
  return `/api/tasks/${encodeURIComponent(id)}`;
}

export function fetchTask(id: string, signal?: AbortSignal): Promise<TaskDetail> {
  return api.get<TaskDetail>(taskPath(id), { ...TASK_ERRORS, signal });
}

export function completeTask(id: string, completion: Completion): Promise<CaseView> {
  return api.post<CaseView>(`${taskPath(id)}/complete`, completion, TASK_ERRORS);
}

export function saveTask(id: string, text: string): Promise<SavedVersion> {
  return api.post<SavedVersion>(`${taskPath(id)}/save`, { text }, TASK_ERRORS);
}
