import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockServer, setCookie } from '../../test/mockServer';
import { renderApp } from '../../test/render';
import type { User } from '../../types/api';

afterEach(() => vi.unstubAllGlobals());

const admin: User = { username: 'admin', displayName: 'Administrateur', roles: ['ADMIN'], groups: ['camunda-admin'] };
const COLUMNS = ['id', 'firstName', 'lastName', 'birthDate', 'email', 'phone', 'address', 'city', 'policyNumber'];

function server(kind: 'DATABASE' | 'HTTP', extra: Parameters<typeof mockServer>[0] = {}) {
  setCookie('XSRF-TOKEN', 'tok');
  return mockServer({
    'GET /api/me': json(admin),
    'GET /api/admin/members/directory': json(
      kind === 'DATABASE'
        ? { kind, baseUrl: null, authentication: null, timeoutMs: null, storedMembers: 5, importAllowed: true, csvColumns: COLUMNS }
        : { kind, baseUrl: 'https://societaires.example/api/v1', authentication: 'BEARER', timeoutMs: 5000, storedMembers: 12, importAllowed: false, csvColumns: COLUMNS },
    ),
    ...extra,
  });
}

describe("the administrator's member directory", { timeout: 30_000 }, () => {
  it('imports a CSV file and says how many members were created and updated', async () => {
    const api = server('DATABASE', { 'POST /api/admin/members/import': json({ imported: 3, created: 2, updated: 1 }) });
    renderApp('/admin/members');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sociétaires' })).toBeInTheDocument();
    expect(await screen.findByTestId('directory-kind')).toHaveTextContent('La base de Tandem (alimentée par import CSV)');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Importer' }));
    expect(screen.getByLabelText('Fichier CSV des sociétaires')).toHaveAccessibleDescription('Choisissez le fichier CSV des sociétaires à importer.');
    expect(api.callsTo('POST', '/api/admin/members/import')).toHaveLength(0);

    await user.upload(screen.getByLabelText('Fichier CSV des sociétaires'), new File(['id;firstName;lastName\n'], 'pilote.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Importer' }));
    expect(await screen.findByTestId('import-result')).toHaveTextContent('3 sociétaire(s) importé(s) : 2 nouveau(x), 1 mis à jour.');
    await waitFor(() => expect(api.callsTo('GET', '/api/admin/members/directory')).toHaveLength(2));
  });

  it('shows a refused file’s bad line next to the file field', async () => {
    server('DATABASE', {
      'POST /api/admin/members/import': json(
        { status: 400, message: 'Ligne 4 : le nom (lastName) est obligatoire.', fieldErrors: { file: 'Ligne 4 : le nom (lastName) est obligatoire.' } },
        400,
      ),
    });
    renderApp('/admin/members');
    const user = userEvent.setup();
    const file = await screen.findByLabelText('Fichier CSV des sociétaires');
    await user.upload(file, new File(['x'], 'pilote.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Importer' }));
    await waitFor(() => expect(file).toHaveAccessibleDescription('Ligne 4 : le nom (lastName) est obligatoire.'));
    expect(file).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('import-result')).toBeNull();
  });

  it('shows the member system’s connection without its secret, checks it, and offers no CSV import', async () => {
    server('HTTP', {
      'POST /api/admin/members/directory/check': json({
        reachable: false,
        message: "L'annuaire des sociétaires n'a pas répondu dans les 5 s.",
        elapsedMs: 5003,
      }),
      'GET /api/members': json([{ id: 'S-2001', displayName: 'Léa Durand', city: 'Niort' }]),
    });
    renderApp('/admin/members');
    expect(await screen.findByText('https://societaires.example/api/v1')).toBeInTheDocument();
    expect(screen.getByText('jeton (Bearer)')).toBeInTheDocument();
    expect(screen.getByText(/L'import CSV ne sert qu'à l'annuaire de Tandem/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Fichier CSV des sociétaires')).toBeNull();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Vérifier la connexion' }));
    expect(await screen.findByTestId('directory-check')).toHaveTextContent("L'annuaire des sociétaires n'a pas répondu dans les 5 s.");

    await user.type(screen.getByLabelText('Nom ou numéro'), 'durand');
    const results = await screen.findByTestId('member-results');
    expect(within(results).getByText('Léa Durand')).toBeInTheDocument();
  });
});
