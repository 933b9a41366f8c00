import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fill } from '../../../test/fill';
import { json, mockServer } from '../../../test/mockServer';
import { renderApp } from '../../../test/render';
import type { User } from '../../../types/api';
import type { UseCaseGate, UseCaseOpening } from './api';

const admin: User = { username: 'admin', displayName: 'Admin Tandem', roles: ['ADMIN'], groups: ['camunda-admin'] };
const rachel: User = { username: 'rachel', displayName: 'Rachel Référente', roles: ['AI_REFERENT'], groups: ['ai-referents'] };

const opening: UseCaseOpening = {
  id: 4, useCaseKey: 'knowledge-answer', reason: 'Outil interne, sans donnée de sociétaire.', openedBy: 'admin',
  openedAt: '2026-12-01T09:00:00Z', closedBy: null, closedAt: null, closeReason: null,
};

const gates: UseCaseGate[] = [
  { useCaseKey: 'reply-letter', name: 'Courrier de réponse', governanceRequired: true, state: 'CLOSED', projectId: null, aiEntities: 0, opening: null },
  { useCaseKey: 'meeting-report', name: "Compte-rendu d'entretien", governanceRequired: true, state: 'GOVERNED', projectId: 7, aiEntities: 2, opening: null },
  { useCaseKey: 'knowledge-answer', name: 'Assistant AMI', governanceRequired: true, state: 'OPENED_BY_ADMIN', projectId: null, aiEntities: 0, opening },
];

describe('governance gate', () => {
  it('says why each use case serves or not, and lets an administrator open one with a reason', async () => {
    const server = mockServer({
      'GET /api/me': json(admin),
      'GET /api/governance/use-cases': json(gates),
      'GET /api/governance/openings': json([opening]),
      'POST /api/governance/openings': json({ ...opening, id: 5, useCaseKey: 'reply-letter' }, 201),
    });
    renderApp('/governance');
    const table = await screen.findByRole('table', { name: "Les cas d'usage, s'ils servent et pourquoi" });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent("Fermé : aucun projet ne l'a encore mené jusqu'à une expérimentation.");
    expect(rows[2]).toHaveTextContent('Gouverné par le projet n° 7 : IA dans 2 entité(s).');
    expect(rows[2]).toHaveTextContent('—');
    expect(rows[3]).toHaveTextContent('Ouvert partout par admin');
    expect(rows[3]).toHaveTextContent('« Outil interne, sans donnée de sociétaire. »');

    const user = userEvent.setup();
    await fill(user, screen.getByLabelText("Motif de l\u2019ouverture — Courrier de réponse"), 'Pic de courriers après la tempête.');
    await user.click(screen.getByRole('button', { name: 'Ouvrir Courrier de réponse' }));
    expect(await screen.findByRole('status')).toHaveTextContent('« Courrier de réponse » est ouvert ; le motif est publié sur la page de transparence.');
    expect(JSON.parse(server.callsTo('POST', '/api/governance/openings')[0].body ?? '{}')).toEqual({
      useCaseKey: 'reply-letter', reason: 'Pic de courriers après la tempête.',
    });
    const history = screen.getByRole('table', { name: 'Chaque ouverture sans projet et sa fermeture : qui, quand, pourquoi' });
    expect(within(history).getAllByRole('row')[1]).toHaveTextContent('toujours ouvert');
  }, 20000);

  it("shows the server's refusal of a closing without a reason", async () => {
    mockServer({
      'GET /api/me': json(admin),
      'GET /api/governance/use-cases': json(gates),
      'GET /api/governance/openings': json([opening]),
      'POST /api/governance/openings/4/close': json({ status: 400, message: 'Motivez la décision en 10 à 2 000 caractères.' }, 400),
    });
    renderApp('/governance');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Fermer Assistant AMI' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Motivez la décision en 10 à 2 000 caractères.');
  }, 20000);

  it('lets AI referents read the gate without acting on it', async () => {
    mockServer({
      'GET /api/me': json(rachel),
      'GET /api/governance/use-cases': json(gates.map((g) => ({ ...g, governanceRequired: false, state: g.state === 'CLOSED' ? 'UNGOVERNED_ALLOWED' : g.state }))),
      'GET /api/governance/openings': json([]),
    });
    renderApp('/governance');
    const table = await screen.findByRole('table', { name: "Les cas d'usage, s'ils servent et pourquoi" });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Sert partout : aucun projet, gouvernance non requise.');
    expect(screen.getByText(/Gouvernance non requise sur cette installation/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Ouvrir|Fermer/ })).not.toBeInTheDocument();
    expect(screen.getByText("Aucun cas d'usage n'a été ouvert sans projet.")).toBeInTheDocument();
  }, 20000);
});
