/** Models shared by several features, as the backend sends them. */

export type Role = 'ADVISER' | 'EXPERT' | 'MANAGER' | 'DIRECTORATE' | 'ETHICS' | 'AI_REFERENT' | 'ADMIN';

export interface User {
  username: string;
  displayName: string;
  roles: Role[];
  groups: string[];
}

export type CaseStatus =
  | 'DRAFTING'
  | 'HAND_DRAFTING'
  | 'IN_REVIEW'
  | 'EDITING'
  | 'AWAITING_APPROVAL'
  | 'APPROVED'
  | 'DISCLOSED'
  | 'REJECTED'
  | 'VERIFYING'
  | 'RECORDED';

export type Producer = 'OFFLINE' | 'MODEL' | 'HUMAN';

export interface Draft {
  text: string;
  producer: Producer;
  model: string | null;
  producerLabel: string | null;
  createdAt: string;
  /** The knowledge passages the AI was given, when the drafting step keeps them. */
  sources?: DraftSource[];
  /** Guardrail and injection flags raised on the draft or on the member's message. */
  flags?: DraftFlag[];
}

/** A knowledge passage a draft relies on; `stale` when its document is past its review date. */
export interface DraftSource {
  documentId: number | string;
  title: string;
  reference?: string | null;
  excerpt?: string | null;
  stale?: boolean;
}

export interface DraftFlag {
  code: string;
  /** e.g. 'INFO', 'WARNING', 'BLOCKING' (as the server says). */
  severity?: string | null;
  message: string;
}

export type DisclosureCategory = 'AI_VALIDATED' | 'AI_ONLY' | 'HUMAN_WITH_AI';

export interface Disclosure {
  category: DisclosureCategory;
  label: string | null;
  citeSources: boolean;
  marker: string | null;
}

/** A text saved by a person (edit or hand-drafting), newest last. */
export interface ContentVersion {
  version: number;
  /** 'EDIT' when an expert edited the AI's text; other kinds (e.g. 'HAND_DRAFT') are shown as sent. */
  kind: string;
  author: string;
  createdAt: string;
  /** Share of this text that comes from the AI draft (0..1); null when there was no draft. */
  aiShare: number | null;
}

export type TaskKey = 'review' | 'edit' | 'handDraft' | 'approve';

export type TaskDecisionKind = 'ACCEPT' | 'EDIT' | 'REGENERATE' | 'REJECT' | 'SUBMIT' | 'APPROVE' | 'RETURN';

/** A decision taken on one of the case's tasks, oldest first. */
export interface CaseDecision {
  taskKey: string;
  decision: TaskDecisionKind | string;
  by: string;
  at: string;
  instruction: string | null;
  reason: string | null;
}

export interface CaseMetrics {
  timeToFirstDraftMs: number | null;
  timeToApprovalMs: number | null;
  regenerations: number;
  editRatioChars: number | null;
  editRatioWords: number | null;
  acceptedWithoutEdit: boolean;
  handDrafted: boolean;
  rejected: boolean;
}

/** What the member would receive if the content were approved now. */
export interface DisclosurePreview {
  category: DisclosureCategory;
  label: string | null;
  text: string;
}

export interface CaseView {
  id: number;
  useCaseKey: string;
  useCaseName: string;
  memberId: string;
  memberName: string;
  subject: string;
  message: string;
  status: CaseStatus;
  requestedBy: string;
  createdAt: string;
  draft: Draft | null;
  finalText: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  aiShare: number | null;
  disclosure: Disclosure | null;
  disclosedText: string | null;
  /** Why the AI could not write a draft (hand-drafting). */
  failureReason?: string | null;
  /** The text that will be sent if approved: the latest saved version, else the latest draft. */
  currentText: string | null;
  versions: ContentVersion[];
  regenerations: number;
  maxRegenerations: number;
  /** Whoever edited the content may not approve it. */
  fourEyes: boolean;
  decisions: CaseDecision[];
  metrics: CaseMetrics | null;
  disclosurePreview: DisclosurePreview | null;
}
