import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockServer } from '../../../test/mockServer';
import { currentRoute, renderApp } from '../../../test/render';
import type { TransparencyReport } from './api';

const notLoggedIn = () => json({ status: 401, message: 'Non authentifié' }, 401);

const report: TransparencyReport = {
  generatedAt: '2026-12-04T06:00:00Z',
  provider: { provider: 'mistral', providerName: 'Mistral AI', kind: 'MISTRAL', model: 'mistral-small-latest', hostingCountry: 'France' },
  pseudonymisation: 'PSEUDONYMISED',
  useCases: [
    {
      key: 'reply-letter', name: 'Courrier de réponse à un sociétaire', nameEn: 'Reply letter to a member',
      purpose: 'Rédige un projet de réponse', purposeEn: 'Drafts a reply', category: 'assistant', deployment: 'EVERYWHERE',
      aiEntities: null, model: 'mistral-small-latest', fallbackModel: 'ministral-3b', humanReview: true,
    },
    {
      key: 'meeting-report', name: "Compte-rendu d'entretien", nameEn: 'Meeting report', purpose: 'Met au propre les notes',
      purposeEn: 'Writes up the notes', category: 'assistant', deployment: 'EXPERIMENT', aiEntities: 2, model: 'mistral-small-latest',
      fallbackModel: null, humanReview: true,
    },
  ],
  disclosureRules: [
    { ruleId: 'rule_ai_only', checkedByHuman: false, aiShareOperator: null, aiShareThreshold: null, aiShareUpperOperator: null, aiShareUpperThreshold: null, aiShareExpression: null, category: 'AI_ONLY', label: 'Produit par une IA.', citeSources: true },
    { ruleId: 'rule_ai_validated', checkedByHuman: true, aiShareOperator: '>=', aiShareThreshold: 0.5, aiShareUpperOperator: null, aiShareUpperThreshold: null, aiShareExpression: null, category: 'AI_VALIDATED', label: 'Préparé avec l’IA, relu.', citeSources: false },
    { ruleId: 'rule_human_with_ai', checkedByHuman: true, aiShareOperator: '>', aiShareThreshold: 0, aiShareUpperOperator: '<', aiShareUpperThreshold: 0.5, aiShareExpression: null, category: 'HUMAN_WITH_AI', label: null, citeSources: false },
    { ruleId: 'rule_human', checkedByHuman: null, aiShareOperator: '<=', aiShareThreshold: 0, aiShareUpperOperator: null, aiShareUpperThreshold: null, aiShareExpression: null, category: 'HUMAN', label: null, citeSources: false },
  ],
  footprint: [
    { month: '2026-11', aiDrafts: 120, energyWhMin: 30, energyWhMax: 60, kgCo2eMin: 0.002, kgCo2eMax: 0.004 },
    { month: '2026-12', aiDrafts: 12, energyWhMin: 3, energyWhMax: 3, kgCo2eMin: 0.0005, kgCo2eMax: 0.0005 },
  ],
  exceptions: [],
};

