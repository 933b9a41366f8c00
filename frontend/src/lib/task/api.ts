import { api, type RequestOptions } from '../api';
import type { Completion, TaskCompleted } from '../../types/api';

/** The longest instruction the AI accepts on a regeneration. */
export const MAX_INSTRUCTION = 2000;

// A 403 on a task explains a rule (four-eyes, another group): show the server's words
// (Spring's bare "Access Denied" is still replaced by the French message).
export const TASK_ERRORS: RequestOptions = {
  serverMessageOn403: true,
  defaultMessages: { 404: 'task.notFound', 409: 'task.conflict' },
};

export function taskPath(id: string): string {
  return `/api/tasks/${encodeURIComponent(id)}`;
}

export function completeTask(id: string, completion: Completion): Promise<TaskCompleted> {
  return api.post<TaskCompleted>(`${taskPath(id)}/complete`, completion, TASK_ERRORS);
}
