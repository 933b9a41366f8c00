import { api } from '../../lib/api';

/** GET /api/admin/members/directory: which directory serves (never its secrets). */
export interface DirectoryStatus {
  kind: 'DATABASE' | 'HTTP';
  /** the member system's address (HTTP directory only) */
  baseUrl: string | null;
  /** NONE, BEARER or BASIC (HTTP directory only) */
  authentication: string | null;
  timeoutMs: number | null;
  /** members in Tandem's table: the directory itself, or the copies cases keep */
  storedMembers: number;
  importAllowed: boolean;
  csvColumns: string[];
}

export interface DirectoryCheck {
  reachable: boolean;
  message: string;
  elapsedMs: number;
}

export interface MemberImportResult {
  imported: number;
  created: number;
  updated: number;
}

/** GET /api/members: what the request form's picker shows of a member. */
export interface MemberSummary {
  id: string;
  displayName: string;
  city: string | null;
}

export const membersApi = {
  status: (signal?: AbortSignal) => api.get<DirectoryStatus>('/api/admin/members/directory', { signal }),
  check: () => api.post<DirectoryCheck>('/api/admin/members/directory/check'),
  importCsv: (file: File) => api.upload<MemberImportResult>('/api/admin/members/import', file, file.name),
  search: (q: string, signal?: AbortSignal) =>
    api.get<MemberSummary[]>(`/api/members?q=${encodeURIComponent(q)}`, { signal }),
};
