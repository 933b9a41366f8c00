import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockServer, setCookie } from '../../test/mockServer';
import { stubObserver } from '../../test/intersection';
import { currentRoute, renderApp } from '../../test/render';
import { openTaskPage, taskOf, taskPageRoutes } from '../../test/tasks';
import type { User } from '../../types/api';
import type { Agreements, Comparison, ComparisonSide, ManagerFigures, ReviewerFigures, UseCaseVersions } from './api';

afterEach(() => vi.unstubAllGlobals());

const marc: User = { username: 'marc', displayName: 'Marc Manager', roles: ['MANAGER'], groups: ['managers'] };
const rachel: User = { username: 'rachel', displayName: 'Rachel Référente', roles: ['AI_REFERENT'], groups: ['ai-referents'] };

function side(overrides: Partial<ComparisonSide> = {}): ComparisonSide {
  return {
    status: 'DONE', text: 'Madame [PERSONNE_1_NOM], …', model: 'mistral-small', editDistance: 0.25, length: 640,
    guardrailFindings: 1, blockingFindings: 0, sourcesCited: 2, costEur: 0.0004, energyWh: 0.12, latencyMs: 900, failure: null,
    ...overrides,
  };
}

function comparison(overrides: Partial<Comparison> = {}): Comparison {
  const totals = {
    drafted: 2, failed: 0, meanEditDistance: 0.25, guardrailFindings: 2, blockingFindings: 0, meanLength: 640,
    meanSourcesCited: 2, costEur: 0.0008, energyWh: 0.24, meanLatencyMs: 900,
  };
  return {
    id: 7, useCaseKey: 'reply-letter', useCaseName: 'Courrier de réponse', useCaseNameEn: 'Reply letter',
    candidate: { label: 'reply-letter@v3', version: 3, prePrompt: 'Tu rédiges une réponse brève.', model: null, status: 'PENDING' },
    baseline: { label: 'reply-letter@v2', version: 2, prePrompt: 'Tu rédiges.', model: null, status: 'AUTHORISED' },
    status: 'DONE', totalCases: 4, doneCases: 4, referenceSize: 20, provider: 'openai-compatible',
    createdAt: '2026-12-01T10:00:00Z', finishedAt: '2026-12-01T10:01:00Z',
    candidateTotals: totals,
    baselineTotals: { ...totals, meanEditDistance: 0.4, guardrailFindings: 5 },
    cases: [
      { caseId: 41, position: 1, approvedLength: 700, approvedText: 'Madame [PERSONNE_1_NOM], votre dossier…', candidate: side(), baseline: side({ editDistance: 0.4 }) },
      { caseId: 42, position: 2, approvedLength: 650, approvedText: 'Monsieur…', candidate: side(), baseline: side({ status: 'FAILED', failure: 'délai dépassé' }) },
    ],
    decision: null, decidedBy: null, decisionReason: null, unattended: false, decisionTaskId: null,
    ...overrides,
  };
}

function figures(overrides: Partial<ReviewerFigures> = {}): ReviewerFigures {
  return {
    useCaseKey: 'reply-letter', username: null, reviewers: 3, cases: 55, acceptedWithoutEdit: 0.3636, meanEditRatio: 0.318,
    meanMinutesToFirstDecision: 6, secondsPer1000Chars: 20, regenerationsPerCase: 0.1, secondReviews: 4, disagreement: 0.25,
    approvalsBelowFloor: 1, ...overrides,
  };
}

const versions: UseCaseVersions[] = [
  {
    useCaseKey: 'reply-letter', name: 'Courrier de réponse', nameEn: 'Reply letter', unattended: false, referenceCases: 20,
    servingLabel: 'reply-letter@v2',
    versions: [
      { label: 'reply-letter@v3', version: 3, model: null, status: 'PENDING', serving: false, inFile: true, latestEvaluationId: 7,
        latestEvaluationStatus: 'RUNNING', latestEvaluationTotal: 40, latestEvaluationDone: 12, decidedBy: null, decisionBasis: null, decidedAt: null },
      { label: 'reply-letter@v2', version: 2, model: null, status: 'AUTHORISED', serving: true, inFile: false, latestEvaluationId: 5,
        latestEvaluationStatus: 'DONE', latestEvaluationTotal: 40, latestEvaluationDone: 40, decidedBy: 'rachel', decisionBasis: 'EVALUATION',
        decidedAt: '2026-11-20T09:00:00Z' },
    ],
  },
];

