import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockServer } from '../../../test/mockServer';
import { renderApp } from '../../../test/render';
import type { User } from '../../../types/api';
import { fill } from '../../../test/fill';
import type { Project, RankedProject } from '../api';

const diane: User = { username: 'diane', displayName: 'Diane Direction', roles: ['DIRECTORATE'], groups: ['directorate'] };
const eric: User = { username: 'eric', displayName: 'Éric Éthique', roles: ['ETHICS'], groups: ['ethics-committee'] };

function ranked(id: number, total: number, value: number, environment: number): RankedProject {
  return {
    rank: id, projectId: id, title: `Projet ${id}`, directorateCode: 'reseau', stage: 'EXPERIMENT',
    score: {
      projectId: id, casesPerYear: 24000, minutesSavedPerCase: 10, memberBenefit: 3, buildCostEur: 30000, model: 'mistral-small',
      feasibility: 4, riskTier: 'LIMITED', runCostEurPerYear: 7.2, energyKwhMin: 1.2, energyKwhMax: 1.2, kgco2eMin: 0.5, kgco2eMax: 0.5,
      valueScore: value, costScore: 25.4, feasibilityScore: 75, environmentScore: environment, riskScore: 70, totalScore: total,
      weights: 'valeur 30 · coût 15 · faisabilité 20 · environnement 20 · risque 15',
    },
    selection: 'SELECT', selectionRationale: 'Fort volume', selectedBy: 'diane',
  };
}

const scoring: Project = {
  id: 9, title: 'Synthèse sinistres', problem: 'Trop long', team: 'Centre', frequency: 'souvent', timeSpent: '30 min',
  dataInvolved: 'dossier', directorateCode: 'sinistres', submittedBy: 'ines', stage: 'SCORING', rejectionReason: null,
  mergedInto: null, necessity: 'Textes libres, aucune règle ne suffit.', useCaseKey: null, experimentStartedAt: null, createdAt: '2026-11-20T09:00:00Z',
};

describe('portfolio', () => {
  it('ranks the projects with their score breakdown, and the chart has the same projects', async () => {
    mockServer({
      'GET /api/me': json(diane), 'GET /api/portfolio': json([ranked(1, 62.7, 78, 49.9), ranked(2, 40.1, 22.6, 90)]),
      'GET /api/portfolio/directorates': json([]), 'GET /api/projects': json([]),
    });
    renderApp('/portfolio');
    const table = await screen.findByRole('table', { name: 'Projets notés, du meilleur score au moins bon' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Projet 1');
    expect(rows[1]).toHaveTextContent('62,7');
    expect(rows[1]).toHaveTextContent('LIMITED (70)');
    expect(rows[2]).toHaveTextContent('Projet 2');
    const chart = screen.getByRole('img', { name: 'Valeur et impact environnemental' });
    // the charting library comes in a lazy chunk: wait for its drawing
    await waitFor(() => expect(chart.querySelectorAll('[data-chart-point]')).toHaveLength(2));
    expect([...chart.querySelectorAll('[data-chart-point]')].map((p) => p.getAttribute('data-chart-point'))).toEqual(['1', '2']);
  }, 20000);

  it('lets the directorate score a project and select it with a rationale', async () => {
    const server = mockServer({
      'GET /api/me': json(diane), 'GET /api/portfolio': json([]), 'GET /api/portfolio/directorates': json([]),
      'GET /api/projects': json([scoring]),
      'POST /api/portfolio/projects/9/score': json({ ...ranked(9, 55.5, 60, 80).score }),
      'POST /api/portfolio/projects/9/decision': json({ projectId: 9, decision: 'SELECT' }),
    });
    renderApp('/portfolio');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Calculer le score' }));
    expect(await screen.findByText(/Score 55,5 \/ 100/)).toBeInTheDocument();
    expect(JSON.parse(server.callsTo('POST', '/api/portfolio/projects/9/score')[0].body ?? '{}')).toMatchObject({
      casesPerYear: 12000, model: 'mistral-small', riskTier: 'LIMITED', feasibility: 3,
    });
    await fill(user, screen.getByLabelText('Justification de la décision'), 'Gain net pour les gestionnaires.');
    await user.click(screen.getByRole('button', { name: 'Retenir' }));
    expect(JSON.parse(server.callsTo('POST', '/api/portfolio/projects/9/decision')[0].body ?? '{}')).toEqual({
      decision: 'SELECT', rationale: 'Gain net pour les gestionnaires.',
    });
  }, 20000);

  it('gives the ethics committee its queue with the nine criteria', async () => {
    const server = mockServer({
      'GET /api/me': json(eric),
      'GET /api/projects': json([{ ...scoring, stage: 'ETHICS' }]),
      'POST /api/projects/9/ethics': json({}),
    });
    renderApp('/ethics');
    const user = userEvent.setup();
    expect(await screen.findAllByRole('group')).toHaveLength(10);
    for (const group of screen.getAllByRole('group').slice(0, 9)) {
      // plain events: nine criteria worked through user-event are slow on a busy machine, and test nothing more
      fireEvent.click(within(group).getByRole('radio', { name: 'Favorable' }));
      fireEvent.change(within(group).getByRole('textbox'), { target: { value: 'ok' } });
    }
    await user.click(screen.getByRole('radio', { name: 'À retravailler' }));
    await fill(user, screen.getByLabelText('Conditions, reprises demandées ou motif'), 'Durée de conservation ?');
    await user.click(screen.getByRole('button', { name: "Rendre l'avis" }));
    const body = JSON.parse(server.callsTo('POST', '/api/projects/9/ethics')[0].body ?? '{}');
    expect(body.verdicts).toHaveLength(9);
    expect(body.outcome).toBe('REWORK');
    expect(body.conditions).toBe('Durée de conservation ?');
  }, 45000);
});
