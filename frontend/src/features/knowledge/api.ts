import { api } from '../../lib/api';
import { TASK_ERRORS, taskPath } from '../../lib/task/api';
import type { TaskDetail } from '../../types/api';

/** A document in a list: everything but its body (GET /api/knowledge/documents). */
export interface KnowledgeDocumentSummary {
  reference: string;
  collection: string;
  title: string;
  owner: string;
  ownerGroup: string;
  lastReviewed: string;
  lastReviewedBy: string | null;
  reviewIntervalDays: number;
  /** the day after which the document is stale */
  reviewDue: string;
  stale: boolean;
  version: number;
  updatedAt: string;
  /** retired by its owner: kept for the drafts that cite it, no longer retrieved nor reviewed */
  retired: boolean;
  retiredAt: string | null;
  retiredBy: string | null;
}

export interface KnowledgePassage {
  id: number;
  documentId: number;
  ordinal: number;
  heading: string | null;
  text: string;
}

export type ReviewDecisionKind = 'CONFIRM' | 'UPDATE' | 'RETIRE';

/** A completed review: the owner's decision and comment. */
export interface KnowledgeReviewRecord {
  decision: ReviewDecisionKind;
  comment: string | null;
  decidedBy: string;
  decidedAt: string;
  documentVersion: number;
}

/** GET /api/knowledge/documents/{reference}. */
export interface KnowledgeDocumentDetail {
  document: KnowledgeDocumentSummary;
  body: string;
  passages: KnowledgePassage[];
  reviews: KnowledgeReviewRecord[];
}

/** POST/PUT a document: its body is Markdown, whose headings cut the passages. */
export interface DocumentInput {
  reference: string;
  collection: string;
  title: string;
  body: string;
  owner: string;
  ownerGroup: string;
  /** empty: saving counts as the document's review today */
  lastReviewed: string | null;
  reviewIntervalDays: number | null;
}

/** A stale document the person answers for, with the review open for it (none before the daily run). */
export interface StaleDocument {
  document: KnowledgeDocumentSummary;
  reviewTaskId: string | null;
}

/** GET /api/knowledge/reviews/{taskId}: the document a review is about. */
export interface ReviewTask {
  taskId: string;
  reference: string;
  title: string;
  collection: string;
  lastReviewed: string;
  reviewDue: string;
  owner: string;
  assignee: string | null;
  createdAt: string;
}

export interface ReviewDecision {
  decision: ReviewDecisionKind;
  comment: string | null;
  title: string | null;
  body: string | null;
}

/** POST /api/knowledge/extract: the text read from a PDF or DOCX (nothing is stored). */
export interface ExtractedDocument {
  fileName: string;
  format: 'PDF' | 'DOCX';
  pages: number | null;
  title: string | null;
  body: string;
  characters: number;
  passages: number;
}

/** A passage the search found, as the AI step would get it. */
export interface RetrievedPassage {
  passageId: number;
  reference: string;
  title: string;
  collection: string;
  documentVersion: number;
  ordinal: number;
  heading: string | null;
  text: string;
  score: number;
  textScore: number;
  similarity: number | null;
  stale: boolean;
  lastReviewed: string;
}

export interface SearchResult {
  query: string;
  passages: RetrievedPassage[];
}

const DOCUMENTS = '/api/knowledge/documents';

function documentPath(reference: string): string {
  return `${DOCUMENTS}/${encodeURIComponent(reference)}`;
}

export const knowledgeApi = {
  documents: (q: string, signal?: AbortSignal) =>
    api.get<KnowledgeDocumentSummary[]>(q ? `${DOCUMENTS}?q=${encodeURIComponent(q)}` : DOCUMENTS, { signal }),
  document: (reference: string, signal?: AbortSignal) => api.get<KnowledgeDocumentDetail>(documentPath(reference), { signal }),
  create: (input: DocumentInput) => api.post<KnowledgeDocumentDetail>(DOCUMENTS, input),
  update: (reference: string, input: DocumentInput) => api.put<KnowledgeDocumentDetail>(documentPath(reference), input),
  extract: (file: File) => api.upload<ExtractedDocument>('/api/knowledge/extract', file, file.name),
  search: (q: string, collection: string, k: number, signal?: AbortSignal) =>
    api.get<SearchResult>(
      `/api/knowledge/search?q=${encodeURIComponent(q)}&k=${k}${collection ? `&collection=${encodeURIComponent(collection)}` : ''}`,
      { signal },
    ),
  stale: (signal?: AbortSignal) => api.get<StaleDocument[]>('/api/knowledge/stale', { signal }),
  review: (taskId: string, signal?: AbortSignal) =>
    api.get<ReviewTask>(`/api/knowledge/reviews/${encodeURIComponent(taskId)}`, { ...TASK_ERRORS, signal }),
  completeReview: (taskId: string, decision: ReviewDecision) =>
    api.post<void>(`/api/knowledge/reviews/${encodeURIComponent(taskId)}/complete`, decision, TASK_ERRORS),
  /** The review's task, for owners who open it from the knowledge base rather than the task list. */
  task: (taskId: string, signal?: AbortSignal) => api.get<TaskDetail>(taskPath(taskId), { ...TASK_ERRORS, signal }),
};
