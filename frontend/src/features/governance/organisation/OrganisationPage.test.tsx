import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fill } from '../../../test/fill';
import { json, mockServer } from '../../../test/mockServer';
import { renderApp } from '../../../test/render';
import type { User } from '../../../types/api';
import type { BusinessEntity } from './api';
import { treeOrder } from './OrganisationPage';

const admin: User = { username: 'admin', displayName: 'Admin Tandem', roles: ['ADMIN'], groups: ['camunda-admin'] };
const marc: User = { username: 'marc', displayName: 'Marc Manager', roles: ['MANAGER'], groups: ['managers'] };

const entities: BusinessEntity[] = [
  { code: 'agence-niort', name: 'Agence de Niort', kind: 'AGENCY', parentCode: 'direction-reseau' },
  { code: 'direction-reseau', name: 'Direction du Réseau', kind: 'DIRECTORATE', parentCode: null },
  { code: 'agence-lyon', name: 'Agence de Lyon', kind: 'AGENCY', parentCode: 'direction-reseau' },
  { code: 'centre-sinistres', name: 'Centre de gestion des sinistres', kind: 'SERVICE', parentCode: null },
];

describe('organisation', () => {
  it('orders the entities as a tree, each below its parent', () => {
    expect(treeOrder(entities).map(({ entity, depth }) => `${depth}:${entity.code}`)).toEqual([
      '0:centre-sinistres', '0:direction-reseau', '1:agence-lyon', '1:agence-niort',
    ]);
    // a parent out of view: the entity shows at the top
    expect(treeOrder([entities[0]]).map(({ depth }) => depth)).toEqual([0]);
  });

  it('opens the organisation to an administrator, who creates an entity under a directorate', async () => {
    const server = mockServer({
      'GET /api/me': json(admin),
      'GET /api/entities': json(entities),
      'GET /api/entities/managed': json(entities.map((e) => e.code)),
      'POST /api/entities': json({ code: 'agence-brest', name: 'Agence de Brest', kind: 'AGENCY', parentCode: 'direction-reseau' }, 201),
    });
    renderApp('/organisation');
    const table = await screen.findByRole('table', { name: 'Les entités, leur nature et leur rattachement' });
    const rows = within(table).getAllByRole('row');
    expect(rows[2]).toHaveTextContent('Direction du Réseau');
    expect(rows[3]).toHaveTextContent('Agence de Lyon');
    expect(rows[3]).toHaveTextContent('Direction du Réseau');
    expect(screen.getByRole('link', { name: "Ouverture des cas d'usage" })).toBeInTheDocument();

    const user = userEvent.setup();
    const form = screen.getByRole('region', { name: 'Créer une entité' });
    await fill(user, within(form).getByLabelText('Code'), 'agence-brest');
    await fill(user, within(form).getByLabelText('Nom'), 'Agence de Brest');
    await user.selectOptions(within(form).getByLabelText('Rattachée à'), 'direction-reseau');
    await user.click(within(form).getByRole('button', { name: "Créer l'entité" }));
    expect(await screen.findByText("L'entité « Agence de Brest » est créée.")).toBeInTheDocument();
    expect(JSON.parse(server.callsTo('POST', '/api/entities')[0].body ?? '{}')).toEqual({
      code: 'agence-brest', name: 'Agence de Brest', kind: 'AGENCY', parentCode: 'direction-reseau',
    });
  }, 20000);

  it('shows a refusal next to its field', async () => {
    mockServer({
      'GET /api/me': json(admin),
      'GET /api/entities': json(entities),
      'GET /api/entities/managed': json([]),
      'POST /api/entities': json({ status: 400, message: 'Le code est invalide.', fieldErrors: { code: 'Le code est invalide.' } }, 400),
    });
    renderApp('/organisation');
    const user = userEvent.setup();
    const form = await screen.findByRole('region', { name: 'Créer une entité' });
    await fill(user, within(form).getByLabelText('Code'), 'agence brest');
    await fill(user, within(form).getByLabelText('Nom'), 'Brest');
    await user.click(within(form).getByRole('button', { name: "Créer l'entité" }));
    const code = within(form).getByLabelText('Code');
    await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
    expect(within(form).getByText('Le code est invalide.')).toBeInTheDocument();
  }, 20000);

  it('imports a CSV file and names the bad line when the server refuses it', async () => {
    const server = mockServer({
      'GET /api/me': json(admin),
      'GET /api/entities': json(entities),
      'GET /api/entities/managed': json([]),
      'POST /api/entities/import': (call) => (call.body?.includes('bureau')
        ? json({ status: 400, message: "Import refusé, rien n'a été importé. Ligne 2 : La nature de l'entité est agence, service ou direction.", fieldErrors: { csv: '…' } }, 400)
        : json({ entitiesCreated: 1, entitiesUpdated: 0, peoplePlaced: 1 })),
    });
    renderApp('/organisation');
    const user = userEvent.setup();
    const card = await screen.findByRole('region', { name: 'Importer un fichier CSV' });
    await user.click(within(card).getByRole('button', { name: 'Importer' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent('Choisissez un fichier.');
    const bad = new File(['entite;agence-brest;Agence de Brest;agence;\nentite;x;X;bureau;'], 'orga.csv', { type: 'text/csv' });
    await user.upload(within(card).getByLabelText('Fichier CSV'), bad);
    await user.click(within(card).getByRole('button', { name: 'Importer' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent('Ligne 2 : La nature');
    const good = new File(['entite;agence-brest;Agence de Brest;agence;\npersonne;lea;agence-brest'], 'orga.csv', { type: 'text/csv' });
    await user.upload(within(card).getByLabelText('Fichier CSV'), good);
    await user.click(within(card).getByRole('button', { name: 'Importer' }));
    expect(await within(card).findByRole('status')).toHaveTextContent('Import terminé : 1 entité(s) créée(s), 0 mise(s) à jour, 1 personne(s) rattachée(s).');
    expect(JSON.parse(server.callsTo('POST', '/api/entities/import')[1].body ?? '{}')).toEqual({
      csv: 'entite;agence-brest;Agence de Brest;agence;\npersonne;lea;agence-brest',
    });
  }, 20000);

  it('lets a manager place and detach the people of the entities he manages, and only those', async () => {
    const server = mockServer({
      'GET /api/me': json(marc),
      'GET /api/entities': json(entities),
      'GET /api/entities/managed': json(['agence-niort']),
      'GET /api/entities/agence-niort/people': json([
        { username: 'alice', entityCode: 'agence-niort', source: 'IMPORT', placedBy: 'admin', placedAt: '2026-12-01T09:00:00Z' },
      ]),
      'GET /api/people': json([{ username: 'lea', displayName: 'Léa Martin', entityCode: null, entityName: null, source: null }]),
      'PUT /api/entities/agence-niort/people/tom': json({ status: 403, message: 'tom est rattaché·e à « Agence de Lyon », hors de votre périmètre.' }, 403),
      'PUT /api/entities/agence-niort/people/lea': json({ username: 'lea', entityCode: 'agence-niort', source: 'MANUAL', placedBy: 'marc', placedAt: '2026-12-04T09:00:00Z' }),
      'DELETE /api/entities/agence-niort/people/alice': new Response(null, { status: 204 }),
    });
    renderApp('/organisation');
    const table = await screen.findByRole('table', { name: 'Les entités, leur nature et leur rattachement' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: /Supprimer/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Créer une entité' })).not.toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(within(table).getByRole('button', { name: 'Personnes de Agence de Niort' }));
    const people = await screen.findByRole('region', { name: 'Personnes de « Agence de Niort »' });
    expect(await within(people).findByText('alice')).toBeInTheDocument();
    expect(within(people).getByText('admin (import)')).toBeInTheDocument();
    await waitFor(() => expect(people.querySelector('datalist option[value="lea"]')).not.toBeNull());
    await fill(user, within(people).getByLabelText('Identifiant de la personne'), 'tom');
    await user.click(within(people).getByRole('button', { name: 'Rattacher' }));
    expect(await within(people).findByRole('alert')).toHaveTextContent('tom est rattaché·e à « Agence de Lyon », hors de votre périmètre.');
    await user.clear(within(people).getByLabelText('Identifiant de la personne'));
    await fill(user, within(people).getByLabelText('Identifiant de la personne'), 'lea');
    await user.click(within(people).getByRole('button', { name: 'Rattacher' }));
    expect(await within(people).findByRole('status')).toHaveTextContent('lea est rattaché·e à « Agence de Niort ».');
    expect(server.callsTo('PUT', '/api/entities/agence-niort/people/lea')).toHaveLength(1);
    await user.click(within(people).getByRole('button', { name: 'Détacher alice' }));
    expect(await within(people).findByRole('status')).toHaveTextContent('alice est détaché·e de « Agence de Niort ».');
  }, 20000);
});
