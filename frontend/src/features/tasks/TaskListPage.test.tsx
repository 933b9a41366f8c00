import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { alice, bob, json, mockServer, setCookie } from '../../test/mockServer';
import { renderApp } from '../../test/render';
import { listItemOf, taskPage } from '../../test/tasks';
import { TASKS_REFRESH_MS } from './TaskListPage';

const useCases = [{ key: 'reply-letter', name: 'Courrier de réponse à un sociétaire', nameEn: 'Reply letter', description: null }];

function server(routes: Record<string, unknown>) {
  return mockServer({ 'GET /api/me': json(bob), 'GET /api/use-cases': json(useCases), 'GET /api/task-filters': json([]), ...routes } as never);
}

function lastQuery(calls: { method: string; url: string }[]): URLSearchParams {
  const list = calls.filter((c) => c.method === 'GET' && c.url.startsWith('/api/tasks?'));
  return new URLSearchParams(list[list.length - 1].url.split('?')[1]);
}

afterEach(() => {
  vi.useRealTimers();
  window.sessionStorage.clear();
});

// each test drives many screens: on a busy shared machine they need more than the default 5 s
describe('task list', { timeout: 30_000 }, () => {
  it('lists the tasks of the expert with a link to each, marked with their kind', async () => {
    const review = listItemOf('review');
    const approve = listItemOf('approve', { caseId: 13, subject: 'Changement d’adresse', assignee: 'carol' });
    server({ 'GET /api/tasks': json(taskPage([review, approve])) });
    renderApp('/tasks');
    const link = await screen.findByRole('link', { name: "Relire le brouillon de l'IA" });
    expect(link).toHaveAttribute('href', `#/tasks/${review.id}`);
    expect(link).toHaveAccessibleDescription('Retard de remboursement');
    expect(link.closest('tr')).toHaveAttribute('data-task-key', 'review');
    expect(screen.getByRole('link', { name: 'Approuver le contenu' }).closest('tr')).toHaveAttribute('data-task-key', 'approve');
    expect(screen.getAllByRole('cell', { name: 'Camille Martin' })).toHaveLength(2);
    expect(screen.getByText('Personne')).toBeInTheDocument();
    expect(screen.getByText('carol')).toBeInTheDocument();
    expect(screen.getByText('1–2 sur 2')).toBeInTheDocument();
  });

  it('translates the known task names in English', async () => {
    window.localStorage.setItem('tandem.lang', 'en');
    server({ 'GET /api/tasks': json(taskPage([listItemOf('edit'), listItemOf('custom', { name: 'Tâche maison' })])) });
    renderApp('/tasks');
    expect(await screen.findByRole('link', { name: 'Edit the content' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Tâche maison' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /My tasks/ })).toBeInTheDocument();
    window.localStorage.removeItem('tandem.lang');
  });

  it('is open to advisers, who may have a letter to write by hand', async () => {
    mockServer({ 'GET /api/me': json(alice), 'GET /api/use-cases': json(useCases), 'GET /api/task-filters': json([]),
      'GET /api/tasks': json(taskPage([listItemOf('handDraft')])) });
    renderApp('/tasks');
    expect(await screen.findByRole('link', { name: 'Rédiger à la main' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Tâches' })).toHaveAttribute('aria-current', 'page');
  });

  it('shows the count of each scope and asks the API for the chosen scope, filters and sort', async () => {
    const s = server({ 'GET /api/tasks': json(taskPage([listItemOf('review')], { mine: 3, groups: 7, all: 10, overdue: 2 })) });
    renderApp('/tasks');
    const mine = await screen.findByRole('button', { name: /Mes tâches\s*3/ });
    expect(screen.getByRole('button', { name: /À prendre dans mes groupes\s*7/ })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('button', { name: /Tout ce que je peux voir\s*10/ })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(mine);
    await waitFor(() => expect(lastQuery(s.calls).get('scope')).toBe('mine'));
    expect(mine).toHaveAttribute('aria-pressed', 'true');

    await userEvent.selectOptions(screen.getByLabelText("Cas d'usage"), 'reply-letter');
    await waitFor(() => expect(lastQuery(s.calls).get('useCase')).toBe('reply-letter'));
    expect(screen.getByRole('option', { name: 'Courrier de réponse à un sociétaire (1)' })).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Priorité'), '75');
    await waitFor(() => expect(lastQuery(s.calls).get('minPriority')).toBe('75'));

    await userEvent.type(screen.getByLabelText("Texte dans l'objet"), 'remboursement{Enter}');
    await waitFor(() => expect(lastQuery(s.calls).get('text')).toBe('remboursement'));
    expect(lastQuery(s.calls).get('scope')).toBe('mine');

    await userEvent.click(screen.getByRole('button', { name: 'Échéance' }));
    await waitFor(() => expect(lastQuery(s.calls).get('sort')).toBe('due'));
    expect(lastQuery(s.calls).get('order')).toBe('asc');
    expect(screen.getByRole('columnheader', { name: /Échéance/ })).toHaveAttribute('aria-sort', 'ascending');

    await userEvent.click(screen.getByRole('button', { name: /En retard\s*2/ }));
    await waitFor(() => expect(lastQuery(s.calls).get('status')).toBe('overdue'));

    await userEvent.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    await waitFor(() => expect(lastQuery(s.calls).get('text')).toBeNull());
    expect(lastQuery(s.calls).get('useCase')).toBeNull();
    expect(lastQuery(s.calls).get('scope')).toBe('mine');
  });

  it('shows a refused filter in French next to its field', async () => {
    server({
      'GET /api/tasks': (call: { url: string }) =>
        call.url.includes('dueAfter=')
          ? json({ status: 400, message: "La date « échéance avant » doit suivre la date « échéance après ».",
              fieldErrors: { dueBefore: "La date « échéance avant » doit suivre la date « échéance après »." } }, 400)
          : json(taskPage([listItemOf('review')])),
    });
    renderApp('/tasks');
    await screen.findByRole('link', { name: "Relire le brouillon de l'IA" });
    await userEvent.type(screen.getByLabelText('Échéance à partir du'), '2026-12-10');
    await userEvent.type(screen.getByLabelText("Échéance jusqu'au"), '2026-12-01');
    await userEvent.click(screen.getByRole('button', { name: 'Filtrer' }));
    const field = await screen.findByLabelText("Échéance jusqu'au");
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription("La date « échéance avant » doit suivre la date « échéance après ».");
  });

  it('claims a task, and shows who was quicker next to the button when the claim comes too late', async () => {
    setCookie('XSRF-TOKEN', 'tok');
    const free = listItemOf('review');
    const other = listItemOf('edit', { id: 'other-task', subject: 'Autre objet' });
    let claimed = false;
    const s = server({
      'GET /api/tasks': () => json(taskPage([claimed ? { ...free, assignee: 'bob' } : free, other])),
      [`POST /api/tasks/${free.id}/claim`]: () => {
        claimed = true;
        return json({ ...free, assignee: 'bob' });
      },
      'POST /api/tasks/other-task/claim': json({ status: 409, message: 'Cette tâche vient d’être prise en charge par carol. Rechargez la liste.' }, 409),
    });
    renderApp('/tasks');
    await userEvent.click(await screen.findByRole('button', { name: 'Prendre : Retard de remboursement' }));
    expect(await screen.findByText('Tâche prise en charge.')).toBeInTheDocument();
    expect(s.callsTo('POST', `/api/tasks/${free.id}/claim`)[0].headers['x-xsrf-token']).toBe('tok');
    const row = (await screen.findByText('moi')).closest('tr')!;
    expect(within(row).getByRole('button', { name: 'Rendre : Retard de remboursement' })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: /Dates…/ })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Prendre : Autre objet' }));
    const otherRow = screen.getByText('Autre objet').closest('tr')!;
    expect(await within(otherRow).findByRole('alert')).toHaveTextContent('prise en charge par carol');
  });

  it('hands a task over to a member of its group', async () => {
    setCookie('XSRF-TOKEN', 'tok');
    const mine = listItemOf('review', { assignee: 'bob' });
    const s = server({
      'GET /api/tasks': json(taskPage([mine])),
      [`GET /api/tasks/${mine.id}/candidates`]: json([{ username: 'carol', displayName: 'Carole Petit' }]),
      [`POST /api/tasks/${mine.id}/hand-over`]: json({ ...mine, assignee: 'carol' }),
    });
    renderApp('/tasks');
    await userEvent.click(await screen.findByRole('button', { name: /Confier… Retard de remboursement/ }));
    expect(await screen.findByLabelText('Confier à')).toHaveValue('carol');
    await userEvent.click(screen.getByRole('button', { name: 'Confier' }));
    expect(await screen.findByText('Tâche confiée à Carole Petit.')).toBeInTheDocument();
    expect(JSON.parse(s.callsTo('POST', `/api/tasks/${mine.id}/hand-over`)[0].body!)).toEqual({ username: 'carol' });
  });

  it('sets the due date of my task and shows a refused date next to its field', async () => {
    setCookie('XSRF-TOKEN', 'tok');
    const mine = listItemOf('review', { assignee: 'bob' });
    server({
      'GET /api/tasks': json(taskPage([mine])),
      [`PUT /api/tasks/${mine.id}/dates`]: json({ status: 400, message: "L'échéance ne peut pas être dans le passé.",
        fieldErrors: { due: "L'échéance ne peut pas être dans le passé." } }, 400),
    });
    renderApp('/tasks');
    await userEvent.click(await screen.findByRole('button', { name: /Dates… Retard de remboursement/ }));
    await userEvent.type(screen.getByLabelText('Échéance', { selector: 'input' }), '2020-01-01');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer les dates' }));
    const due = screen.getByLabelText('Échéance', { selector: 'input' });
    await waitFor(() => expect(due).toHaveAccessibleDescription("L'échéance ne peut pas être dans le passé."));
  });

  it('applies a saved filter of my group and saves the current filters for it', async () => {
    setCookie('XSRF-TOKEN', 'tok');
    const saved = { id: 4, name: 'Courriers urgents', groupId: 'experts-courrier', owner: 'carol', mine: false,
      createdAt: '2026-11-20T10:00:00Z', criteria: { scope: 'groups', useCase: 'reply-letter', minPriority: 75 } };
    const s = server({
      'GET /api/tasks': json(taskPage([listItemOf('review')])),
      'GET /api/task-filters': json([saved]),
      'POST /api/task-filters': json({ ...saved, id: 5, name: 'Mes relances', owner: 'bob', mine: true }, 201),
    });
    renderApp('/tasks');
    await screen.findByRole('option', { name: 'Courriers urgents (experts-courrier)' });
    await userEvent.selectOptions(screen.getByLabelText('Filtres enregistrés'), '4');
    await waitFor(() => expect(lastQuery(s.calls).get('minPriority')).toBe('75'));
    expect(lastQuery(s.calls).get('scope')).toBe('groups');
    await userEvent.type(screen.getByLabelText('Nom du filtre'), 'Mes relances');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer ces filtres' }));
    expect(await screen.findByText('Filtre « Mes relances » enregistré pour le groupe experts-courrier.')).toBeInTheDocument();
    expect(JSON.parse(s.callsTo('POST', '/api/task-filters')[0].body!)).toMatchObject({
      name: 'Mes relances', groupId: 'experts-courrier', criteria: { scope: 'groups', useCase: 'reply-letter', minPriority: 75 },
    });
  });

  it('asks the page uncounted and takes the total and the counts from a request of their own (P4)', async () => {
    const s = server({
      'GET /api/tasks': (call: { url: string }) =>
        call.url.includes('total=false')
          ? json({ ...taskPage([listItemOf('review')]), total: null, counts: null })
          : json({ ...taskPage([listItemOf('review')], { mine: 0, groups: 120, all: 120 }), total: 120 }),
    });
    renderApp('/tasks');
    expect(await screen.findByText('1–1 sur 120')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Tout ce que je peux voir\s*120/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Page suivante' })).toBeEnabled();
    const lists = s.calls.filter((c) => c.url.startsWith('/api/tasks?'));
    expect(lists.some((c) => c.url.includes('counts=false&total=false') && c.url.includes('size=50'))).toBe(true);
    expect(lists.some((c) => /[?&]size=1(&|$)/.test(c.url) && !c.url.includes('counts=false'))).toBe(true);
  });

  it('refreshes by itself, and not while the tab is hidden', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const s = server({ 'GET /api/tasks': json(taskPage([listItemOf('review')])) });
    renderApp('/tasks');
    await screen.findByRole('link', { name: "Relire le brouillon de l'IA" });
    // the page comes uncounted, the total and the counts in their own request (size=1) beside it
    const count = () => s.calls.filter((c) => c.url.startsWith('/api/tasks?') && c.url.includes('total=false')).length;
    await waitFor(() => expect(s.calls.filter((c) => c.url.startsWith('/api/tasks?') && /[?&]size=1(&|$)/.test(c.url)).length).toBeGreaterThan(0));
    const before = count();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(TASKS_REFRESH_MS + 100);
    });
    await waitFor(() => expect(count()).toBe(before + 1));
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const hidden = count();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(TASKS_REFRESH_MS * 3);
    });
    expect(count()).toBeLessThanOrEqual(hidden + 1);
    const settled = count();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(TASKS_REFRESH_MS * 3);
    });
    expect(count()).toBe(settled);
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(() => expect(count()).toBe(settled + 1));
  });
});