const agreement: Agreements = {
  lowKappa: 0.4, lowKappaMinPairs: 10, categories: ['ACCEPT', 'EDIT', 'REJECT'],
  useCases: [{
    useCaseKey: 'reply-letter', useCaseName: 'Courrier de réponse', useCaseNameEn: 'Reply letter',
    kappa: { n: 50, kappa: 0.4, standardError: 0.127, low: 0.1511, high: 0.6489, observedAgreement: 0.7, table: [[20, 5, 0], [10, 15, 0], [0, 0, 0]] },
    lowFinding: true, pairs: [], hiddenPairs: 1,
  }],
};

const managerFigures: ManagerFigures = {
  minCasesForManager: 20, minReviewersForTeam: 3,
  teams: [
    { useCaseKey: 'reply-letter', useCaseName: 'Courrier de réponse', reviewers: 3, figures: figures(), hiddenReason: null },
    { useCaseKey: 'claim-summary', useCaseName: 'Synthèse de sinistre', reviewers: 2, figures: null,
      hiddenReason: "Moins de 3 relecteurs : les chiffres de l'équipe désigneraient des personnes." },
  ],
  reviewers: [figures({ username: 'chloe', reviewers: 1, cases: 25, acceptedWithoutEdit: 0.4 })],
  hiddenReviewers: 2,
};

describe('the quality screen', { timeout: 30_000 }, () => {
  it('shows the managers the versions, the κ with its interval and finding, and only the figures the rule allows', async () => {
    setCookie('XSRF-TOKEN', 'tok');
    const server = mockServer({
      'GET /api/me': json(marc),
      'GET /api/quality/versions': json(versions),
      'GET /api/quality/agreement': json(agreement),
      'GET /api/quality/reviewers': json(managerFigures),
      'POST /api/quality/use-cases/reply-letter/agreement/feedback': json({ projects: [3], text: 'κ…' }),
    });
    renderApp('/quality');
    expect(await screen.findByRole('heading', { level: 1, name: 'Qualité des contenus' })).toBeInTheDocument();
    const table = await screen.findByTestId('quality-versions');
    expect(within(table).getByText('En service')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Évaluation n° 7 (12/40)' })).toHaveAttribute('href', '#/quality/evaluations/7');
    expect(within(table).queryByRole('button', { name: 'Évaluer à nouveau' })).toBeNull();

    expect(await screen.findByTestId('kappa')).toHaveTextContent('0,4 [0,15 ; 0,65]');
    expect(screen.getByText('Accord faible : à discuter')).toBeInTheDocument();
    expect(screen.getByText(/1 paire\(s\) non nommée\(s\)/)).toBeInTheDocument();

    expect(await screen.findByText(/Moins de 3 relecteurs/)).toBeInTheDocument();
    const rows = screen.getAllByTestId('figures-row');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('chloe');
    expect(screen.getByTestId('hidden-reviewers')).toHaveTextContent('2 relecteur(s)');
    expect(screen.queryByText('Jeu de corrections')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: "Transmettre à l'expérimentation" }));
    expect(await screen.findByText('Constat ajouté aux retours de 1 expérimentation(s).')).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/quality/use-cases/reply-letter/agreement/feedback')).toHaveLength(1);
    expect(server.callsTo('GET', '/api/quality/reviewers')).toHaveLength(1);
  });

  it('lets an AI referent evaluate a version again and download the corrections of a period, without the reviewers’ figures', async () => {
    setCookie('XSRF-TOKEN', 'tok');
    const server = mockServer({
      'GET /api/me': json(rachel),
      'GET /api/quality/versions': json(versions),
      'GET /api/quality/agreement': json({ ...agreement, useCases: [] }),
      'POST /api/quality/use-cases/reply-letter/evaluations': json({ evaluationId: 9 }, 202),
      'GET /api/quality/evaluations/9': json(comparison({ id: 9 })),
    });
    renderApp('/quality');
    const link = await screen.findByTestId('export-link');
    expect(link.getAttribute('href')).toMatch(/^\/api\/quality\/use-cases\/reply-letter\/corrections\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d$/);
    await userEvent.clear(screen.getByLabelText('Du'));
    await userEvent.type(screen.getByLabelText('Du'), '2027-01-01');
    expect(await screen.findByText('La période commence après sa fin.')).toBeInTheDocument();
    expect(screen.queryByTestId('export-link')).toBeNull();
    expect(screen.getByText("Aucune seconde relecture n'a encore été faite.")).toBeInTheDocument();
    expect(server.callsTo('GET', '/api/quality/reviewers')).toHaveLength(0);

    await userEvent.click(screen.getAllByRole('button', { name: 'Évaluer à nouveau' })[0]);
    await waitFor(() => expect(currentRoute()).toBe('/quality/evaluations/9'));
    expect(JSON.parse(server.callsTo('POST', '/api/quality/use-cases/reply-letter/evaluations')[0].body!)).toEqual({ version: 3 });
  });
});

