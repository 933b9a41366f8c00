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
  | 'IN_REVIEW'
  | 'APPROVED'
  | 'DISCLOSED'
  | 'REJECTED'
  | 'HAND_DRAFTING';

export type Producer = 'OFFLINE' | 'MODEL';

export interface Draft {
  text: string;
  producer: Producer;
  model: string | null;
  producerLabel: string | null;
  createdAt: string;
}

export type DisclosureCategory = 'AI_VALIDATED' | 'AI_ONLY' | 'HUMAN_WITH_AI';

export interface Disclosure {
  category: DisclosureCategory;
  label: string | null;
  citeSources: boolean;
  marker: string | null;
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
}
