import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { alice, bob, caseView, json, mockServer } from '../../test/mockServer';
import { renderApp } from '../../test/render';
import type { CaseStatus } from '../../types/api';
import type { AuditEvent, CaseAudit } from '../../types/api';
import { I18nProvider } from '../../lib/i18n';
import { StatusBadge } from './components/StatusBadge';

function event(seq: number, actor: string, type: string, details: Record<string, unknown> | string): AuditEvent {
  return {
    id: 100 + seq,
    caseId: 12,
    seq,
    occurredAt: `2026-11-22T10:0${seq}:00Z`,
    actor,
    type,
    details: typeof details === 'string' ? details : JSON.stringify(details),
    prevHash: `h${seq - 1}`,
    hash: `h${seq}`,
    personal: null,
    erasedAt: null,
  };
}

const events: AuditEvent[] = [
  event(1, 'alice', 'REQUESTED', { subject: 'Retard de remboursement', memberId: 'M-1001' }),
  event(2, 'ai:offline-drafter', 'DRAFTED', { model: 'offline-drafter', text: 'x'.repeat(400) }),
  event(3, 'bob', 'REVIEW_DECISION', { decision: 'EDIT', instruction: null }),
  event(4, 'system', 'DISCLOSED', {}),
];

function audit(valid: boolean, firstBrokenSeq: number | null = null): CaseAudit {
  return { verification: { caseId: 12, entries: events.length, valid, firstBrokenSeq, erasedEntries: 0 }, events };
}

