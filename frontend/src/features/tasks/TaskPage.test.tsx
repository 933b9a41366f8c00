import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { bob, caseView, json, mockServer, setCookie } from '../../test/mockServer';
import { currentRoute, renderApp } from '../../test/render';
import type { TaskSummary } from './api';

const task: TaskSummary = {
  id: 'b6f1c2d4-0000-4000-8000-000000000001',
  name: 'Relire et valider le brouillon',
  taskKey: 'review',
  caseId: 12,
  useCaseKey: 'reply-letter',
  useCaseName: 'Courrier de réponse à un sociétaire',
  memberName: 'Camille Martin',
  subject: 'Retard de remboursement',
  createdAt: '2026-11-22T10:00:06Z',
  assignee: null,
};

const appended = ' Le virement partira demain.';

function disclosed(text: string) {
  const label = "Ce courrier a été rédigé avec l'aide de l'IA générative et validé par un collaborateur.";
  return caseView({
    status: 'DISCLOSED',
    finalText: text,
    approvedBy: 'bob',
    approvedAt: '2026-11-22T10:05:00Z',
    aiShare: 0.62,
    disclosure: { category: 'AI_VALIDATED', label, citeSources: false, marker: 'IA' },
    disclosedText: `${text}\n\n${label}`,
  });
}

describe('tasks', () => {
  it('lists the tasks of the expert with a link to each', async () => {
    mockServer({ 'GET /api/me': json(bob), 'GET /api/tasks': json([task]) });
    renderApp('/tasks');
    const link = await screen.findByRole('link', { name: 'Relire et valider le brouillon' });
    expect(link).toHaveAttribute('href', `#/tasks/${task.id}`);
    expect(link).toHaveAccessibleDescription('Retard de remboursement');
    expect(screen.getByRole('cell', { name: 'Camille Martin' })).toBeInTheDocument();
    expect(screen.getByText('Personne')).toBeInTheDocument();
  });

  it('approves the edited text and shows the disclosed letter', async () => {
    setCookie('XSRF-TOKEN', 'tok');
    let completed: ReturnType<typeof disclosed> | null = null;
    const api = mockServer({
      'GET /api/me': json(bob),
      [`GET /api/tasks/${task.id}`]: json({ task, case: caseView() }),
      [`POST /api/tasks/${task.id}/complete`]: (call) => {
        completed = disclosed(JSON.parse(call.body!).text);
        return json(completed);
      },
      'GET /api/cases/12': () => json(completed),
    });
    renderApp(`/tasks/${task.id}`);

    const editor = await screen.findByLabelText('Texte du courrier');
    expect(editor).toHaveValue('Madame,\n\nNous avons bien reçu votre message.');
    expect(screen.getByTestId('ai-marker')).toHaveTextContent("brouillon hors-ligne — aucun modèle d'IA");
    expect(screen.getByText("Je n'ai toujours pas reçu mon remboursement.")).toBeInTheDocument();
    expect(screen.getByText("Part du texte issue de l'IA (estimation) : 100 %")).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(editor);
    await user.keyboard('{Control>}{End}{/Control}');
    await user.type(editor, appended);
    expect(screen.queryByText("Part du texte issue de l'IA (estimation) : 100 %")).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Approuver et envoyer' }));

    await waitFor(() => expect(currentRoute()).toBe('/cases/12'));
    const post = api.callsTo('POST', `/api/tasks/${task.id}/complete`)[0];
    expect(JSON.parse(post.body!)).toEqual({ decision: 'APPROVE', text: `Madame,\n\nNous avons bien reçu votre message.${appended}` });
    expect(post.headers['x-xsrf-token']).toBe('tok');

    expect(await screen.findByTestId('disclosed-text')).toHaveTextContent(appended.trim());
    expect(screen.getByTestId('disclosure-label')).toHaveTextContent("Ce courrier a été rédigé avec l'aide de l'IA générative");
    expect(screen.getByText('Envoyé au sociétaire')).toBeInTheDocument();
    expect(screen.getByText('bob')).toBeInTheDocument();
    expect(screen.getByText('62 %')).toBeInTheDocument();
  });

  it('keeps the text and shows the error when approval fails', async () => {
    setCookie('XSRF-TOKEN', 'tok');
    mockServer({
      'GET /api/me': json(bob),
      [`GET /api/tasks/${task.id}`]: json({ task, case: caseView() }),
      [`POST /api/tasks/${task.id}/complete`]: json({ status: 409, error: 'Conflict', message: 'Cette tâche a déjà été traitée.' }, 409),
    });
    renderApp(`/tasks/${task.id}`);
    const editor = await screen.findByLabelText('Texte du courrier');
    await userEvent.clear(editor);
    await userEvent.click(screen.getByRole('button', { name: 'Approuver et envoyer' }));
    expect(editor).toHaveAccessibleDescription(/Le texte du courrier ne peut pas être vide./);

    await userEvent.type(editor, 'Mon texte.');
    await userEvent.click(screen.getByRole('button', { name: 'Approuver et envoyer' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Cette tâche a déjà été traitée.');
    expect(editor).toHaveValue('Mon texte.');
    expect(currentRoute()).toBe(`/tasks/${task.id}`);
  });
});
