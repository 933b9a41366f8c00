/** Models shared by several features, as the backend sends them. */

export type Role = 'ADVISER' | 'EXPERT' | 'MANAGER' | 'DIRECTORATE' | 'ETHICS' | 'AI_REFERENT' | 'SERVICE' | 'ADMIN'
  // the data protection officer (issue 16)
  | 'DPO';

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
  | 'TO_SEND'
  | 'DISCLOSED'
  | 'POST_REVIEW'
  | 'REJECTED'
  | 'VERIFYING'
  | 'RECORDED'
  | 'ANSWERED'
  // withdrawn while open: the member's data were erased on request (issue 16)
  | 'WITHDRAWN';

export type Producer = 'OFFLINE' | 'MODEL' | 'HUMAN';

export interface Draft {
  text: string;
  producer: Producer;
  model: string | null;
  producerLabel: string | null;
  promptVersion: string | null;
  createdAt: string;
  /** the knowledge passages the AI step was given, as the draft cites them ([S1]…) */
  sources: DraftSource[];
  /** what the guardrails found: blocking (fix before approval), warning, info (injection attempts) */
  flags: DraftFlag[];
}

export interface DraftSource {
  id: string;
  reference: string;
  title: string;
  heading: string | null;
  citation: string;
  excerpt: string;
  /** the document is past its review date */
  stale: boolean;
  lastReviewed: string | null;
}

export interface DraftFlag {
  code: string;
  severity: 'blocking' | 'warning' | 'info';
  message: string;
}

export type DisclosureCategory = 'AI_ONLY' | 'AI_VALIDATED' | 'HUMAN_WITH_AI' | 'HUMAN';

export interface Disclosure {
  category: DisclosureCategory;
  label: string | null;
  citeSources: boolean;
  marker: string | null;
  disclosedAt: string | null;
  /** the use case's channel: courrier, courriel, espace-societaire, dossier */
  channel: string | null;
  /** the IPTC digital source type URI of the disclosed text */
  digitalSourceType: string | null;
  contentSha256: string | null;
  /** the signed provenance record (JWS compact serialisation) the member received */
  provenance: string | null;
}

/** Where the disclosed content stands on its way out. */
export interface DeliveryView {
  channel: string;
  /** TO_SEND: « à envoyer » (the mail server has not accepted it yet); SENT */
  status: 'TO_SEND' | 'SENT';
  recipient: 'MEMBER' | 'MAIL_ROOM' | 'PORTAL' | 'CASE_FILE';
  attempts: number;
  lastError: string | null;
  lastAttemptAt: string | null;
  sentAt: string | null;
  messageId: string;
  /** a PDF can be downloaded at /api/cases/{id}/document */
  document: boolean;
  /** the engine's retries are spent: an incident is open in Cockpit until the mail server answers again */
  incident: boolean;
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

export type TaskDecisionKind = 'ACCEPT' | 'EDIT' | 'REGENERATE' | 'REJECT' | 'SUBMIT' | 'APPROVE' | 'RETURN' | 'ASK_EXPERT';

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
  caseId: number;
  timeToFirstDraftMs: number | null;
  timeToApprovalMs: number | null;
  regenerations: number;
  editRatioChars: number | null;
  editRatioWords: number | null;
  aiShare: number | null;
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
  /** null for a question about the rules (AMI assistant) */
  memberId: string | null;
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
  delivery: DeliveryView | null;
  /** what the case's AI steps consumed; absent in older answers */
  footprint?: FootprintTotals | null;
  /** drawn by the server for the experiment's one-question comfort survey: ask only then */
  askComfortSurvey: boolean;
  /** « sans IA »: the adviser chose to write it by hand, and why (optional) */
  withoutAi: boolean;
  withoutAiReason: string | null;
  /** when the case is due: its use case's answer time in business days from the request; absent without one */
  dueAt?: string | null;
  /** the escalation of its overdue task to a manager (or the approver group), once per case */
  escalation?: EscalationView | null;
}

/** An overdue task escalated: REASSIGN (the task was assigned to `to`) or TASK (`to` received « Tâche en retard »). */
export interface EscalationView {
  at: string;
  task: string | null;
  mode: 'REASSIGN' | 'TASK';
  /** the manager; null when none was found and `group` (the use case's approver group) received it */
  to: string | null;
  group: string | null;
  from: string | null;
  /** why the approver group, in French */
  fallback: string | null;
  handledBy: string | null;
  handledAt: string | null;
  handledNote: string | null;
}

/** Sums over model calls; emissions in kgCO2e, usage and embodied apart, as min/max ranges. */
export interface FootprintTotals {
  calls: number;
  failedCalls: number;
  offlineCalls: number;
  callsWithoutEstimate: number;
  inputTokens: number;
  outputTokens: number;
  costEur: number;
  energyWhMin: number;
  energyWhMax: number;
  usageKgCo2eMin: number;
  usageKgCo2eMax: number;
  embodiedKgCo2eMin: number;
  embodiedKgCo2eMax: number;
}

/** A hash-chained audit trail's entry. `details` is JSON text, as hashed. */
export interface AuditEvent {
  id: number;
  caseId: number;
  seq: number;
  occurredAt: string;
  /** A username, `ai:<model>` or `system`. */
  actor: string;
  type: string;
  details: string | null;
  prevHash: string;
  hash: string;
  /** JSON text of what concerns a person (message, text, reason), hashed through its digest; null once erased. */
  personal: string | null;
  /** When the personal content was erased (retention or the member's request); null otherwise. */
  erasedAt: string | null;
}

export interface AuditVerification {
  caseId: number;
  entries: number;
  valid: boolean;
  /** The first entry whose hash or link does not verify; null when valid. */
  firstBrokenSeq: number | null;
  /** Entries whose personal content was erased: they verify all the same. */
  erasedEntries: number;
}

/** GET /api/cases/{id}/audit: the case's audit trail and whether its hash chain verifies. */
export interface CaseAudit {
  verification: AuditVerification;
  events: AuditEvent[];
}

/** GET /api/use-cases: what can be asked (a reply letter, a question about the rules…). */
export interface UseCase {
  key: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  category: string | null;
  /** false for a question about the rules (AMI assistant): no member to choose */
  memberRequired?: boolean;
  /** the structured reasons its reviewers choose from, beside the free text (quality loop) */
  reasons: ReviewReason[];
  /** an adviser may file it « sans IA » and write it by hand (issue 19, proposal 15) */
  handWritable: boolean;
}

export interface TaskSummary {
  id: string;
  name: string;
  /** Which screen works the task: the features' task screens are registered by it (lib/task/screens.tsx). */
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

/** What a person decides: the decision, and the text, instruction or reason it needs. */
export interface Completion {
  decision: TaskDecisionKind;
  text?: string;
  instruction?: string;
  reason?: string;
  /** codes of the use case's reasons, with a rejection, a regeneration, an edit or a return */
  reasons?: string[];
  /** confirms an approval the reading-speed floor questioned (the server's 409 `confirmFastApproval`) */
  confirmFastApproval?: boolean;
  /** the time the whole text and its sources were displayed, reported with an acceptance or an approval */
  displayedMs?: number;
}

/** The answer to a decision: done, and the case it worked on (null for a task without a case). */
export interface TaskCompleted {
  completed: boolean;
  caseId: number | null;
}

// --- quality loop ---------------------------------------------------------------------------------

/** One structured reason of a correction (factual error, tone…), in French and English. */
export interface ReviewReason {
  code: string;
  fr: string;
  en: string;
}
