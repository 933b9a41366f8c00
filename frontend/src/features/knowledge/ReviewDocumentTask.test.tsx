import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bob, json, mockServer, setCookie } from '../../test/mockServer';
import { currentRoute, renderApp } from '../../test/render';
import { taskOf } from '../../test/tasks';
import type { TaskSummary } from '../../types/api';
import { detail, marc } from '../../test/knowledge';

afterEach(() => vi.unstubAllGlobals());

const task: TaskSummary = {
  ...taskOf('reviewDocument', { name: 'Relire le document', subject: 'Dégât des eaux — démarches (SIN-DDE-01)' }),
  caseId: null as unknown as number,
  useCaseKey: null as unknown as string,
  useCaseName: null as unknown as string,
  memberName: null as unknown as string,
};
const completePath = `/api/knowledge/reviews/${task.id}/complete`;

function open(path: string, complete: Parameters<typeof mockServer>[0][string] = new Response(null, { status: 204 }), user = bob) {
  setCookie('XSRF-TOKEN', 'tok');
  const server = mockServer({
    'GET /api/me': json(user),
    [`GET /api/tasks/${task.id}`]: json({ task, case: null }),
    [`GET /api/tasks/${task.id}/comments`]: json([]),
    [`GET /api/knowledge/reviews/${task.id}`]: json({
      taskId: task.id,
      reference: 'SIN-DDE-01',
      title: 'Dégât des eaux — démarches',
      collection: 'sinistres',
      lastReviewed: '2025-10-01',
      reviewDue: '2026-10-01',
      owner: 'ines',
      assignee: null,
      createdAt: '2026-12-01T06:00:00Z',
    }),
    'GET /api/knowledge/documents/SIN-DDE-01': json(detail()),
    'GET /api/knowledge/documents': json([]),
    'GET /api/knowledge/stale': json([]),
    'GET /api/tasks': json({ items: [], total: 0, page: 0, size: 50, counts: { mine: 0, groups: 0, all: 0, overdue: 0, byUseCase: {} } }),
    [`POST ${completePath}`]: complete,
  });
  renderApp(path);
  return server;
}

describe('« Relire le document », the owner’s review of a stale document', { timeout: 30_000 }, () => {
  it('opens from the task list with the document and its passages, and confirms it', async () => {
    const server = open(`/tasks/${task.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Relire le document' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 3, name: 'Passage 1 — Déclarer' })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Commentaire (facultatif)'), 'Barème 2026 vérifié.');
    await userEvent.click(screen.getByRole('button', { name: 'Confirmer le document' }));
    await waitFor(() => expect(currentRoute()).toBe('/tasks'));
    expect(JSON.parse(server.callsTo('POST', completePath)[0].body!)).toEqual({
      decision: 'CONFIRM',
      comment: 'Barème 2026 vérifié.',
      title: null,
      body: null,
    });
  });

  it('updates the document with its new text, which counts as the review', async () => {
    const server = open(`/tasks/${task.id}`);
    const body = await screen.findByLabelText('Contenu');
    expect(body).toHaveValue(detail().body);
    await userEvent.clear(body);
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer la mise à jour' }));
    expect(body).toHaveAccessibleDescription(/Le contenu mis à jour du document est obligatoire\./);
    expect(server.callsTo('POST', completePath)).toHaveLength(0);

    await userEvent.type(body, '## Déclarer{enter}{enter}Le sociétaire déclare le sinistre sous dix jours.');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer la mise à jour' }));
    await waitFor(() => expect(currentRoute()).toBe('/tasks'));
    expect(JSON.parse(server.callsTo('POST', completePath)[0].body!)).toEqual({
      decision: 'UPDATE',
      comment: null,
      title: 'Dégât des eaux — démarches',
      body: '## Déclarer\n\nLe sociétaire déclare le sinistre sous dix jours.',
    });
  });

  it('retires the document only with a reason, and shows the server’s refusal next to it', async () => {
    const server = open(
      `/tasks/${task.id}`,
      json({ status: 400, message: 'Indiquez pourquoi le document est retiré.', fieldErrors: { comment: 'Indiquez pourquoi le document est retiré.' } }, 400),
    );
    const retire = await screen.findByRole('button', { name: 'Retirer le document' });
    await userEvent.click(retire);
    const reason = screen.getByLabelText('Pourquoi le retirer ?');
    expect(reason).toHaveFocus();
    expect(server.callsTo('POST', completePath)).toHaveLength(0);

    await userEvent.type(reason, ' . ');
    await userEvent.click(retire);
    await waitFor(() => expect(reason).toHaveAttribute('aria-invalid', 'true'));
    expect(reason).toHaveAccessibleDescription(/Indiquez pourquoi le document est retiré\./);
    expect(currentRoute()).toBe(`/tasks/${task.id}`);
  });

  it('opens from the knowledge base for an owner without a task list, and goes back there', async () => {
    const server = open(`/knowledge/reviews/${task.id}`, new Response(null, { status: 204 }), marc);
    await userEvent.type(await screen.findByLabelText('Pourquoi le retirer ?'), 'Offre arrêtée.');
    await userEvent.click(screen.getByRole('button', { name: 'Retirer le document' }));
    await waitFor(() => expect(currentRoute()).toBe('/knowledge'));
    expect(await screen.findByText('« Dégât des eaux — démarches » est retiré.')).toBeInTheDocument();
    expect(JSON.parse(server.callsTo('POST', completePath)[0].body!)).toMatchObject({ decision: 'RETIRE', comment: 'Offre arrêtée.' });
  });
});
