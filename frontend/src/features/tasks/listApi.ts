import { api, type RequestOptions } from '../../lib/api';
import type { TaskSummary } from '../../types/api';

export type Scope = 'mine' | 'groups' | 'all';
export type ListStatus = 'open' | 'overdue' | 'follow_up' | 'done';
export type SortKey = 'created' | 'due' | 'priority' | 'subject' | 'member' | 'name';
export type SuspendedChoice = 'include' | 'exclude' | 'only';

/** The task list's filters, as GET /api/tasks takes them and as a saved filter keeps them. */
export interface TaskCriteria {
  scope?: Scope | null;
  status?: ListStatus | null;
  useCase?: string | null;
  member?: string | null;
  dueAfter?: string | null;
  dueBefore?: string | null;
  minPriority?: number | null;
  text?: string | null;
  sort?: SortKey | null;
  order?: 'asc' | 'desc' | null;
  /** Tasks of suspended process instances: with them (default), without, or only them. */
  suspended?: SuspendedChoice | null;
}

/** One line of GET /api/tasks (served by the read model). */
export interface TaskListItem extends TaskSummary {
  processKey: string | null;
  memberId: string | null;
  candidateGroups: string[];
  dueAt: string | null;
  followUpAt: string | null;
  priority: number;
  status: 'OPEN' | 'COMPLETED' | 'DELETED';
  endedAt: string | null;
  /** Its process instance is suspended (Cockpit): listed, but no action is possible. */
  suspended: boolean;
}

export interface TaskCounts {
  mine: number;
  groups: number;
  all: number;
  overdue: number;
  byUseCase: Record<string, number>;
}

export interface TaskListPage {
  items: TaskListItem[];
  /** Null when asked without it (total=false): the counts' answer brings it. */
  total: number | null;
  page: number;
  size: number;
  counts: TaskCounts | null;
}

export interface SavedFilter {
  id: number;
  name: string;
  groupId: string;
  owner: string;
  criteria: TaskCriteria;
  createdAt: string;
  mine: boolean;
  /** How many tasks it selects for me now (asked with counts=true). */
  count?: number | null;
}

export interface Person {
  username: string;
  displayName: string;
}

export const PAGE_SIZE = 50;

// Claim and hand-over refusals explain a rule (another group, someone was quicker): show them.
const ACTION_ERRORS: RequestOptions = {
  serverMessageOn403: true,
  defaultMessages: { 404: 'task.notFound', 409: 'task.conflict' },
};

/** The query string of the criteria: only the filters that are set, upper-case enums as the API reads them. */
export function toQuery(criteria: TaskCriteria, page = 0): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(criteria)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  if (page > 0) params.set('page', String(page));
  params.set('size', String(PAGE_SIZE));
  return params.toString();
}

/**
 * One page of the list, neither counted nor with the counts: with 100,000 open tasks, counting them
 * takes ten times longer than the page (P4, issue 18), so the rows come first and fetchTaskCounts
 * brings the total and the counts beside them.
 */
export function fetchTaskList(criteria: TaskCriteria, page: number, signal?: AbortSignal): Promise<TaskListPage> {
  return api.get<TaskListPage>(`/api/tasks?${toQuery(criteria, page)}&counts=false&total=false`, { signal });
}

/** The total and the counts (scopes, overdue, per use case) of the criteria, with a page of one task. */
export function fetchTaskCounts(criteria: TaskCriteria, signal?: AbortSignal): Promise<Pick<TaskListPage, 'total' | 'counts'>> {
  const params = new URLSearchParams(toQuery(criteria));
  params.set('size', '1');
  return api.get<TaskListPage>(`/api/tasks?${params.toString()}`, { signal });
}

function taskPath(id: string): string {
  return `/api/tasks/${encodeURIComponent(id)}`;
}

export function claimTask(id: string): Promise<TaskListItem> {
  return api.post<TaskListItem>(`${taskPath(id)}/claim`, {}, ACTION_ERRORS);
}

export function unclaimTask(id: string): Promise<TaskListItem> {
  return api.post<TaskListItem>(`${taskPath(id)}/unclaim`, {}, ACTION_ERRORS);
}

export function handOverTask(id: string, username: string): Promise<TaskListItem> {
  return api.post<TaskListItem>(`${taskPath(id)}/hand-over`, { username }, ACTION_ERRORS);
}

export function fetchCandidates(id: string): Promise<Person[]> {
  return api.get<Person[]>(`${taskPath(id)}/candidates`, ACTION_ERRORS);
}

export function setTaskDates(id: string, due: string | null, followUp: string | null): Promise<TaskListItem> {
  return api.put<TaskListItem>(`${taskPath(id)}/dates`, { due, followUp }, ACTION_ERRORS);
}

export function fetchSavedFilters(signal?: AbortSignal): Promise<SavedFilter[]> {
  return api.get<SavedFilter[]>('/api/task-filters?counts=true', { signal });
}

export function saveFilter(name: string, groupId: string, criteria: TaskCriteria): Promise<SavedFilter> {
  return api.post<SavedFilter>('/api/task-filters', { name, groupId, criteria });
}

export function deleteFilter(id: number): Promise<void> {
  return api.delete<void>(`/api/task-filters/${id}`);
}
