import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockServer } from '../../test/mockServer';
import { currentRoute, renderApp } from '../../test/render';
import type { User } from '../../types/api';
import type { Notification, NotificationPage, NotificationSettings } from './api';

const bob: User = { username: 'bob', displayName: 'Bob Expert', roles: ['EXPERT'], groups: ['experts', 'member-relations-experts'] };

const fresh: Notification = {
  id: 7,
  kind: 'ASSIGNED',
  taskId: 't-7',
  taskKey: 'review',
  caseId: 42,
  taskName: "Relire le brouillon de l'IA",
  subject: 'Dégât des eaux dans ma cuisine',
  taskOpen: true,
  createdAt: '2026-12-04T09:30:00Z',
  read: false,
};
const old: Notification = {
  ...fresh,
  id: 3,
  kind: 'NEW_TASK',
  taskId: 't-3',
  subject: null,
  taskOpen: false,
  read: true,
};

const settings: NotificationSettings = { kinds: ['NEW_TASK', 'ASSIGNED', 'DUE_TOMORROW', 'RETURNED'], dailyDigest: false, email: 'bob@tandem.example' };

function server(unread: { n: number }) {
  return mockServer({
    'GET /api/me': json(bob),
    'GET /api/notifications/unread-count': () => json({ unread: unread.n }),
    'GET /api/notifications': () =>
      json({ items: [{ ...fresh, read: unread.n === 0 }, old], total: 2, unread: unread.n, page: 0, size: 20 } satisfies NotificationPage),
    'POST /api/notifications/7/read': () => {
      unread.n = 0;
      return new Response(null, { status: 204 });
    },
    'POST /api/notifications/read-all': () => {
      unread.n = 0;
      return json({ marked: 1 });
    },
    'GET /api/me/notification-settings': json(settings),
    'PUT /api/me/notification-settings': (call) => json({ ...settings, ...JSON.parse(call.body ?? '{}') }),
  });
}

describe('notifications', () => {
  it('lists mine, newest first, unread marked, and marking one read empties the bell', async () => {
    const calls = server({ n: 1 });
    renderApp('/notifications');

    expect(await screen.findByRole('heading', { level: 1, name: 'Notifications' })).toBeInTheDocument();
    const first = (await screen.findByText('Tâche qui vous est confiée', { selector: 'strong' })).closest('li')!;
    expect(within(first).getByText(/Non lue/)).toBeInTheDocument();
    expect(within(first).getByText('Tâche qui vous est confiée')).toBeInTheDocument();
    expect(within(first).getByRole('link', { name: 'Dégât des eaux dans ma cuisine' })).toHaveAttribute('href', '#/tasks/t-7');
    // a done task leads to its case
    const second = screen.getByText('Nouvelle tâche pour votre groupe', { selector: 'strong' }).closest('li')!;
    expect(within(second).getByRole('link', { name: 'Dossier n° 42' })).toHaveAttribute('href', '#/cases/42');
    expect(within(second).getByText('Lue')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Notifications : 1 non lue(s)' })).toBeInTheDocument();

    await userEvent.click(within(first).getByRole('button', { name: /Marquer comme lue/ }));
    expect(calls.callsTo('POST', '/api/notifications/7/read')).toHaveLength(1);
    expect(await screen.findByRole('link', { name: 'Notifications : aucune non lue' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: /Marquer comme lue/ })).not.toBeInTheDocument());
  });

  it('follows a notification to its task and marks it read on the way', async () => {
    const calls = server({ n: 1 });
    renderApp('/notifications');
    await userEvent.click(await screen.findByRole('link', { name: 'Dégât des eaux dans ma cuisine' }));
    expect(currentRoute()).toBe('/tasks/t-7');
    expect(calls.callsTo('POST', '/api/notifications/7/read')).toHaveLength(1);
  });

  it('saves the settings, and says why there is no digest without an address', async () => {
    const calls = server({ n: 0 });
    renderApp('/notifications');
    const form = await screen.findByRole('region', { name: 'Vos préférences de notification' });
    await userEvent.click(await within(form).findByRole('checkbox', { name: 'Nouvelle tâche pour votre groupe' }));
    await userEvent.click(within(form).getByRole('checkbox', { name: /Recevoir chaque matin/ }));
    expect(within(form).getByText('Envoyé à bob@tandem.example.')).toBeInTheDocument();
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer mes préférences' }));
    expect(await within(form).findByRole('status')).toHaveTextContent('Préférences enregistrées.');
    const put = calls.callsTo('PUT', '/api/me/notification-settings');
    expect(JSON.parse(put[0].body!)).toEqual({ kinds: ['ASSIGNED', 'DUE_TOMORROW', 'RETURNED'], dailyDigest: true });
  });

  it('cannot offer the digest to an account without an address', async () => {
    mockServer({
      'GET /api/me': json(bob),
      'GET /api/notifications/unread-count': json({ unread: 0 }),
      'GET /api/notifications': json({ items: [], total: 0, unread: 0, page: 0, size: 20 }),
      'GET /api/me/notification-settings': json({ ...settings, email: null }),
    });
    renderApp('/notifications');
    expect(await screen.findByText("Aucune notification pour l'instant.")).toBeInTheDocument();
    const digest = await screen.findByRole('checkbox', { name: /Recevoir chaque matin/ });
    expect(digest).toBeDisabled();
    expect(screen.getByText(/Votre compte n'a pas d'adresse e-mail/)).toBeInTheDocument();
  });
});
