import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { alice, caseView, json, mockServer, setCookie } from '../../../test/mockServer';
import { renderApp } from '../../../test/render';

describe('survey on a disclosed case', () => {
  it('asks the adviser the comfort question, when the server drew the case, and the member satisfaction', async () => {
    setCookie('XSRF-TOKEN', 'tok');
    const server = mockServer({
      'GET /api/me': json(alice),
      'GET /api/cases/12': json(caseView({ status: 'DISCLOSED', finalText: 'Madame,', disclosedText: 'Madame,',
        askComfortSurvey: true })),
      'POST /api/projects/cases/12/survey': json({ caseId: 12 }),
      'POST /api/projects/cases/12/satisfaction': json({ caseId: 12 }),
    });
    renderApp('/cases/12');
    const comfort = await screen.findByRole('radiogroup', { name: /Ce brouillon vous a-t-il facilité le travail/ });
    fireEvent.click(comfort.querySelector('input[value="4"]') as HTMLInputElement);
    fireEvent.change(screen.getByLabelText('Temps gagné, selon vous (minutes)'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer' }));
    expect(await screen.findByText('Merci, votre réponse est enregistrée.')).toBeInTheDocument();
    expect(JSON.parse(server.callsTo('POST', '/api/projects/cases/12/survey')[0].body ?? '{}')).toEqual({ comfort: 4, minutesSaved: 12 });
    const satisfaction = screen.getByRole('radiogroup', { name: 'Satisfaction du sociétaire (1 à 5)' });
    fireEvent.click(satisfaction.querySelector('input[value="5"]') as HTMLInputElement);
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la satisfaction' }));
    await screen.findAllByText('Merci, votre réponse est enregistrée.');
    expect(JSON.parse(server.callsTo('POST', '/api/projects/cases/12/satisfaction')[0].body ?? '{}')).toEqual({ score: 5 });
  }, 20000);

  it('does not ask the comfort question after a case the server did not draw', async () => {
    const server = mockServer({
      'GET /api/me': json(alice),
      'GET /api/cases/12': json(caseView({ status: 'DISCLOSED', finalText: 'Madame,', disclosedText: 'Madame,' })),
    });
    renderApp('/cases/12');
    expect(await screen.findByRole('heading', { name: 'Satisfaction du sociétaire' })).toBeInTheDocument();
    expect(screen.queryByRole('radiogroup', { name: /Ce brouillon vous a-t-il facilité le travail/ })).toBeNull();
    expect(screen.getByRole('radiogroup', { name: 'Satisfaction du sociétaire (1 à 5)' })).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/projects/cases/12/survey')).toHaveLength(0);
  }, 20000);

  it('shows nothing to someone else when the case was not drawn', async () => {
    mockServer({
      'GET /api/me': json(alice),
      'GET /api/cases/12': json(caseView({ status: 'DISCLOSED', finalText: 'Madame,', disclosedText: 'Madame,',
        requestedBy: 'paul' })),
    });
    renderApp('/cases/12');
    expect((await screen.findAllByText(/Retard de remboursement/)).length).toBeGreaterThan(0);
    expect(screen.queryByRole('heading', { name: /Votre avis|Satisfaction du sociétaire/ })).toBeNull();
  }, 20000);
});
