import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caseView, json, mockServer, setCookie } from '../../test/mockServer';
import { stubObserver } from '../../test/intersection';
import { currentRoute, renderApp } from '../../test/render';
import { openTaskPage, taskOf } from '../../test/tasks';

afterEach(() => vi.unstubAllGlobals());

describe('post-review of a chatbot answer', { timeout: 30_000 }, () => {
  const task = taskOf('postReview', { name: 'Relire une réponse envoyée', useCaseKey: 'member-chatbot', useCaseName: 'Chatbot sociétaires' });
  const completePath = `/api/tasks/${task.id}/complete`;

  function open(complete: Parameters<typeof mockServer>[0][string] = json(caseView())) {
    const view = caseView({ useCaseKey: 'member-chatbot', subject: 'Ma franchise est de combien ?' });
    view.draft = {
      ...view.draft!,
      text: 'Votre franchise est de 150 euros.',
      sources: [
        { id: 'S1', reference: 'CG-AUTO', title: 'Conditions générales auto', heading: '§7', citation: 'CG-AUTO v3 — Conditions générales auto › §7',
          excerpt: 'La franchise figure aux conditions particulières.', stale: false, lastReviewed: '2026-06-01' },
      ],
    };
    view.disclosure = { category: 'AI_ONLY', label: 'Réponse générée par une intelligence artificielle générative.', citeSources: true,
      marker: '{}', disclosedAt: '2026-12-01T10:00:00Z', channel: 'espace-societaire', digitalSourceType: null, contentSha256: null,
      provenance: null };
    return openTaskPage(task, view, { [`POST ${completePath}`]: complete });
  }

  it('shows the answer sent with its AI label and sources, and says « correct » only once all of it was displayed', async () => {
    const observer = stubObserver();
    const server = open();
    expect(await screen.findByRole('heading', { level: 1, name: 'Relire une réponse envoyée' })).toBeInTheDocument();
    expect(screen.getByTestId('draft-text')).toHaveTextContent('Votre franchise est de 150 euros.');
    expect(screen.getByTestId('ai-marker')).toBeInTheDocument();
    expect(screen.getByTestId('disclosure-label')).toHaveTextContent('intelligence artificielle générative');
    expect(screen.getByText('Conditions générales auto')).toBeInTheDocument();
    expect(screen.queryByText('Envoyer la décision')).toBeNull();

    const correct = screen.getByRole('button', { name: 'Réponse correcte' });
    expect(correct).toBeDisabled();
    observer.reveal();
    await userEvent.click(screen.getByText('Conditions générales auto'));
    await waitFor(() => expect(correct).toBeEnabled());
    await userEvent.click(correct);
    await waitFor(() => expect(currentRoute()).toBe('/tasks'));
    // the display is reported with the decision, in the same request
    expect(server.callsTo('POST', `/api/tasks/${task.id}/viewed`)).toHaveLength(0);
    expect(JSON.parse(server.callsTo('POST', completePath)[0].body!)).toEqual({ decision: 'ACCEPT', displayedMs: expect.any(Number) });
  });

  it('needs a reason to say the answer is wrong, and shows the server’s refusal next to it', async () => {
    const server = open(json({ status: 400, message: 'Dites ce qui ne va pas dans cette réponse.',
      fieldErrors: { reason: 'Dites ce qui ne va pas dans cette réponse.' } }, 400));
    const wrong = await screen.findByRole('button', { name: 'Réponse à corriger' });
    await userEvent.click(wrong);
    const reason = screen.getByLabelText('Ce qui ne va pas');
    expect(reason).toHaveAccessibleDescription(/Dites ce qui ne va pas/);
    expect(reason).toHaveFocus();
    expect(server.callsTo('POST', completePath)).toHaveLength(0);

    await userEvent.type(reason, 'La franchise dépend du contrat.');
    await userEvent.click(wrong);
    await waitFor(() => expect(reason).toHaveAttribute('aria-invalid', 'true'));
    expect(JSON.parse(server.callsTo('POST', completePath)[0].body!)).toEqual({ decision: 'REJECT', reason: 'La franchise dépend du contrat.' });
    expect(currentRoute()).toBe(`/tasks/${task.id}`);
  });
});

