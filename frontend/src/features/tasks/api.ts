import { api } from '../../lib/api';
import { TASK_ERRORS, taskPath } from '../../lib/task/api';
import type { TaskDetail } from '../../types/api';

export function fetchTask(id: string, signal?: AbortSignal): Promise<TaskDetail> {
  return api.get<TaskDetail>(taskPath(id), { ...TASK_ERRORS, signal });
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
