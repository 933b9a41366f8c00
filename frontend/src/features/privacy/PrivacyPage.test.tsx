import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockServer } from '../../test/mockServer';
import { renderApp } from '../../test/render';
import type { User } from '../../types/api';
import type { Erasure, ErasureList } from './api';

const dora: User = { username: 'dora', displayName: 'Dora Protection', roles: ['DPO'], groups: ['dpo'] };

const kept = [
  { whatFr: "Le journal d'audit sans le texte.", whatEn: 'The audit trail without the text.', ground: 'AI Act art. 12' },
  { whatFr: "La trace de l'effacement.", whatEn: 'The record of the erasure.', ground: 'RGPD art. 5(2)' },
];

const retention: Erasure = {
  id: 3,
  kind: 'RETENTION',
  memberId: null,
  reason: 'Durée de conservation échue',
  requestedBy: 'system',
  erasedAt: '2026-12-01T02:30:00Z',
  caseIds: [11, 12],
  counts: { content: 14, 'audit trail': 9 },
};

const list: ErasureList = { erasures: [retention], keptByLaw: kept };

describe('data protection page', () => {
  it('shows what an erasure touches, erases with a reason, lists it and verifies the audit', async () => {
    const done: Erasure = { ...retention, id: 4, kind: 'REQUEST', memberId: 'M-1001', reason: 'Demande du 2 mars, réf. DPO-14', requestedBy: 'dora', caseIds: [21, 22, 23] };
    let erased = false;
    const server = mockServer({
      'GET /api/me': json(dora),
      'GET /api/privacy/erasures': () => json(erased ? { ...list, erasures: [done, retention] } : list),
      'GET /api/privacy/erasures/preview': json({ memberId: 'M-1001', cases: 3, openCases: 1, kept }),
      'POST /api/privacy/erasures': () => {
        erased = true;
        return json(done, 201);
      },
      'GET /api/audit/verify': json({ cases: 40, entries: 310, erasedEntries: 27, broken: [] }),
    });
    renderApp('/privacy');

    expect(await screen.findByRole('heading', { level: 1, name: 'Protection des données' })).toBeInTheDocument();
    expect(await screen.findByText("Le journal d'audit sans le texte.")).toBeInTheDocument();
    const history = screen.getByRole('table');
    expect(within(history).getAllByRole('row')[1]).toHaveTextContent('Durée de conservation échue');

    await userEvent.type(screen.getByLabelText('Numéro du sociétaire'), 'M-1001');
    await userEvent.click(screen.getByRole('button', { name: 'Voir ce qui sera effacé' }));
    expect(await screen.findByText(/3 dossier\(s\) du sociétaire M-1001, dont 1 encore ouvert/)).toBeInTheDocument();
    expect(server.callsTo('GET', '/api/privacy/erasures/preview')[0].url).toContain('memberId=M-1001');

    await userEvent.type(screen.getByLabelText("Motif de l'effacement"), 'Demande du 2 mars, réf. DPO-14');
    await userEvent.click(screen.getByRole('button', { name: 'Effacer définitivement' }));
    expect(await screen.findByText(/Effacement n° 4 fait : 3 dossier\(s\)/)).toBeInTheDocument();
    expect(JSON.parse(server.callsTo('POST', '/api/privacy/erasures')[0].body ?? '{}')).toEqual({
      memberId: 'M-1001',
      reason: 'Demande du 2 mars, réf. DPO-14',
    });
    expect(await screen.findByText('Demande du 2 mars, réf. DPO-14')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Vérifier toutes les chaînes' }));
    expect(await screen.findByTestId('audit-summary')).toHaveTextContent('40 chaîne(s), 310 entrée(s) vérifiées, dont 27 au contenu personnel effacé.');
  });

  it('shows the refusal of a reason that holds personal data next to the field, and a broken chain as an alert', async () => {
    mockServer({
      'GET /api/me': json(dora),
      'GET /api/privacy/erasures': json(list),
      'GET /api/privacy/erasures/preview': json({ memberId: 'M-1001', cases: 1, openCases: 0, kept }),
      'POST /api/privacy/erasures': json(
        { status: 400, message: 'Requête invalide', fieldErrors: { reason: 'Le motif est conservé : n’y mettez aucune donnée personnelle.' } },
        400,
      ),
      'GET /api/audit/verify': json({ cases: 2, entries: 9, erasedEntries: 0, broken: [{ caseId: 7, entries: 4, valid: false, firstBrokenSeq: 2, erasedEntries: 0 }] }),
    });
    renderApp('/privacy');
    await userEvent.type(await screen.findByLabelText('Numéro du sociétaire'), 'M-1001');
    await userEvent.click(screen.getByRole('button', { name: 'Voir ce qui sera effacé' }));
    await userEvent.type(await screen.findByLabelText("Motif de l'effacement"), 'Demande de Camille Martin');
    await userEvent.click(screen.getByRole('button', { name: 'Effacer définitivement' }));
    expect(await screen.findByText(/n’y mettez aucune donnée personnelle/)).toBeInTheDocument();
    expect(screen.getByLabelText("Motif de l'effacement")).toHaveAttribute('aria-invalid', 'true');

    await userEvent.click(screen.getByRole('button', { name: 'Vérifier toutes les chaînes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('1 chaîne(s) rompue(s) : dossier(s) 7.');
  });

  it('is in the navigation of the data protection officer only', async () => {
    mockServer({ 'GET /api/me': json(dora), 'GET /api/privacy/erasures': json(list) });
    renderApp('/privacy');
    expect(await screen.findByRole('link', { name: 'Protection des données' })).toBeInTheDocument();
  });
});