describe('the AI referent’s authorisation of a pre-prompt version', { timeout: 30_000 }, () => {
  const rachel = { username: 'rachel', displayName: 'Rachel Moreau', roles: ['AI_REFERENT' as const], groups: ['ai-referents'] };
  const task = { ...taskOf('authorizeUnattended', { name: 'Autoriser les réponses automatiques' }), caseId: null as unknown as number };
  const completePath = `/api/tasks/${task.id}/complete`;

  function open(complete: Parameters<typeof mockServer>[0][string] = json({ completed: true })) {
    setCookie('XSRF-TOKEN', 'tok');
    const server = mockServer({
      'GET /api/me': json(rachel),
      // a standing authorisation belongs to no case
      [`GET /api/tasks/${task.id}`]: json({ task }),
      [`GET /api/tasks/${task.id}/authorization`]: json({ taskId: task.id, promptVersion: 'member-chatbot@v2', useCaseKey: 'member-chatbot',
        useCaseName: 'Chatbot sociétaires', useCaseNameEn: 'Member chatbot', version: 2,
        prePrompt: 'Tu réponds aux sociétaires de la mutuelle, poliment, en citant tes sources.' }),
      [`GET /api/tasks/${task.id}/comments`]: json([]),
      [`POST /api/tasks/${task.id}/viewed`]: json({ displayed: true, timeSpentMs: 1 }),
      [`POST ${completePath}`]: complete,
      'GET /api/tasks': json([]),
    });
    renderApp(`/tasks/${task.id}`);
    return server;
  }

  it('shows the pre-prompt, its version and use case, and authorises only once the text was read to the end', async () => {
    const observer = stubObserver();
    const server = open();
    expect(await screen.findByRole('heading', { level: 1, name: 'Autoriser les réponses automatiques' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Tâches' })).toBeInTheDocument();
    expect(await screen.findByTestId('pre-prompt')).toHaveTextContent('Tu réponds aux sociétaires de la mutuelle');
    expect(screen.getByTestId('prompt-version')).toHaveTextContent('member-chatbot@v2');
    expect(screen.getByText('Chatbot sociétaires · version 2 du pré-prompt')).toBeInTheDocument();

    const approve = screen.getByRole('button', { name: 'Autoriser cette version' });
    expect(approve).toBeDisabled();
    observer.reveal();
    await waitFor(() => expect(approve).toBeEnabled());
    await userEvent.click(approve);
    await waitFor(() => expect(currentRoute()).toBe('/tasks'));
    expect(server.callsTo('POST', `/api/tasks/${task.id}/viewed`)).toHaveLength(0);
    expect(JSON.parse(server.callsTo('POST', completePath)[0].body!)).toEqual({ decision: 'APPROVE', displayedMs: expect.any(Number) });
  });

  it('refuses with a reason, and keeps the server’s refusal in view', async () => {
    const server = open(json({ status: 409, message: 'Cette tâche a déjà été traitée par sam. Rechargez la liste.' }, 409));
    const refuse = await screen.findByRole('button', { name: 'Refuser cette version' });
    await userEvent.click(refuse);
    expect(screen.getByLabelText('Motif du refus')).toHaveAccessibleDescription(/Expliquez pourquoi vous refusez./);
    await userEvent.type(screen.getByLabelText('Motif du refus'), 'Le pré-prompt ne rappelle pas de citer les sources.');
    await userEvent.click(refuse);
    const decisions = screen.getByRole('heading', { level: 2, name: 'Votre décision' }).closest('section') as HTMLElement;
    expect(await within(decisions).findByRole('alert')).toHaveTextContent('déjà été traitée par sam');
    expect(JSON.parse(server.callsTo('POST', completePath)[0].body!)).toEqual({
      decision: 'REJECT', reason: 'Le pré-prompt ne rappelle pas de citer les sources.' });
  });
});
