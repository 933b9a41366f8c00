import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { alice, caseView, json, mockServer } from '../../test/mockServer';
import { renderApp } from '../../test/render';

describe('case page', () => {
  it('marks a model draft with the model name', async () => {
    mockServer({
      'GET /api/me': json(alice),
      'GET /api/cases/12': json(
        caseView({ draft: { text: 'Bonjour', producer: 'MODEL', model: 'mistral-small', producerLabel: null, createdAt: '2026-11-22T10:00:05Z' } }),
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
          disclosure: { category: 'HUMAN_WITH_AI', label: null, citeSources: false, marker: null },
        }),
      ),
    });
    renderApp('/cases/12');
    expect(await screen.findByTestId('disclosure-label')).toHaveTextContent('Aucune mention (rédigé par un collaborateur)');
    expect(screen.getByTestId('disclosed-text')).toHaveTextContent('Texte réécrit.');
    expect(screen.getByText("Rédigé par un collaborateur avec des suggestions de l'IA")).toBeInTheDocument();
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
});
