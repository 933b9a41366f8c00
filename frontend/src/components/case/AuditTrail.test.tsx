import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../lib/i18n';
import { json, mockServer } from '../../test/mockServer';
import { AuditTrail } from './AuditTrail';

const wrap = (node: React.ReactNode) => render(<I18nProvider initial="fr">{node}</I18nProvider>);

function event(seq: number, type: string, actor: string, details: Record<string, unknown>) {
  return { id: seq, caseId: 12, seq, occurredAt: `2026-12-01T09:0${seq}:00Z`, actor, type, details: JSON.stringify(details),
    prevHash: 'a'.repeat(64), hash: 'b'.repeat(64) };
}

describe('the case history', () => {
  it('names the task list actions in French, with who and when', async () => {
    mockServer({
      'GET /api/cases/12/audit': json({
        verification: { caseId: 12, entries: 4, valid: true, firstBrokenSeq: null },
        events: [
          event(1, 'TASK_CLAIMED', 'bob', { task: "Relire le brouillon de l'IA", taskId: 't1' }),
          event(2, 'TASK_DATES_CHANGED', 'bob', { task: "Relire le brouillon de l'IA", due: '2026-12-08', followUp: null }),
          event(3, 'TASK_HANDED_OVER', 'bob', { task: "Relire le brouillon de l'IA", from: 'bob', to: 'chloe' }),
          event(4, 'TASK_UNCLAIMED', 'chloe', { task: "Relire le brouillon de l'IA" }),
        ],
      }),
    });
    wrap(<AuditTrail caseId={12} refreshKey="t1" />);
    const entries = await screen.findAllByTestId('audit-event');
    expect(entries.map((e) => within(e).getByText(/^Tâche|^Échéance/).textContent)).toEqual([
      'Tâche prise en charge',
      'Échéance ou relance modifiée',
      'Tâche confiée à une autre personne',
      'Tâche rendue au groupe',
    ]);
    expect(entries[3]).toHaveTextContent('par chloe');
    expect(within(entries[0]).getByRole('time')).toHaveAttribute('datetime', '2026-12-01T09:01:00Z');
    expect(within(entries[2]).getByText('chloe')).toBeInTheDocument();
  });

  it('shows the personal content apart, without its nonce, and says when it was erased', async () => {
    const requested = {
      ...event(1, 'REQUESTED', 'alice', { useCase: 'reply-letter' }),
      personal: JSON.stringify({ message: 'Bonjour, ma fille Inès…', nonce: 'f00d' }),
      erasedAt: null,
    };
    const erased = { ...event(2, 'DRAFTED', 'ai:offline-drafter', { model: 'offline-drafter' }), personal: null, erasedAt: '2026-12-03T02:30:00Z' };
    mockServer({
      'GET /api/cases/12/audit': json({
        verification: { caseId: 12, entries: 3, valid: true, firstBrokenSeq: null, erasedEntries: 1 },
        events: [requested, erased, { ...event(3, 'ERASED', 'dora', { erasure: 4, kind: 'REQUEST' }), personal: null, erasedAt: null }],
      }),
    });
    wrap(<AuditTrail caseId={12} refreshKey="t2" />);
    const entries = await screen.findAllByTestId('audit-event');
    expect(within(entries[0]).getByText('Bonjour, ma fille Inès…')).toBeInTheDocument();
    expect(entries[0]).not.toHaveTextContent('f00d');
    expect(within(entries[1]).getByTestId('audit-erased')).toHaveTextContent('Contenu personnel effacé le');
    expect(entries[2]).toHaveTextContent('Données personnelles effacées');
  });
});
