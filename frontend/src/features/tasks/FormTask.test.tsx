import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRef } from 'react';
import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../lib/i18n';
import { bob, caseView, json, mockServer, setCookie } from '../../test/mockServer';
import { currentRoute, renderApp } from '../../test/render';
import { taskOf, taskPageRoutes } from '../../test/tasks';
import { CamundaForm, type CamundaFormHandle } from './components/CamundaForm';
import { completionOf } from './FormTask';

/** The real form the chatbot's post-review task names (camunda:formRef="post-review"). */
const postReviewForm = JSON.parse(readFileSync(resolve(process.cwd(), '../forms/post-review.form'), 'utf8'));

// form-js is a large module: its first import (transformed on the fly) takes seconds on a busy machine
const FORM_JS = { timeout: 60_000 };
configure({ asyncUtilTimeout: 20_000 });

describe('CamundaForm', FORM_JS, () => {
  it('renders a form of forms/ with form-js, filled with the data, and returns the values', async () => {
    const handle = createRef<CamundaFormHandle>();
    render(
      <I18nProvider initial="fr">
        <CamundaForm ref={handle} schema={postReviewForm} data={{ answer: 'Vos horaires : 9 h – 18 h.' }} />
      </I18nProvider>,
    );
    const answer = await screen.findByLabelText('Réponse envoyée', {}, { timeout: 30_000 });
    expect(answer).toHaveValue('Vos horaires : 9 h – 18 h.');
    expect(answer).toHaveAttribute('readonly');
    // required decision: the form says so and gives no values
    const invalid = handle.current!.submit()!;
    expect(Object.keys(invalid.errors)).not.toHaveLength(0);
    await userEvent.click(screen.getByLabelText('Réponse à corriger'));
    await userEvent.type(screen.getByLabelText('Ce qui ne va pas'), 'Horaires faux le samedi.');
    // form-js debounces what is typed, and flushes it when the field loses focus (as a click on « Envoyer » does)
    await userEvent.tab();
    const result = handle.current!.submit()!;
    expect(result.errors).toEqual({});
    expect(result.data).toMatchObject({ decision: 'REJECT', reason: 'Horaires faux le samedi.' });
  });
});

describe('completionOf', () => {
  it('keeps the decision and its reason, instruction or text, and refuses an unknown decision', () => {
    expect(completionOf({ decision: 'REJECT', reason: 'Faux.', answer: 'x' })).toEqual({
      decision: 'REJECT',
      reason: 'Faux.',
      instruction: undefined,
      text: undefined,
    });
    expect(completionOf({ decision: 'SUBMIT', text: 'Texte' })?.text).toBe('Texte');
    expect(completionOf({ decision: 'PUBLISH' })).toBeNull();
    expect(completionOf({})).toBeNull();
  });
});

describe('a task without a screen of its own', FORM_JS, () => {
  it('shows its Camunda Form and completes the task with the decision taken in it', async () => {
    // a task kind with no screen of its own (post-review and authorisation now have theirs)
    const task = taskOf('sampleCheck', { name: 'Relire une réponse envoyée' });
    setCookie('XSRF-TOKEN', 'tok');
    const server = mockServer({
      'GET /api/me': json(bob),
      [`GET /api/tasks/${task.id}`]: json({ task, case: caseView({ useCaseKey: 'member-chatbot' }) }),
      [`GET /api/tasks/${task.id}/form`]: json({ formKey: 'post-review', schema: postReviewForm, data: { answer: 'Réponse du chatbot.' } }),
      [`POST /api/tasks/${task.id}/complete`]: json({ completed: true }),
      ...taskPageRoutes(task),
      'GET /api/tasks': json([]),
    });
    renderApp(`/tasks/${task.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Relire une réponse envoyée' })).toBeInTheDocument();
    expect(await screen.findByLabelText('Réponse envoyée', {}, { timeout: 30_000 })).toHaveValue('Réponse du chatbot.');
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer la décision' }));
    expect(await screen.findByText('Corrigez les champs signalés dans le formulaire.')).toBeInTheDocument();
    expect(server.callsTo('POST', `/api/tasks/${task.id}/complete`)).toHaveLength(0);
    await userEvent.click(screen.getByLabelText('Réponse correcte'));
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer la décision' }));
    await waitFor(() => expect(currentRoute()).toBe('/tasks'));
    expect(JSON.parse(server.callsTo('POST', `/api/tasks/${task.id}/complete`)[0].body!)).toMatchObject({ decision: 'ACCEPT' });
  });
});
