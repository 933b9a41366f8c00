import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { alice, caseView, json, mockServer, setCookie } from '../../test/mockServer';
import { currentRoute, renderApp } from '../../test/render';
import { taskOf } from '../../test/tasks';

function open(taskKey: 'readAnswer' | 'expertAnswer') {
  const task = taskOf(taskKey, { name: taskKey === 'readAnswer' ? 'Lire la réponse et ses sources' : 'Répondre à la question du conseiller' });
  const path = `/api/tasks/${task.id}/complete`;
  setCookie('XSRF-TOKEN', 'tok');
  const server = mockServer({
    'GET /api/me': json(alice),
    [`GET /api/tasks/${task.id}`]: json({ task, case: caseView({ useCaseKey: 'knowledge-answer', memberId: null }) }),
    [`POST ${path}`]: json(caseView()),
    'GET /api/tasks': json([]),
  });
  renderApp(`/tasks/${task.id}`);
  return { server, path };
}

describe('AMI answer tasks', () => {
  it('lets the adviser ask an expert, and explains what is missing before calling the server', async () => {
    const { server, path } = open('readAnswer');
    expect(await screen.findByRole('heading', { level: 2, name: "Réponse de l'assistant AMI" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: "Non, elle ne m'aide pas" }));
    expect(screen.getByLabelText('Ce qui manque ou est inexact')).toHaveAccessibleDescription(
      expect.stringContaining('Dites ce qui manque ou est inexact.'),
    );
    expect(server.callsTo('POST', path)).toHaveLength(0);

    await userEvent.type(screen.getByLabelText("Votre question à l'expert"), "Et si le voisin n'est pas assuré ?");
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer à un expert' }));
    await waitFor(() => expect(currentRoute()).toBe('/tasks'));
    expect(JSON.parse(server.callsTo('POST', path)[0].body!)).toEqual({
      decision: 'ASK_EXPERT',
      instruction: "Et si le voisin n'est pas assuré ?",
    });
  });

  it("sends the expert's answer", async () => {
    const { server, path } = open('expertAnswer');
    await userEvent.type(await screen.findByLabelText('Réponse'), 'Votre contrat vous couvre ; nous exerçons un recours.');
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer la réponse' }));
    await waitFor(() => expect(server.callsTo('POST', path)).toHaveLength(1));
    expect(JSON.parse(server.callsTo('POST', path)[0].body!)).toEqual({
      decision: 'SUBMIT',
      text: 'Votre contrat vous couvre ; nous exerçons un recours.',
    });
  });
});
