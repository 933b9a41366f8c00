import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { alice, json, mockServer } from '../../../test/mockServer';
import { renderApp } from '../../../test/render';
import type { MyIdea } from '../api';
import { fill } from '../../../test/fill';

const rejected: MyIdea = {
  id: 4, title: 'Chatbot pour les collègues', stage: 'REJECTED', rejectionReason: "L'assistant AMI répond déjà à ce besoin.",
  mergedInto: null, createdAt: '2026-11-20T09:00:00Z', updatedAt: '2026-11-20T10:00:00Z',
};
const directorates = [{ code: 'reseau', name: 'Direction du Réseau', wValue: 30, wCost: 15, wFeasibility: 20, wEnvironment: 20, wRisk: 15 }];

describe('idea box', () => {
  it('shows the submitter the status of their ideas and why one was set aside', async () => {
    mockServer({ 'GET /api/me': json(alice), 'GET /api/ideas/mine': json([rejected]), 'GET /api/portfolio/directorates': json(directorates) });
    renderApp('/ideas');
    const row = (await screen.findByText(/Chatbot pour les collègues/)).closest('tr');
    expect(row).toHaveAttribute('data-stage', 'REJECTED');
    expect(row).toHaveTextContent('Écartée');
    expect(row).toHaveTextContent("L'assistant AMI répond déjà à ce besoin.");
    expect(screen.getByRole('link', { name: 'Boîte à idées' })).toHaveAttribute('aria-current', 'page');
  }, 20000);

  it('submits the need with all its fields and lists it', async () => {
    const created: MyIdea = { ...rejected, id: 7, title: 'Compte-rendu assisté', stage: 'TRIAGE', rejectionReason: null };
    let mine: MyIdea[] = [];
    const server = mockServer({
      'GET /api/me': json(alice),
      'GET /api/ideas/mine': () => json(mine),
      'GET /api/portfolio/directorates': json(directorates),
      'POST /api/ideas': () => {
        mine = [created];
        return json(created, 201);
      },
    });
    renderApp('/ideas');
    const user = userEvent.setup();
    await fill(user, await screen.findByLabelText('Titre'), 'Compte-rendu assisté');
    await fill(user, screen.getByLabelText('Le problème à résoudre'), 'Vingt minutes par compte-rendu.');
    await fill(user, screen.getByLabelText("L'équipe concernée"), 'Agence de Niort');
    await fill(user, screen.getByLabelText('À quelle fréquence ?'), '10 par jour');
    await fill(user, screen.getByLabelText("Temps passé aujourd'hui"), '20 minutes');
    await fill(user, screen.getByLabelText('Données concernées'), "notes d'entretien");
    await user.selectOptions(screen.getByLabelText('Direction'), 'reseau');
    await user.click(screen.getByRole('button', { name: "Déposer l'idée" }));
    expect(await screen.findByText(/Votre idée n° 7 est déposée/)).toBeInTheDocument();
    expect(JSON.parse(server.callsTo('POST', '/api/ideas')[0].body ?? '{}')).toEqual({
      title: 'Compte-rendu assisté', problem: 'Vingt minutes par compte-rendu.', team: 'Agence de Niort', frequency: '10 par jour',
      timeSpent: '20 minutes', dataInvolved: "notes d'entretien", directorateCode: 'reseau',
    });
    expect((await screen.findByText(/Compte-rendu assisté/, { selector: 'th' })).closest('tr')).toHaveTextContent('En attente de tri');
  }, 20000);

  it('shows the French message of a refused field next to it', async () => {
    mockServer({
      'GET /api/me': json(alice), 'GET /api/ideas/mine': json([]), 'GET /api/portfolio/directorates': json(directorates),
      'POST /api/ideas': json({ status: 400, message: 'Requête invalide', fieldErrors: { title: 'Donnez un titre à votre idée.' } }, 400),
    });
    renderApp('/ideas');
    await userEvent.setup().click(await screen.findByRole('button', { name: "Déposer l'idée" }));
    expect(await screen.findByText('Donnez un titre à votre idée.')).toBeInTheDocument();
    expect(screen.getByLabelText('Titre')).toHaveAttribute('aria-invalid', 'true');
  }, 20000);
});
