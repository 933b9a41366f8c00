import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockServer } from '../../test/mockServer';
import { currentRoute, renderApp } from '../../test/render';
import type { User } from '../../types/api';
import type { Home } from './api';

const bob: User = { username: 'bob', displayName: 'Bob Expert', roles: ['EXPERT'], groups: ['experts', 'member-relations-experts'] };
const marc: User = { username: 'marc', displayName: 'Marc Manager', roles: ['MANAGER'], groups: ['managers'] };
const dora: User = { username: 'dora', displayName: 'Dora Protection', roles: ['DPO'], groups: ['dpo'] };

const bobsHome: Home = {
  username: 'bob',
  sections: [
    { key: 'tasks.mine', order: 10, count: 0, link: '/tasks', items: [] },
    {
      key: 'tasks.toTake',
      order: 20,
      count: 7,
      link: '/tasks',
      items: [
        { label: 'Dégât des eaux dans ma cuisine', detail: "Relire le brouillon de l'IA — Claire Martin", link: '/tasks/t-1', flag: 'OVERDUE' },
        { label: 'Résiliation de mon contrat auto', detail: null, link: '/tasks/t-2', flag: null },
      ],
    },
  ],
};

describe('home, « Ce qui m’attend »', () => {
  it('lands a person on their home: counts, the first items as links, their flags and the rest on demand', async () => {
    mockServer({ 'GET /api/me': json(bob), 'GET /api/home': json(bobsHome), 'GET /api/tasks': json({ items: [], total: 0, page: 0, size: 20, counts: null }) });
    renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: "Ce qui m'attend" })).toBeInTheDocument();
    expect(currentRoute()).toBe('/home');
    const toTake = await screen.findByRole('region', { name: /Tâches à prendre/ });
    expect(within(toTake).getByText('7')).toBeInTheDocument();
    const first = within(toTake).getByRole('link', { name: 'Dégât des eaux dans ma cuisine' });
    expect(first).toHaveAttribute('href', '#/tasks/t-1');
    expect(within(toTake).getByText('En retard')).toBeInTheDocument();
    expect(within(toTake).getByText('et 5 de plus')).toBeInTheDocument();
    expect(within(toTake).getByRole('link', { name: 'Tout voir (7)' })).toHaveAttribute('href', '#/tasks');
    // a section with nothing says so, rather than showing an empty box
    expect(within(screen.getByRole('region', { name: /Mes tâches en cours/ })).getByText('Rien pour le moment.')).toBeInTheDocument();
    // and the role's screens are always there
    expect(within(screen.getByRole('navigation', { name: 'Vos écrans' })).getByRole('link', { name: 'Mes indicateurs' })).toBeInTheDocument();

    await userEvent.click(first);
    expect(currentRoute()).toBe('/tasks/t-1');
  });

  it('shows a guardrail crossed on a running experiment, in English too', async () => {
    mockServer({
      'GET /api/me': json(marc),
      'GET /api/home': json({
        username: 'marc',
        sections: [
          {
            key: 'experiments.running',
            order: 40,
            count: 1,
            link: '/experiments',
            items: [{ label: "Compte-rendu d'entretien assisté", detail: null, link: '/experiments/4', flag: 'GUARDRAIL_CROSSED' }],
          },
        ],
      } satisfies Home),
    });
    renderApp('/home');
    const running = await screen.findByRole('region', { name: /Expérimentations et déploiements en cours/ });
    expect(within(running).getByText('Garde-fou franchi')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Langue'), 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'What awaits me' })).toBeInTheDocument();
    expect(screen.getByText('Guardrail crossed')).toBeInTheDocument();
  });

  it('never leaves a role on an empty page: a section without items still links to its screen', async () => {
    mockServer({
      'GET /api/me': json(dora),
      'GET /api/home': json({ username: 'dora', sections: [{ key: 'privacy.due', order: 60, count: 3, link: '/privacy', items: [] }] } satisfies Home),
    });
    renderApp('/home');
    const due = await screen.findByRole('region', { name: /durée de conservation est échue/ });
    expect(within(due).getByRole('link', { name: 'Tout voir (3)' })).toHaveAttribute('href', '#/privacy');
    expect(within(screen.getByRole('navigation', { name: 'Vos écrans' })).getByRole('link', { name: 'Protection des données' })).toHaveAttribute(
      'href',
      '#/privacy',
    );
  });
});
