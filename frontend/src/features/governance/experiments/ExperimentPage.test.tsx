import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockServer } from '../../../test/mockServer';
import { renderApp } from '../../../test/render';
import type { User } from '../../../types/api';
import { fill } from '../../../test/fill';
import type { Dashboard, KpiValue, ProjectView, Wave } from '../api';

const marc: User = { username: 'marc', displayName: 'Marc Manager', roles: ['MANAGER'], groups: ['managers'] };

const kpi = (over: Partial<KpiValue>): KpiValue => ({
  kpiId: 1, metric: 'TIME_TO_APPROVAL', label: "Délai de la demande à l'approbation", unit: 'min', direction: 'LOWER_IS_BETTER',
  baseline: 20, target: 10, guardrail: 30, pilot: 8, pilotCases: 2, control: 18, controlCases: 2, meetsTarget: true,
  guardrailCrossed: false, ...over,
});

const view = (taskKey: string): ProjectView => ({
  project: {
    id: 3, title: 'Compte-rendu assisté', problem: '', team: '', frequency: '', timeSpent: '', dataInvolved: '',
    directorateCode: 'reseau', submittedBy: 'alice', stage: 'EXPERIMENT', rejectionReason: null, mergedInto: null,
    necessity: null, useCaseKey: 'meeting-report', experimentStartedAt: '2026-11-20T09:00:00Z', createdAt: '2026-11-19T09:00:00Z',
  },
  decisions: [], ethicsReviews: [],
  openTasks: [{ id: 't1', taskKey, name: 'x', candidateGroups: ['managers'], assignee: null }],
});

const dashboard: Dashboard = {
  projectId: 3, useCaseKey: 'meeting-report', startedAt: '2026-11-20T09:00:00Z',
  entities: [{ entityCode: 'agence-niort', entityName: 'Agence de Niort', role: 'PILOT' }, { entityCode: 'agence-lyon', entityName: 'Agence de Lyon', role: 'CONTROL' }],
  keyUsers: ['alice'],
  surveyOneIn: 5,
  kpis: [kpi({}), kpi({ kpiId: 2, metric: 'ACCEPTED_WITHOUT_EDIT', label: 'Brouillons acceptés sans modification', unit: '%',
    direction: 'HIGHER_IS_BETTER', target: 60, guardrail: 20, pilot: 0, control: null, controlCases: 0, meetsTarget: false, guardrailCrossed: true })],
  measuredMinutesSaved: 10,
  series: [{ day: '2026-11-20', metric: 'TIME_TO_APPROVAL', pilot: 8, control: 18 }, { day: '2026-11-20', metric: 'ACCEPTED_WITHOUT_EDIT', pilot: 0, control: null }],
  feedback: [{ id: 1, author: 'paul', text: "Hâte d'avoir l'IA aussi.", createdAt: '2026-11-20T10:00:00Z' }],
  decisions: [],
  withoutAi: { cases: 2, inPilot: 2, inControl: 0, share: 0.125, timeToApprovalMinutes: 22 },
};

