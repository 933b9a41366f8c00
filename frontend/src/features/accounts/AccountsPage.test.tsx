import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockServer, setCookie } from '../../test/mockServer';
import { renderApp } from '../../test/render';
import type { User } from '../../types/api';

afterEach(() => vi.unstubAllGlobals());

const admin: User = { username: 'admin', displayName: 'Admin Tandem', roles: ['ADMIN'], groups: ['camunda-admin'] };
const GROUPS = [
  { id: 'advisers', name: 'Conseillers', role: 'ADVISER' },
  { id: 'managers', name: 'Managers', role: 'MANAGER' },
  { id: 'camunda-admin', name: 'Administrateurs', role: 'ADMIN' },
  { id: 'member-relations-experts', name: "Experts — Courrier de réponse à un sociétaire", role: null },
];
const list = (accounts: unknown[]) => json({ accounts, groups: GROUPS, minPasswordLength: 12 });
const ADMIN_ACCOUNT = { username: 'admin', firstName: 'Admin', lastName: 'Tandem', email: null, groups: ['camunda-admin'] };

describe("the administrator's accounts", { timeout: 30_000 }, () => {
  it('lists the accounts with their roles and opens one with a role and a use case’s group', async () => {
    setCookie('XSRF-TOKEN', 'tok');
    let accounts: unknown[] = [ADMIN_ACCOUNT];
    const api = mockServer({
      'GET /api/me': json(admin),
      'GET /api/admin/accounts': () => list(accounts),
      'POST /api/admin/accounts': () => {
        const lea = { username: 'lea-martin', firstName: 'Léa', lastName: 'Martin', email: null, groups: ['advisers', 'member-relations-experts'] };
        accounts = [ADMIN_ACCOUNT, lea];
        return json(lea, 201);
      },
    });
    renderApp('/admin/accounts');
    expect(await screen.findByRole('heading', { level: 1, name: 'Comptes' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Les comptes, leurs rôles et leurs groupes' });
    expect(within(table).getByRole('row', { name: /admin/ })).toHaveTextContent('Administrateur·rice');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Identifiant'), 'lea-martin');
    await user.type(screen.getByLabelText('Prénom'), 'Léa');
    await user.type(screen.getByLabelText('Nom'), 'Martin');
    await user.type(screen.getByLabelText('Mot de passe provisoire'), 'un-mot-de-passe-sur');
    await user.click(within(screen.getByRole('group', { name: 'Rôles' })).getByRole('checkbox', { name: 'Conseiller·ère' }));
    await user.click(screen.getByRole('checkbox', { name: "Experts — Courrier de réponse à un sociétaire" }));
    await user.click(screen.getByRole('button', { name: 'Créer le compte' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Le compte « lea-martin » est créé (Léa Martin).');
    expect(JSON.parse(String(api.callsTo('POST', '/api/admin/accounts')[0].body))).toEqual({
      username: 'lea-martin',
      firstName: 'Léa',
      lastName: 'Martin',
      email: null,
      password: 'un-mot-de-passe-sur',
      groups: ['advisers', 'member-relations-experts'],
    });
    await waitFor(() => expect(within(table).getByRole('row', { name: /lea-martin/ })).toHaveTextContent("Conseiller·ère, Experts — Courrier de réponse à un sociétaire"));
  });

  it('shows a refused field next to it', async () => {
    setCookie('XSRF-TOKEN', 'tok');
    mockServer({
      'GET /api/me': json(admin),
      'GET /api/admin/accounts': () => list([ADMIN_ACCOUNT]),
      'POST /api/admin/accounts': json(
        { status: 400, message: 'Le mot de passe compte au moins 12 caractères (et au plus 128).', fieldErrors: { password: 'Le mot de passe compte au moins 12 caractères (et au plus 128).' } },
        400,
      ),
    });
    renderApp('/admin/accounts');
    const user = userEvent.setup();
    const password = await screen.findByLabelText('Mot de passe provisoire');
    await user.type(password, 'court');
    await user.click(screen.getByRole('button', { name: 'Créer le compte' }));
    await waitFor(() => expect(password).toHaveAccessibleDescription(/Le mot de passe compte au moins 12 caractères/));
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('status')).toBeNull();
  });
});