describe('case page', () => {
  it('marks a model draft with the model name', async () => {
    mockServer({
      'GET /api/me': json(alice),
      'GET /api/cases/12': json(
        caseView({ draft: { text: 'Bonjour', producer: 'MODEL', model: 'mistral-small', producerLabel: null, promptVersion: 'reply-letter@1', createdAt: '2026-11-22T10:00:05Z', sources: [], flags: [] } }),
      ),
    });
    renderApp('/cases/12');
    expect(await screen.findByTestId('ai-marker')).toHaveTextContent("Brouillon produit par l'IA (mistral-small)");
    expect(screen.getByText('En relecture par un expert')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Retard de remboursement' })).toBeInTheDocument();
  });

  it('says so when a disclosed letter carries no label', async () => {
    mockServer({
      'GET /api/me': json(alice),
      'GET /api/cases/12': json(
        caseView({
          status: 'DISCLOSED',
          finalText: 'Texte réécrit.',
          disclosedText: 'Texte réécrit.',
          approvedBy: 'bob',
          approvedAt: '2026-11-22T10:05:00Z',
          aiShare: 0.1,
          disclosure: {
            category: 'HUMAN_WITH_AI', label: null, citeSources: false, marker: null, disclosedAt: '2026-11-22T10:05:01Z',
            channel: 'courrier', digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia',
            contentSha256: 'ab'.repeat(32), provenance: 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln',
          },
        }),
      ),
    });
    renderApp('/cases/12');
    expect(await screen.findByTestId('disclosure-label')).toHaveTextContent('Aucune mention (rédigé par un collaborateur)');
    expect(screen.getByTestId('disclosed-text')).toHaveTextContent('Texte réécrit.');
    expect(screen.getByText("Rédigé par un collaborateur avec des suggestions de l'IA")).toBeInTheDocument();
  });

  it('shows a letter waiting « à envoyer » with its incident, then sent with its PDF and signed record', async () => {
    const disclosure = {
      category: 'HUMAN' as const, label: null, citeSources: false, marker: null, disclosedAt: '2026-11-22T10:05:01Z',
      channel: 'courrier', digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCreation',
      contentSha256: 'ab'.repeat(32), provenance: 'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJUIn0.c2lnbmF0dXJl',
    };
    const delivery = {
      channel: 'courrier', status: 'TO_SEND' as const, recipient: 'MEMBER' as const, attempts: 3,
      lastError: 'Envoi impossible par smtp://127.0.0.1:2525 : Connection refused', lastAttemptAt: '2026-11-22T10:06:00Z',
      sentAt: null, messageId: '<a@b>', document: true, incident: true,
    };
    mockServer({
      'GET /api/me': json(alice),
      'GET /api/cases/12': json(caseView({ status: 'TO_SEND', finalText: 'Texte.', disclosedText: 'Texte.', aiShare: 0, disclosure, delivery })),
      'GET /api/cases/12/audit': json(audit(true)),
    });
    renderApp('/cases/12');
    expect(await screen.findByRole('heading', { name: 'Contenu approuvé, à envoyer' })).toBeInTheDocument();
    const panel = screen.getByTestId('delivery');
    expect(panel).toHaveTextContent("n'a pas encore accepté ce contenu (3 tentative(s))");
    expect(panel).toHaveTextContent('un incident est ouvert dans Cockpit');
    expect(panel).toHaveTextContent('Connection refused');
    expect(within(panel).getByRole('link', { name: 'Télécharger le courrier envoyé (PDF)' })).toHaveAttribute('href', '/api/cases/12/document');
    expect(screen.getByTestId('source-type')).toHaveTextContent("Écrit par un collaborateur, sans IA générative");
    expect(screen.getByText("Rédigé par un collaborateur, sans texte d'un modèle d'IA")).toBeInTheDocument();
    expect(screen.getByTestId('provenance-record')).toHaveTextContent(disclosure.provenance);
  });

  it('shows a French message when the case cannot be read', async () => {
    mockServer({ 'GET /api/me': json(alice), 'GET /api/cases/99': json({ status: 404, error: 'Not Found' }, 404) });
    renderApp('/cases/99');
    expect(await screen.findByRole('alert')).toHaveTextContent("Cette ressource n'existe pas ou plus.");
  });

  it('shows the server-side labels in English when English is chosen', async () => {
    window.localStorage.setItem('tandem.lang', 'en');
    mockServer({ 'GET /api/me': json(alice), 'GET /api/cases/12': json(caseView()) });
    renderApp('/cases/12');
    expect(await screen.findByTestId('ai-marker')).toHaveTextContent('offline draft — no AI model');
    expect(screen.getByText('In expert review')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toHaveTextContent('My requests');
  });

  it('shows the audit trail with who did what, and a verified chain', async () => {
    const user = userEvent.setup();
    mockServer({ 'GET /api/me': json(bob), 'GET /api/cases/12': json(caseView()), 'GET /api/cases/12/audit': json(audit(true)) });
    renderApp('/cases/12');
    const section = await screen.findByRole('region', { name: 'Historique du dossier' });
    expect(await within(section).findByText("Chaîne d'audit vérifiée")).toBeInTheDocument();
    expect(within(section).queryByRole('alert')).not.toBeInTheDocument();
    const items = within(section).getAllByRole('listitem');
    expect(items).toHaveLength(4);
    expect(items[0]).toHaveTextContent('Demande déposée — par alice');
    expect(items[1]).toHaveTextContent('Brouillon produit — par IA (offline-drafter)');
    expect(items[2]).toHaveTextContent('Décision de relecture — par bob');
    expect(items[3]).toHaveTextContent('Communiqué : texte, mention et relevé de provenance signé — par Système');
    expect(items[0].querySelector('time')).toHaveAttribute('datetime', '2026-11-22T10:01:00Z');
    // empty details: nothing to unfold
    expect(within(items[3]).queryByText('Détails')).not.toBeInTheDocument();

    await user.click(within(items[1]).getByText('Détails'));
    const details = items[1].querySelector('details')!;
    expect(details.open).toBe(true);
    const text = within(details).getByText(/^x+…$/);
    expect(text.textContent).toHaveLength(301);
    expect(within(items[0]).getByText('subject').nextElementSibling).toHaveTextContent('Retard de remboursement');
    expect(within(items[2]).getByText('instruction').nextElementSibling).toHaveTextContent('—');
  });

  it('raises an alert when the audit chain is broken', async () => {
    mockServer({ 'GET /api/me': json(bob), 'GET /api/cases/12': json(caseView()), 'GET /api/cases/12/audit': json(audit(false, 3)) });
    renderApp('/cases/12');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Chaîne d'audit rompue à l'entrée 3");
    expect(screen.queryByText("Chaîne d'audit vérifiée")).not.toBeInTheDocument();
    const items = screen.getAllByTestId('audit-event');
    expect(items[2]).toHaveTextContent('Lien rompu');
    expect(items[1]).not.toHaveTextContent('Lien rompu');
  });

  it('keeps the case readable when the audit trail cannot be read', async () => {
    mockServer({
      'GET /api/me': json(bob),
      'GET /api/cases/12': json(caseView()),
      'GET /api/cases/12/audit': json({ status: 500, message: 'Erreur interne.' }, 500),
    });
    renderApp('/cases/12');
    const section = await screen.findByRole('region', { name: 'Historique du dossier' });
    expect(await within(section).findByRole('alert')).toHaveTextContent('Erreur interne.');
    expect(within(section).getByRole('button', { name: 'Réessayer' })).toBeInTheDocument();
    expect(screen.getByTestId('ai-marker')).toBeInTheDocument();
  });

  it('explains the new statuses and shows the rejection reason', async () => {
    mockServer({
      'GET /api/me': json(alice),
      'GET /api/cases/12': json(
        caseView({
          status: 'REJECTED',
          decisions: [{ taskKey: 'review', decision: 'REJECT', by: 'bob', at: '2026-11-22T10:02:00Z', instruction: null, reason: 'Demande hors périmètre.' }],
        }),
      ),
      'GET /api/cases/12/audit': json(audit(true)),
    });
    renderApp('/cases/12');
    expect(await screen.findByText('Rejetée')).toBeInTheDocument();
    expect(screen.getByText('Motif : Demande hors périmètre.')).toBeInTheDocument();
  });

  it('shows the text being edited and its versions while awaiting approval', async () => {
    mockServer({
      'GET /api/me': json(alice),
      'GET /api/cases/12': json(
        caseView({
          status: 'AWAITING_APPROVAL',
          currentText: 'Texte corrigé par bob.',
          versions: [{ version: 1, kind: 'EDIT', author: 'bob', createdAt: '2026-11-22T10:02:00Z', aiShare: 0.8 }],
        }),
      ),
      'GET /api/cases/12/audit': json(audit(true)),
    });
    renderApp('/cases/12');
    expect(await screen.findByText("En attente d'approbation")).toBeInTheDocument();
    expect(screen.getByTestId('current-text')).toHaveTextContent('Texte corrigé par bob.');
    expect(within(screen.getByTestId('versions')).getByRole('cell', { name: 'bob' })).toBeInTheDocument();
  });
});

describe('status labels', () => {
  const cases: [CaseStatus, string, string][] = [
    ['DRAFTING', 'Brouillon en préparation', 'Draft in progress'],
    ['HAND_DRAFTING', 'Rédaction manuelle', 'Written by hand'],
    ['IN_REVIEW', 'En relecture par un expert', 'In expert review'],
    ['EDITING', 'En modification', 'Being edited'],
    ['AWAITING_APPROVAL', "En attente d'approbation", 'Awaiting approval'],
    ['APPROVED', 'Approuvé — envoi en cours', 'Approved — being sent'],
    ['TO_SEND', 'À envoyer', 'To send'],
    ['DISCLOSED', 'Envoyé au sociétaire', 'Sent to the member'],
    ['REJECTED', 'Rejetée', 'Rejected'],
  ];
  it.each(cases)('labels %s in French and English', (status, fr, en) => {
    const { unmount } = render(
      <I18nProvider initial="fr">
        <StatusBadge status={status} />
      </I18nProvider>,
    );
    expect(screen.getByText(fr)).toHaveClass(`status-${status.toLowerCase().replace(/_/g, '-')}`);
    unmount();
    render(
      <I18nProvider initial="en">
        <StatusBadge status={status} />
      </I18nProvider>,
    );
    expect(screen.getByText(en)).toBeInTheDocument();
  });
});
