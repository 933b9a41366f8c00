import { api } from '../../lib/api';
import { TASK_ERRORS, taskPath } from '../../lib/task/api';

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
