import { api } from '../../lib/api';
import type { CaseView } from '../../types/api';

export interface TaskSummary {
  id: string;
  name: string;
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

export type Decision = 'APPROVE';

export function fetchTasks(signal?: AbortSignal): Promise<TaskSummary[]> {
  return api.get<TaskSummary[]>('/api/tasks', { signal });
}

export function fetchTask(id: string, signal?: AbortSignal): Promise<TaskDetail> {
  return api.get<TaskDetail>(`/api/tasks/${encodeURIComponent(id)}`, { signal });
}

export function completeTask(id: string, decision: Decision, text: string): Promise<CaseView> {
  return api.post<CaseView>(`/api/tasks/${encodeURIComponent(id)}/complete`, { decision, text });
}