describe('experiment dashboard', () => {
  it('shows pilot against control, the measured time saved, guardrail alerts and the series as tables', async () => {
    mockServer({ 'GET /api/me': json(marc), 'GET /api/projects/3': json(view('experimentDecision')), 'GET /api/projects/3/experiment': json(dashboard) });
    renderApp('/experiments/3');
    const time = await screen.findByRole('article', { name: "Délai de la demande à l'approbation" });
    expect(time).toHaveTextContent('Pilote : 8 min');
    expect(time).toHaveTextContent('Témoin : 18 min');
    expect(time).toHaveTextContent('Cible atteinte');
    const accepted = screen.getByRole('article', { name: 'Brouillons acceptés sans modification' });
    expect(within(accepted).getByRole('alert')).toHaveTextContent('Garde-fou franchi');
    expect(screen.getByText(/Temps gagné mesuré \(témoin − pilote\) : 10 min/)).toBeInTheDocument();
    expect(screen.getByText('Enquête de confort posée après un dossier sur 5, tiré au sort par le serveur')).toBeInTheDocument();
    const series = screen.getByRole('table', { name: "Délai de la demande à l'approbation : valeur par jour, pilote et témoin" });
    expect(within(series).getAllByRole('row')[1]).toHaveTextContent('2026-11-20818');
    // each KPI's series is also a named chart, drawn once the charting library's chunk is in
    const chart = screen.getByRole('img', { name: "Délai de la demande à l'approbation par jour : pilote et témoin, cible et garde-fou" });
    await waitFor(() => expect(chart.querySelector('svg')).not.toBeNull());
    expect(screen.getByText(/Hâte d'avoir l'IA aussi/)).toBeInTheDocument();
    // the cases written « sans IA » by choice, apart from both groups
    const apart = screen.getByRole('region', { name: 'Rédigés « sans IA » par choix' });
    expect(apart).toHaveTextContent('2 dossier(s) clos rédigé(s) « sans IA » par choix du conseiller (2 en entité pilote, 0 en entité témoin), soit 12,5 % des dossiers clos');
    expect(apart).toHaveTextContent('temps moyen jusqu\'à l\'approbation : 22 min');
  }, 20000);

  it('lists the recorded decisions in words, not codes', async () => {
    const decisions = [
      { id: 1, step: 'EXPERIMENT', decision: 'ADJUST', rationale: 'Cible trop haute.', decidedBy: 'marc', decidedAt: '2026-11-21T09:00:00Z' },
      { id: 2, step: 'FUTURE_STEP', decision: 'SOMETHING', rationale: null, decidedBy: 'system', decidedAt: '2026-11-22T09:00:00Z' },
    ];
    mockServer({ 'GET /api/me': json(marc), 'GET /api/projects/3': json(view('experimentDecision')), 'GET /api/projects/3/experiment': json({ ...dashboard, decisions }) });
    renderApp('/experiments/3');
    expect(await screen.findByText(/Expérimentation : ajuster et poursuivre \(marc\) — Cible trop haute\./)).toBeInTheDocument();
    expect(screen.getByText(/FUTURE_STEP : SOMETHING \(system\)/)).toBeInTheDocument();
    expect(screen.queryByText(/EXPERIMENT : ADJUST/)).not.toBeInTheDocument();
  }, 20000);

  it('records the decision with its rationale', async () => {
    const server = mockServer({
      'GET /api/me': json(marc), 'GET /api/projects/3': json(view('experimentDecision')),
      'GET /api/projects/3/experiment': json(dashboard), 'POST /api/projects/3/experiment/decision': json({ projectId: 3 }),
    });
    renderApp('/experiments/3');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'Généraliser' }));
    await fill(user, screen.getByLabelText('Pourquoi (enregistré avec votre nom)'), 'Dix minutes gagnées.');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la décision' }));
    expect(JSON.parse(server.callsTo('POST', '/api/projects/3/experiment/decision')[0].body ?? '{}')).toEqual({
      decision: 'GENERALISE', rationale: 'Dix minutes gagnées.',
    });
  }, 20000);

  it('sets the experiment up with pilot and control entities and a KPI with its target and guardrail', async () => {
    const server = mockServer({
      'GET /api/me': json(marc), 'GET /api/projects/3': json(view('setupExperiment')),
      'GET /api/projects/3/experiment': json({ ...dashboard, startedAt: null, entities: [], kpis: [], series: [], feedback: [], measuredMinutesSaved: null }),
      'GET /api/entities': json([{ code: 'agence-lyon', name: 'Agence de Lyon' }, { code: 'agence-niort', name: 'Agence de Niort' }]),
      'GET /api/use-cases': json([{ key: 'meeting-report', name: "Compte-rendu d'entretien" }]),
      'GET /api/projects/kpi-metrics': json([{ metric: 'TIME_TO_APPROVAL', label: "Délai de la demande à l'approbation" }]),
      'POST /api/projects/3/experiment': json({ projectId: 3 }),
    });
    renderApp('/experiments/3');
    const user = userEvent.setup();
    await screen.findByRole('option', { name: "Compte-rendu d'entretien" });
    await user.selectOptions(screen.getByLabelText("Cas d'usage expérimenté"), 'meeting-report');
    await screen.findByLabelText('Agence de Niort');
    await user.selectOptions(screen.getByLabelText('Agence de Niort'), 'PILOT');
    await user.selectOptions(screen.getByLabelText('Agence de Lyon'), 'CONTROL');
    await fill(user, screen.getByLabelText('Utilisateurs clés (identifiants séparés par des virgules)'), 'alice, paul');
    await fill(user, screen.getByLabelText('Cible'), '10');
    await fill(user, screen.getByLabelText('Garde-fou'), '30');
    await user.click(screen.getByRole('button', { name: "Démarrer l'expérimentation" }));
    expect(JSON.parse(server.callsTo('POST', '/api/projects/3/experiment')[0].body ?? '{}')).toEqual({
      useCaseKey: 'meeting-report', pilotEntities: ['agence-niort'], controlEntities: ['agence-lyon'], keyUsers: ['alice', 'paul'],
      kpis: [{ metric: 'TIME_TO_APPROVAL', baseline: null, target: 10, guardrail: 30 }], surveyOneIn: 5,
    });
  }, 45000);

  it('shows a paused wave with its reason and lets the manager resume it or cut the AI', async () => {
    const wave: Wave = {
      id: 5, seq: 1, plannedStart: '2026-11-23T08:00:00Z', status: 'PAUSED', startedAt: '2026-11-21T08:00:00Z',
      pauseReason: 'Brouillons acceptés sans modification : 0,0 % (garde-fou 20,0 %, 2 dossiers)', entities: ['agence-lyon'],
      people: [{ username: 'paul', role: 'USER', trainedAt: '2026-11-21T07:00:00Z' }, { username: 'chloe', role: 'TUTOR', trainedAt: null }], kpis: [],
    };
    const server = mockServer({
      'GET /api/me': json(marc), 'GET /api/projects/3': json(view('handleBreach')), 'GET /api/projects/3/waves': json([wave]),
      'POST /api/projects/3/waves/5/breach': json({ waveId: 5 }),
      'POST /api/projects/use-cases/meeting-report/entities/agence-lyon/kill-switch': json({}),
    });
    renderApp('/experiments/3/rollout');
    expect(await screen.findByRole('alert')).toHaveTextContent('Mise en pause automatique : Brouillons acceptés');
    expect(screen.getByRole('row', { name: /chloe/ })).toHaveTextContent('Formation à faire');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Reprendre la vague' }));
    expect(JSON.parse(server.callsTo('POST', '/api/projects/3/waves/5/breach')[0].body ?? '{}')).toMatchObject({ resume: true });
    await user.click(screen.getByRole('button', { name: "Couper l'IA — agence-lyon" }));
    expect(server.callsTo('POST', '/api/projects/use-cases/meeting-report/entities/agence-lyon/kill-switch')).toHaveLength(1);
  }, 20000);
});
