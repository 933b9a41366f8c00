import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { bob, json, mockServer } from '../../test/mockServer';
import { renderApp } from '../../test/render';
import { listItemOf, taskPage } from '../../test/tasks';

const useCases = [{ key: 'reply-letter', name: 'Courrier de réponse à un sociétaire', nameEn: 'Reply letter', description: null }];

function savedFilter(id: number, name: string, count: number | null) {
  return { id, name, groupId: 'experts-courrier', owner: 'bob', criteria: { scope: 'mine' }, createdAt: '2026-12-01T08:00:00Z', mine: true, count };
}

afterEach(() => window.sessionStorage.clear());

describe('task list: suspended tasks, saved filter counts, errors in place', { timeout: 30_000 }, () => {
  it('marks a suspended task « Suspendue » and offers no action on it', async () => {
    const suspended = listItemOf('review', { id: 'task-s', subject: 'Dossier gelé', suspended: true });
    const active = listItemOf('review', { id: 'task-a', subject: 'Dossier actif' });
    mockServer({ 'GET /api/me': json(bob), 'GET /api/use-cases': json(useCases), 'GET /api/task-filters': json([]),
      'GET /api/tasks': json(taskPage([suspended, active])) });
    renderApp('/tasks');
    const frozen = (await screen.findByRole('cell', { name: 'Dossier gelé' })).closest('tr') as HTMLElement;
    expect(within(frozen).getByText('Suspendue')).toBeInTheDocument();
    expect(within(frozen).queryByRole('button', { name: /^Prendre/ })).toBeNull();
    expect(within(frozen).getByText(/aucune action possible/)).toBeInTheDocument();
    const open = screen.getByRole('cell', { name: 'Dossier actif' }).closest('tr') as HTMLElement;
    expect(within(open).queryByText('Suspendue')).toBeNull();
    expect(within(open).getByRole('button', { name: /^Prendre/ })).toBeInTheDocument();
  });

  it('asks the API to include, exclude or show only the suspended tasks', async () => {
    const s = mockServer({ 'GET /api/me': json(bob), 'GET /api/use-cases': json(useCases), 'GET /api/task-filters': json([]),
      'GET /api/tasks': json(taskPage([listItemOf('review')])) });
    renderApp('/tasks');
    const select = await screen.findByLabelText('Dossiers suspendus');
    await userEvent.selectOptions(select, 'exclude');
    await waitFor(() => expect(s.callsTo('GET', '/api/tasks').at(-1)?.url).toContain('suspended=exclude'));
    await userEvent.selectOptions(select, 'only');
    await waitFor(() => expect(s.callsTo('GET', '/api/tasks').at(-1)?.url).toContain('suspended=only'));
    await userEvent.selectOptions(select, 'include');
    await waitFor(() => expect(s.callsTo('GET', '/api/tasks').at(-1)?.url).not.toContain('suspended='));
  });

  it('shows how many tasks each saved filter selects, fetched again with the list', async () => {
    let counted = 0;
    const s = mockServer({ 'GET /api/me': json(bob), 'GET /api/use-cases': json(useCases),
      'GET /api/task-filters': () => json([savedFilter(1, 'Urgents', 4 + counted++)]),
      'GET /api/tasks': json(taskPage([listItemOf('review')])) });
    renderApp('/tasks');
    expect(await screen.findByRole('option', { name: /Urgents \(experts-courrier\) — \d+ tâche\(s\)/ })).toBeInTheDocument();
    expect(s.callsTo('GET', '/api/task-filters').every((c) => c.url.includes('counts=true'))).toBe(true);
    const before = s.callsTo('GET', '/api/task-filters').length;
    await userEvent.click(screen.getByRole('button', { name: /Mes tâches/ }));
    await waitFor(() => expect(s.callsTo('GET', '/api/task-filters').length).toBeGreaterThan(before));
    expect(await screen.findByRole('option', { name: `Urgents (experts-courrier) — ${4 + counted - 1} tâche(s)` })).toBeInTheDocument();
  });

  it('shows a refusal about a parameter the form has no field for above the list, not nowhere', async () => {
    mockServer({ 'GET /api/me': json(bob), 'GET /api/use-cases': json(useCases), 'GET /api/task-filters': json([]),
      'GET /api/tasks': json({ status: 400, message: 'Cette page est hors de la liste.', fieldErrors: { page: 'Cette page est hors de la liste.' } }, 400) });
    renderApp('/tasks');
    expect(await screen.findByRole('alert')).toHaveTextContent('Cette page est hors de la liste.');
  });

  it('shows a refused criterion of a saved filter next to the save button', async () => {
    mockServer({ 'GET /api/me': json(bob), 'GET /api/use-cases': json(useCases), 'GET /api/task-filters': json([]),
      'GET /api/tasks': json(taskPage([listItemOf('review')])),
      'POST /api/task-filters': json({ status: 400, message: 'La date « 2020-13-01 » n\'est pas valide (format AAAA-MM-JJ).',
        fieldErrors: { dueAfter: 'La date « 2020-13-01 » n\'est pas valide (format AAAA-MM-JJ).' } }, 400) });
    renderApp('/tasks');
    await userEvent.type(await screen.findByLabelText('Nom du filtre'), 'Mes urgents');
    const save = screen.getByRole('button', { name: 'Enregistrer ces filtres' });
    await userEvent.click(save);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('AAAA-MM-JJ');
    expect(save.closest('form')).toContainElement(alert);
  });

  it('shows a hand-over refusal about another field under the row buttons', async () => {
    const free = listItemOf('review', { id: 'task-f', subject: 'À confier' });
    mockServer({ 'GET /api/me': json(bob), 'GET /api/use-cases': json(useCases), 'GET /api/task-filters': json([]),
      'GET /api/tasks': json(taskPage([free])),
      'POST /api/tasks/task-f/claim': json({ status: 400, message: 'Refusé.', fieldErrors: { other: 'Refusé pour une autre raison.' } }, 400) });
    renderApp('/tasks');
    const row = (await screen.findByRole('cell', { name: 'À confier' })).closest('tr') as HTMLElement;
    await userEvent.click(within(row).getByRole('button', { name: /^Prendre/ }));
    expect(await within(row).findByRole('alert')).toHaveTextContent('Refusé pour une autre raison.');
  });
});
