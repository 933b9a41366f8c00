import type { User } from '../types/api';
import type { KnowledgeDocumentDetail, KnowledgeDocumentSummary } from '../features/knowledge/api';

/** Test data of the knowledge screens (used by their Vitest tests only). */
export const rachel: User = { username: 'rachel', displayName: 'Rachel Moreau', roles: ['AI_REFERENT'], groups: ['ai-referents'] };
export const marc: User = { username: 'marc', displayName: 'Marc Dubois', roles: ['MANAGER'], groups: ['managers'] };

export function summary(overrides: Partial<KnowledgeDocumentSummary> = {}): KnowledgeDocumentSummary {
  return {
    reference: 'SIN-DDE-01',
    collection: 'sinistres',
    title: 'Dégât des eaux — démarches',
    owner: 'ines',
    ownerGroup: 'claims-experts',
    lastReviewed: '2025-10-01',
    lastReviewedBy: 'ines',
    reviewIntervalDays: 365,
    reviewDue: '2026-10-01',
    stale: true,
    version: 3,
    updatedAt: '2025-10-01T08:00:00Z',
    retired: false,
    retiredAt: null,
    retiredBy: null,
    ...overrides,
  };
}

export function detail(overrides: Partial<KnowledgeDocumentSummary> = {}): KnowledgeDocumentDetail {
  const document = summary(overrides);
  return {
    document,
    body: '## Déclarer\n\nLe sociétaire déclare le sinistre sous cinq jours.\n\n## La convention IRSI\n\nLa convention IRSI règle les dégâts entre assureurs.',
    passages: [
      { id: 1, documentId: 9, ordinal: 1, heading: 'Déclarer', text: 'Le sociétaire déclare le sinistre sous cinq jours.' },
      { id: 2, documentId: 9, ordinal: 2, heading: 'La convention IRSI', text: 'La convention IRSI règle les dégâts entre assureurs.' },
    ],
    reviews: [
      { decision: 'CONFIRM', comment: 'Barème 2025 vérifié.', decidedBy: 'ines', decidedAt: '2025-10-01T08:00:00Z', documentVersion: 3 },
    ],
  };
}
