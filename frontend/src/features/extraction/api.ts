import { api, type RequestOptions } from '../../lib/api';

export type FieldStatus = 'PENDING' | 'VERIFIED' | 'CORRECTED' | 'ABSENT';

/** One extracted field, beside the passage of the document it came from. */
export interface ExtractedField {
  name: string;
  label: string;
  type: 'string' | 'date' | 'number' | 'integer';
  optional: boolean;
  aiValue: string | null;
  value: string | null;
  status: FieldStatus;
  /** Offsets in the document (the case's message); null: « source introuvable ». */
  sourceStart: number | null;
  sourceEnd: number | null;
  sourceText: string | null;
  verifiedBy: string | null;
  verifiedAt: string | null;
}

export interface ExtractedFields {
  caseId: number;
  producerLabel: string;
  decided: number;
  total: number;
  fields: ExtractedField[];
}

/** What a person decides on one field. */
export interface FieldDecision {
  value: string | null;
  status: FieldStatus;
}

const ERRORS: RequestOptions = {
  serverMessageOn403: true,
  defaultMessages: { 404: 'task.notFound', 409: 'task.conflict' },
};

function fieldsPath(taskId: string): string {
  return `/api/tasks/${encodeURIComponent(taskId)}/fields`;
}

export function fetchFields(taskId: string, signal?: AbortSignal): Promise<ExtractedFields> {
  return api.get<ExtractedFields>(fieldsPath(taskId), { ...ERRORS, signal });
}

export function decideField(taskId: string, name: string, value: string | null, status: FieldStatus): Promise<ExtractedField> {
  const decision: FieldDecision = { value, status };
  return api.post<ExtractedField>(`${fieldsPath(taskId)}/${encodeURIComponent(name)}`, decision, ERRORS);
}