describe('an evaluation run', { timeout: 30_000 }, () => {
  it('shows its progress while it drafts, then both versions side by side per case and in total', async () => {
    setCookie('XSRF-TOKEN', 'tok');
    let calls = 0;
    mockServer({
      'GET /api/me': json(rachel),
      'GET /api/quality/evaluations/7': () => {
        calls++;
        return json(calls === 1 ? comparison({ status: 'RUNNING', doneCases: 1, cases: [] }) : comparison());
      },
    });
    renderApp('/quality/evaluations/7');
    const progress = await screen.findByTestId('evaluation-progress');
    expect(progress).toHaveAttribute('data-status', 'RUNNING');
    expect(within(progress).getByRole('progressbar')).toHaveAttribute('value', '1');
    expect(progress).toHaveTextContent('1 rédactions sur 4');
    await waitFor(() => expect(screen.getByTestId('evaluation-progress')).toHaveAttribute('data-status', 'DONE'), { timeout: 5000 });
    const totals = screen.getByTestId('evaluation-totals');
    const distance = within(totals).getByRole('row', { name: /Distance d'édition au texte approuvé/ });
    expect(distance).toHaveTextContent('0,25');
    expect(distance).toHaveTextContent('0,4');
    expect(distance).toHaveTextContent('mieux');
    expect(within(screen.getByTestId('evaluation-cases')).getByText('Échec : délai dépassé')).toBeInTheDocument();
  });
});

describe('the AI referent’s authorisation of an evaluated version', { timeout: 30_000 }, () => {
  const task = { ...taskOf('authorizePromptVersion', { name: 'Autoriser la version du pré-prompt' }), caseId: null as unknown as number };
  const completePath = `/api/tasks/${task.id}/complete`;

  it('shows the comparison and the text, and authorises only once both were displayed', async () => {
    const observer = stubObserver();
    setCookie('XSRF-TOKEN', 'tok');
    const server = mockServer({
      'GET /api/me': json(rachel),
      [`GET /api/tasks/${task.id}`]: json({ task, case: null }),
      ...taskPageRoutes(task),
      [`GET /api/tasks/${task.id}/prompt-evaluation`]: json(comparison()),
      [`POST ${completePath}`]: json({ completed: true }),
      'GET /api/tasks': json([]),
    });
    renderApp(`/tasks/${task.id}`);
    expect(await screen.findByTestId('pre-prompt')).toHaveTextContent('Tu rédiges une réponse brève.');
    expect(screen.getByTestId('candidate-label')).toHaveTextContent('reply-letter@v3');
    const approve = screen.getByRole('button', { name: 'Autoriser cette version' });
    expect(approve).toBeDisabled();
    observer.reveal();
    await waitFor(() => expect(approve).toBeEnabled());
    await userEvent.click(approve);
    await waitFor(() => expect(currentRoute()).toBe('/tasks'));
    expect(JSON.parse(server.callsTo('POST', completePath)[0].body!)).toEqual({ decision: 'APPROVE', displayedMs: expect.any(Number) });
  });
});

describe('the blind second review', { timeout: 30_000 }, () => {
  const task = { ...taskOf('secondReview', { name: "Seconde relecture à l'aveugle" }) };
  const completePath = `/api/tasks/${task.id}/complete`;

  it('shows the AI draft and the request only, asks a verdict and, for a correction, the reasons', async () => {
    const observer = stubObserver();
    setCookie('XSRF-TOKEN', 'tok');
    const server = mockServer({
      'GET /api/me': json({ username: 'chloe', displayName: 'Chloé', roles: ['EXPERT'], groups: ['member-relations-experts'] }),
      [`GET /api/tasks/${task.id}`]: json({ task, case: null }),
      ...taskPageRoutes(task),
      [`GET /api/tasks/${task.id}/second-review`]: json({
        taskId: task.id, caseId: 12, useCaseKey: 'reply-letter', useCaseName: 'Courrier de réponse', useCaseNameEn: null,
        subject: 'Résiliation', message: 'Je souhaite résilier au 1er mars.',
        draft: { text: 'Madame, Monsieur, nous prenons note…', producer: 'OFFLINE', model: 'offline-drafter',
          producerLabel: "brouillon hors-ligne — aucun modèle d'IA", promptVersion: 'reply-letter@v2', createdAt: '2026-12-01T10:00:00Z', sources: [], flags: [] },
        reasons: [{ code: 'tone', fr: 'Ton inadapté', en: 'Wrong tone' }, { code: 'factual-error', fr: 'Erreur factuelle', en: 'Factual error' }],
      }),
      [`POST ${completePath}`]: json({ completed: true }),
      'GET /api/tasks': json([]),
    });
    renderApp(`/tasks/${task.id}`);
    expect(await screen.findByTestId('draft-text')).toHaveTextContent('nous prenons note');
    expect(screen.getByText('Je souhaite résilier au 1er mars.')).toBeInTheDocument();
    const submit = screen.getByRole('button', { name: 'Enregistrer mon avis' });
    expect(submit).toBeDisabled();
    observer.reveal();
    await waitFor(() => expect(submit).toBeEnabled());
    await userEvent.click(submit);
    expect(await screen.findByText('Choisissez votre avis sur le brouillon.')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Motifs (facultatif)' })).toBeNull();
    await userEvent.click(screen.getByRole('radio', { name: 'À corriger' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Ton inadapté' }));
    await userEvent.type(screen.getByLabelText('Commentaire (facultatif)'), 'Trop sec.');
    await userEvent.click(submit);
    await waitFor(() => expect(currentRoute()).toBe('/tasks'));
    expect(JSON.parse(server.callsTo('POST', completePath)[0].body!)).toEqual({ decision: 'EDIT', reasons: ['tone'], reason: 'Trop sec.', displayedMs: expect.any(Number) });
  });
});

describe('reasons and the reading-speed floor on the review screen', { timeout: 30_000 }, () => {
  const task = taskOf('review');
  const completePath = `/api/tasks/${task.id}/complete`;
  const useCases = json([{ key: 'reply-letter', name: 'Courrier', nameEn: null, description: null, category: null, memberRequired: true,
    reasons: [{ code: 'tone', fr: 'Ton inadapté', en: 'Wrong tone' }, { code: 'wrong-source', fr: 'Mauvaise source', en: 'Wrong source' }] }]);

  it('sends the reasons chosen with the correction', async () => {
    const server = openTaskPage(task, undefined, { 'GET /api/use-cases': useCases, [`POST ${completePath}`]: json({ completed: true }) });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Mauvaise source' }));
    await userEvent.click(screen.getByRole('button', { name: 'Modifier' }));
    await waitFor(() => expect(currentRoute()).toBe('/tasks'));
    expect(JSON.parse(server.callsTo('POST', completePath)[0].body!)).toEqual({ decision: 'EDIT', reasons: ['wrong-source'] });
  });

  it('turns the server’s « faster than reading » 409 into a confirmation, then sends the confirmed approval', async () => {
    const message = 'Vous avez affiché ce texte de 1 200 caractères pendant 3 s : une lecture attentive en demande au moins 24 s.';
    let calls = 0;
    const server = openTaskPage(task, undefined, {
      'GET /api/use-cases': useCases,
      [`POST ${completePath}`]: () => {
        calls++;
        return calls === 1
          ? json({ status: 409, message, fieldErrors: { confirmFastApproval: message } }, 409)
          : json({ completed: true });
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Accepter tel quel' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Approbation plus rapide que la lecture');
    expect(alert).toHaveTextContent(message);
    expect(currentRoute()).toBe(`/tasks/${task.id}`);
    await userEvent.click(within(alert).getByRole('button', { name: "Je confirme l'avoir lu en entier" }));
    await waitFor(() => expect(currentRoute()).toBe('/tasks'));
    expect(JSON.parse(server.callsTo('POST', completePath)[1].body!)).toEqual({ decision: 'ACCEPT', confirmFastApproval: true, displayedMs: expect.any(Number) });
  });
});

describe('my figures', { timeout: 30_000 }, () => {
  it('shows the reviewer their own figures and lets them choose to share them', async () => {
    setCookie('XSRF-TOKEN', 'tok');
    let share = false;
    const mine = () => json({ share, minCasesForManager: 20, figures: [figures({ username: 'bob', reviewers: 1, cases: 12 })] });
    const server = mockServer({
      'GET /api/me': json({ username: 'bob', displayName: 'Bob', roles: ['EXPERT'], groups: ['experts'] }),
      'GET /api/use-cases': json([]),
      'GET /api/quality/reviewers/me': () => mine(),
      'PUT /api/quality/reviewers/me/consent': (call) => {
        share = JSON.parse(call.body!).share;
        return mine();
      },
    });
    renderApp('/quality/me');
    expect(await screen.findByTestId('consent-state')).toHaveTextContent('Vos indicateurs ne sont visibles que par vous.');
    expect(screen.getAllByTestId('figures-row')[0]).toHaveTextContent('12');
    await userEvent.click(screen.getByRole('button', { name: 'Partager mes indicateurs' }));
    await waitFor(() => expect(screen.getByTestId('consent-state')).toHaveTextContent('Vous partagez vos indicateurs'));
    expect(JSON.parse(server.callsTo('PUT', '/api/quality/reviewers/me/consent')[0].body!)).toEqual({ share: true });
  });
});