describe('transparency page', () => {
  it('is reached from the login page without logging in, and says what the AI is used for', async () => {
    const server = mockServer({ 'GET /api/me': notLoggedIn, 'GET /api/public/transparency': json(report) });
    renderApp('/login');
    await userEvent.click(await screen.findByRole('link', { name: "Notre usage de l'IA" }));
    expect(await screen.findByRole('heading', { level: 1, name: "Notre usage de l'intelligence artificielle" })).toBeInTheDocument();
    expect(currentRoute()).toBe('/transparence');
    expect(server.callsTo('GET', '/api/public/transparency')).toHaveLength(1);

    const useCases = await screen.findByRole('table', { name: 'Les usages en service, leur objectif et le modèle utilisé' });
    const rows = within(useCases).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Courrier de réponse à un sociétaire');
    expect(rows[1]).toHaveTextContent('En service dans toutes nos entités');
    expect(rows[1]).toHaveTextContent('puis ministral-3b si le budget du mois est atteint');
    expect(rows[2]).toHaveTextContent('En expérimentation (2 entités pilotes)');
    expect(screen.getByText('Mistral AI')).toBeInTheDocument();
    expect(screen.getByText('France')).toBeInTheDocument();
    expect(screen.getByText(/remplacées par des jetons/)).toBeInTheDocument();
    // every use case of this report is checked by a person: no exception stated
    expect(screen.queryByText(/Exception/)).not.toBeInTheDocument();
  });

  it('names the use cases whose answers no person checks one by one, and hides the sign-in link from staff', async () => {
    const chatbot = { ...report.useCases[0], key: 'member-chatbot', name: 'Réponse du chatbot aux sociétaires', humanReview: false };
    mockServer({
      'GET /api/me': json({ username: 'marc', displayName: 'Marc Manager', roles: ['MANAGER'], groups: ['managers'] }),
      'GET /api/public/transparency': json({ ...report, useCases: [...report.useCases, chatbot] }),
    });
    renderApp('/transparence');
    expect(await screen.findByText(/Exception : les réponses de « Réponse du chatbot aux sociétaires » ne sont pas relues/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Se connecter (collaborateurs)' })).not.toBeInTheDocument();
  });

  it('states each disclosure row in plain French, and the footprint as a chart and a table', async () => {
    mockServer({ 'GET /api/me': notLoggedIn, 'GET /api/public/transparency': json(report) });
    renderApp('/transparence');
    const disclosure = await screen.findByRole('table', { name: "La mention affichée selon la part de l'IA dans le texte" });
    const rules = within(disclosure).getAllByRole('row');
    expect(rules[1]).toHaveTextContent("Contenu produit par l'IA, sans relecture par un collaborateur.");
    expect(rules[1]).toHaveTextContent('Produit par une IA.');
    expect(rules[2]).toHaveTextContent("Contenu relu et validé par un collaborateur, au moins 50 % du texte final vient d'un modèle d'IA.");
    expect(rules[2]).toHaveTextContent('La moitié au moins du texte est celle d\'un modèle d\'IA');
    expect(rules[3]).toHaveTextContent("plus de 0 % et moins de 50 % du texte final vient d'un modèle d'IA");
    expect(rules[3]).toHaveTextContent("Aucune mention");
    expect(rules[4]).toHaveTextContent("Contenu : aucun mot du texte ne vient d'un modèle d'IA.");
    expect(rules[4]).toHaveTextContent("à partir d'un modèle de lettre sans IA");

    const chart = screen.getByRole('img', { name: 'Énergie consommée par mois (Wh, estimation haute)' });
    // the charting library comes in a lazy chunk: wait for its drawing, one bar per month of the table
    await waitFor(() => expect(chart.querySelectorAll('[data-chart-point]')).toHaveLength(2));
    const table = screen.getByRole('table', { name: 'Brouillons rédigés par l’IA, énergie et émissions par mois' });
    const months = within(table).getAllByRole('row');
    expect(months[1]).toHaveTextContent('120');
    expect(months[1]).toHaveTextContent('30 – 60');
    expect(months[1]).toHaveTextContent('2 – 4');
    expect(months[3]).toHaveTextContent('Total');
    expect(months[3]).toHaveTextContent('132');
    expect(screen.queryByRole('button', { name: 'Se déconnecter' })).not.toBeInTheDocument();
  });

  it('verifies a text received, and says what its signed record states', async () => {
    const user = userEvent.setup();
    const check = {
      outcome: 'AUTHENTIC', message: 'Ce contenu vient bien de Mutuelle et n\'a pas été modifié depuis son envoi.',
      signatureValid: true, contentMatches: true,
      record: {
        recordId: 'urn:uuid:1', issuer: 'Mutuelle', issuedAt: '2026-12-04T09:00:00Z', category: 'AI_VALIDATED',
        label: 'Préparé avec l’IA, relu.', digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia',
        aiShare: 0.8, validatedByEmployee: true, validatedAt: '2026-12-04T08:59:00Z', model: 'mistral-small-latest',
        useCase: 'reply-letter', useCaseName: 'Courrier de réponse à un sociétaire', channel: 'courrier', keyId: 'k1',
      },
    };
    const server = mockServer({
      'GET /api/me': notLoggedIn,
      'GET /api/public/transparency': json(report),
      'POST /api/public/provenance/verify': json(check),
    });
    renderApp('/transparence');
    const form = await screen.findByRole('region', { name: 'Vérifier un contenu que vous avez reçu' });
    const submit = within(form).getByRole('button', { name: 'Vérifier' });
    expect(submit).toBeDisabled();
    await user.type(within(form).getByLabelText('Texte reçu'), 'Madame, votre remboursement est validé.');
    await user.click(submit);
    const result = await screen.findByTestId('verify-result');
    expect(result).toHaveTextContent('Authentique');
    expect(result).toHaveTextContent('Courrier de réponse à un sociétaire');
    expect(result).toHaveTextContent('80 %');
    expect(result).toHaveTextContent('compositeWithTrainedAlgorithmicMedia');
    const sent = server.callsTo('POST', '/api/public/provenance/verify');
    expect(JSON.parse(sent[0].body ?? '{}')).toEqual({ text: 'Madame, votre remboursement est validé.' });
  });

  it('lists every exceptional opening of a use case without a project, open or closed, with its reason', async () => {
    const knowledge = { ...report.useCases[0], key: 'knowledge-answer', name: 'Assistant AMI', deployment: 'EXCEPTION' };
    mockServer({
      'GET /api/me': notLoggedIn,
      'GET /api/public/transparency': json({
        ...report,
        useCases: [knowledge],
        exceptions: [
          { useCaseKey: 'knowledge-answer', name: 'Assistant AMI', nameEn: 'AMI assistant', reason: 'Outil interne, sans donnée de sociétaire.', openedAt: '2026-12-01T09:00:00Z', closedAt: null, closeReason: null },
          { useCaseKey: 'reply-letter', name: 'Courrier de réponse', nameEn: 'Reply letter', reason: 'Pic de courriers après la tempête.', openedAt: '2026-11-02T09:00:00Z', closedAt: '2026-11-20T17:00:00Z', closeReason: 'Le projet prend le relais.' },
        ],
      }),
    });
    renderApp('/transparence');
    const useCases = await screen.findByRole('table', { name: 'Les usages en service, leur objectif et le modèle utilisé' });
    expect(within(useCases).getAllByRole('row')[1]).toHaveTextContent('Ouvert partout, à titre exceptionnel, par un administrateur');
    const openings = screen.getByRole('table', { name: 'Les usages ouverts à titre exceptionnel, quand et pourquoi' });
    const rows = within(openings).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Assistant AMI');
    expect(rows[1]).toHaveTextContent('Outil interne, sans donnée de sociétaire.');
    expect(rows[1]).toHaveTextContent('Toujours ouvert');
    expect(rows[2]).toHaveTextContent('Pic de courriers après la tempête.');
    expect(rows[2]).toHaveTextContent('Le projet prend le relais.');
  });

  it('says so when no use case was opened as an exception', async () => {
    mockServer({ 'GET /api/me': notLoggedIn, 'GET /api/public/transparency': json(report) });
    renderApp('/transparence');
    expect(await screen.findByText("Aucun usage n'a été ouvert à titre exceptionnel.")).toBeInTheDocument();
  });

  it('says so when no model is connected', async () => {
    mockServer({
      'GET /api/me': notLoggedIn,
      'GET /api/public/transparency': json({ ...report, provider: { provider: 'offline', providerName: null, kind: 'OFFLINE', model: null, hostingCountry: null }, pseudonymisation: 'NO_MODEL', footprint: [] }),
    });
    renderApp('/transparence');
    expect(await screen.findByText(/Aucun modèle d'IA n'est branché/)).toBeInTheDocument();
    expect(screen.getByText("Aucun brouillon n'a encore été rédigé par un modèle d'IA.")).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /Énergie/ })).not.toBeInTheDocument();
  });
});
