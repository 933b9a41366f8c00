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
    total, weights: { value: 30, cost: 15, feasibility: 20, environment: 20, risk: 15 },
    score: {
      id: id * 10, projectId: id, directorateCode: 'reseau', inputTokensPerCase: 1500, outputTokensPerCase: 500,
      wValue: 30, wCost: 15, wFeasibility: 20, wEnvironment: 20, wRisk: 15, scoredBy: 'diane', scoredAt: '2026-11-20T10:00:00Z', reason: null,
      casesPerYear: 24000, minutesSavedPerCase: 10, memberBenefit: 3, buildCostEur: 30000, model: 'mistral-small',
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
    expect(rows[1]).toHaveTextContent('limité (70)');
    expect(rows[1]).not.toHaveTextContent('LIMITED');
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
  it('recomputes the ranking of a past day and shows every scoring and weights change with who and why', async () => {
    const first = ranked(1, 62.7, 78, 49.9).score;
    const server = mockServer({
      'GET /api/me': json(diane),
      'GET /api/portfolio': (call) => json(call.url.includes('at=2026-11-15') ? [ranked(1, 51.2, 78, 49.9)] : [ranked(1, 62.7, 78, 49.9)]),
      'GET /api/portfolio/directorates': json([{ code: 'reseau', name: 'Direction du Réseau', wValue: 30, wCost: 15, wFeasibility: 20, wEnvironment: 20, wRisk: 15 }]),
      'GET /api/projects': json([]),
      'GET /api/portfolio/history': json({
        scores: [first, { ...first, id: 11, feasibility: 5, feasibilityScore: 100, totalScore: 67.7, scoredAt: '2026-11-25T10:00:00Z', reason: 'Pilote technique concluant.' }],
        weights: [{ id: 3, directorateCode: 'reseau', wValue: 30, wCost: 15, wFeasibility: 20, wEnvironment: 20, wRisk: 15, reason: 'Priorité au délai de réponse.', changedBy: 'diane', changedAt: '2026-11-20T08:00:00Z' }],
      }),
    });
    renderApp('/portfolio');
    const table = await screen.findByRole('table', { name: 'Projets notés, du meilleur score au moins bon' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('62,7');
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('poids : valeur 30 · coût 15 · faisabilité 20 · environnement 20 · risque 15');
    fireEvent.change(screen.getByLabelText('Classement au'), { target: { value: '2026-11-15' } });
    expect(await screen.findByText("Classement au 2026-11-15, recalculé à partir de l'historique (étape : celle d'aujourd'hui).")).toBeInTheDocument();
    await waitFor(() => expect(within(table).getAllByRole('row')[1]).toHaveTextContent('51,2'));
    expect(server.calls.some((c) => c.url.includes('/api/portfolio?') && c.url.includes('at=2026-11-15'))).toBe(true);

    const weights = screen.getByRole('table', { name: 'Les poids de chaque direction, du plus ancien au plus récent' });
    expect(within(weights).getAllByRole('row')[1]).toHaveTextContent('Priorité au délai de réponse.');
    expect(within(weights).getAllByRole('row')[1]).toHaveTextContent('Direction du Réseau');
    const scorings = screen.getByRole('table', { name: 'Chaque notation des projets, de la plus ancienne à la plus récente' });
    const rows = within(scorings).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Première notation');
    expect(rows[2]).toHaveTextContent('Pilote technique concluant.');
    expect(rows[2]).toHaveTextContent('67,7');
  }, 20000);

  it('lets the directorate change its weights with a reason', async () => {
    const server = mockServer({
      'GET /api/me': json(diane), 'GET /api/portfolio': json([]), 'GET /api/projects': json([]),
      'GET /api/portfolio/directorates': json([{ code: 'reseau', name: 'Direction du Réseau', wValue: 30, wCost: 15, wFeasibility: 20, wEnvironment: 20, wRisk: 15 }]),
      'GET /api/portfolio/history': json({ scores: [], weights: [] }),
      'PUT /api/portfolio/directorates/reseau/weights': json({ code: 'reseau', name: 'Direction du Réseau', wValue: 50, wCost: 15, wFeasibility: 20, wEnvironment: 20, wRisk: 15 }),
    });
    renderApp('/portfolio');
    const user = userEvent.setup();
    const card = await screen.findByRole('region', { name: 'Poids de la direction' });
    fireEvent.change(within(card).getByLabelText('Valeur'), { target: { value: '50' } });
    await fill(user, within(card).getByLabelText('Pourquoi ces poids changent'), 'La valeur pour le sociétaire prime.');
    await user.click(within(card).getByRole('button', { name: 'Enregistrer les poids' }));
    expect(await within(card).findByRole('status')).toHaveTextContent('Poids de « Direction du Réseau » enregistrés');
    expect(JSON.parse(server.callsTo('PUT', '/api/portfolio/directorates/reseau/weights')[0].body ?? '{}')).toEqual({
      value: 50, cost: 15, feasibility: 20, environment: 20, risk: 15, reason: 'La valeur pour le sociétaire prime.',
    });
    expect(screen.getByText('Aucune notation ni changement de poids pour cette direction.')).toBeInTheDocument();
  }, 20000);
});
