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
  /** Its process instance is suspended: the page opens, no action is possible. */
  suspended?: boolean;
}

/** A task and its case (the backend sends null for tasks without one, authorisations, which these screens do not open). */
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
  const body: TextToSave = { text };
  return api.post<SavedVersion>(`${taskPath(id)}/save`, body, TASK_ERRORS);
}

/** POST /api/tasks/{id}/viewed: the whole text and its sources were displayed, after `timeSpentMs`. */
export function recordDisplay(id: string, timeSpentMs: number): Promise<{ displayed: boolean; timeSpentMs: number }> {
  return api.post(`${taskPath(id)}/viewed`, { timeSpentMs: Math.max(0, Math.round(timeSpentMs)) }, TASK_ERRORS);
}

/** GET /api/tasks/{id}/form: the task's Camunda Form (form-js schema) and the values to show in it. */
export interface TaskForm {
  formKey: string | null;
  schema: Record<string, unknown>;
  data: Record<string, unknown>;
}

export function fetchTaskForm(id: string, signal?: AbortSignal): Promise<TaskForm> {
  return api.get<TaskForm>(`${taskPath(id)}/form`, { ...TASK_ERRORS, signal });
}

export interface TaskComment {
  id: string;
  taskId: string | null;
  author: string | null;
  at: string | null;
  message: string;
  /** Written on this task (the others come from earlier tasks of the same case). */
  thisTask: boolean;
}

export function fetchComments(id: string, signal?: AbortSignal): Promise<TaskComment[]> {
  return api.get<TaskComment[]>(`${taskPath(id)}/comments`, { ...TASK_ERRORS, signal });
}

export function addComment(id: string, message: string): Promise<TaskComment> {
  return api.post<TaskComment>(`${taskPath(id)}/comments`, { message }, TASK_ERRORS);
}

/** GET /api/cases/{id}/diagram: the BPMN of the case's process and where the case stands in it. */
export interface ProcessDiagramData {
  processDefinitionKey: string;
  processName: string | null;
  ended: boolean;
  xml: string;
  activeActivityIds: string[];
  completedActivityIds: string[];
}

export function fetchDiagram(caseId: number, signal?: AbortSignal): Promise<ProcessDiagramData> {
  // its 403 says why (not one of your requests or groups): show it
  return api.get<ProcessDiagramData>(`/api/cases/${encodeURIComponent(String(caseId))}/diagram`, { serverMessageOn403: true, signal });
}

/** GET /api/tasks/{id}/authorization: the pre-prompt version an AI referent authorises (or not). */
export interface AuthorizationRequest {
  taskId: string;
  /** The version's label, e.g. member-chatbot@v2. */
  promptVersion: string;
  useCaseKey: string;
  useCaseName: string;
  useCaseNameEn: string | null;
  version: number;
  prePrompt: string;
}

export function fetchAuthorization(id: string, signal?: AbortSignal): Promise<AuthorizationRequest> {
  return api.get<AuthorizationRequest>(`${taskPath(id)}/authorization`, { ...TASK_ERRORS, signal });
}
