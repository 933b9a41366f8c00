import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockServer, setCookie } from '../../test/mockServer';
import { currentRoute, renderApp } from '../../test/render';
import { detail, marc, rachel, summary } from '../../test/knowledge';

afterEach(() => vi.unstubAllGlobals());

function server(user = rachel, extra: Parameters<typeof mockServer>[0] = {}) {
  setCookie('XSRF-TOKEN', 'tok');
  return mockServer({
    'GET /api/me': json(user),
    'GET /api/knowledge/documents': json([
      summary(),
      summary({ reference: 'PROD-AUTO-01', collection: 'produits', title: 'Assurance auto', stale: false, reviewDue: '2027-05-01' }),
      summary({ reference: 'OLD-01', collection: 'produits', title: 'Ancienne offre', stale: false, retired: true, retiredBy: 'bob' }),
    ]),
    'GET /api/knowledge/stale': json([
      { document: summary(), reviewTaskId: 'task-7' },
      { document: summary({ reference: 'SIN-VOL-01', title: 'Vol — démarches' }), reviewTaskId: null },
    ]),
    ...extra,
  });
}

describe('the knowledge base', { timeout: 30_000 }, () => {
  it('lists the documents with their owner, review date and status, and the stale ones the person answers for', async () => {
    server();
    renderApp('/knowledge');
    expect(await screen.findByRole('heading', { level: 1, name: 'Base de connaissance' })).toBeInTheDocument();
    const stale = await screen.findByTestId('stale-documents');
    expect(within(stale).getByRole('link', { name: 'Relire « Dégât des eaux — démarches »' })).toHaveAttribute(
      'href',
      '#/knowledge/reviews/task-7',
    );
    expect(within(stale).getByText('La relecture sera ouverte demain matin (chaque jour à 6 h).')).toBeInTheDocument();

    const table = await screen.findByTestId('knowledge-documents');
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByText('À relire')).toBeInTheDocument();
    expect(within(table).getByText('Retiré')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Nouveau document' })).toHaveAttribute('href', '#/knowledge/new');

    await userEvent.click(screen.getByLabelText('Seulement les documents à relire'));
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByText('1 document(s)')).toBeInTheDocument();
  });

  it('offers neither creation nor the passage search to a manager, who still reads and reviews', async () => {
    server(marc, { 'GET /api/knowledge/stale': json([]) });
    renderApp('/knowledge');
    await screen.findByTestId('knowledge-documents');
    expect(screen.queryByRole('link', { name: 'Nouveau document' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Rechercher dans les passages' })).toBeNull();
    expect(screen.getByText("Aucun des documents dont vous êtes responsable n'a dépassé sa date de relecture.")).toBeInTheDocument();
  });

  it('shows a document with its passages and its reviews', async () => {
    server(rachel, { 'GET /api/knowledge/documents/SIN-DDE-01': json(detail()) });
    renderApp('/knowledge/documents/SIN-DDE-01');
    expect(await screen.findByRole('heading', { level: 1, name: 'Dégât des eaux — démarches' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Ses passages (2)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Passage 2 — La convention IRSI' })).toBeInTheDocument();
    expect(screen.getByText('Barème 2025 vérifié.')).toBeInTheDocument();
    expect(screen.getByText(/a dépassé sa date de relecture/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Modifier le document' })).toHaveAttribute('href', '#/knowledge/documents/SIN-DDE-01/edit');
  });

  it('reads an uploaded PDF into the form, then saves the document and opens it', async () => {
    const api = server(rachel, {
      'POST /api/knowledge/extract': json({
        fileName: 'guide.pdf',
        format: 'PDF',
        pages: 20,
        title: "Guide de l'assurance habitation",
        body: '# Guide\n\n## Article 1\n\nLe sociétaire déclare le sinistre.',
        characters: 54,
        passages: 1,
      }),
      'POST /api/knowledge/documents': json({ ...detail({ reference: 'GUIDE-HAB' }) }, 201),
      'GET /api/knowledge/documents/GUIDE-HAB': json(detail({ reference: 'GUIDE-HAB' })),
    });
    renderApp('/knowledge/new');
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Nouveau document' });
    await user.upload(
      screen.getByLabelText('Importer un PDF ou un document Word (.docx)'),
      new File(['%PDF-1.7'], 'guide.pdf', { type: 'application/pdf' }),
    );
    expect(await screen.findByText('« guide.pdf » lu : 20 page(s), 1 passage(s). Vérifiez le texte puis enregistrez.')).toBeInTheDocument();
    expect(screen.getByLabelText('Contenu')).toHaveValue('# Guide\n\n## Article 1\n\nLe sociétaire déclare le sinistre.');
    expect(screen.getByLabelText('Titre')).toHaveValue("Guide de l'assurance habitation");
    expect(api.callsTo('POST', '/api/knowledge/documents')).toHaveLength(0);

    await user.type(screen.getByLabelText('Référence'), 'GUIDE-HAB');
    await user.type(screen.getByLabelText('Collection'), 'habitation');
    await user.type(screen.getByLabelText('Responsable'), 'bob');
    await user.type(screen.getByLabelText('Groupe responsable'), 'member-relations-experts');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le document' }));
    await waitFor(() => expect(currentRoute()).toBe('/knowledge/documents/GUIDE-HAB'));
    expect(JSON.parse(api.callsTo('POST', '/api/knowledge/documents')[0].body!)).toEqual({
      reference: 'GUIDE-HAB',
      collection: 'habitation',
      title: "Guide de l'assurance habitation",
      body: '# Guide\n\n## Article 1\n\nLe sociétaire déclare le sinistre.',
      owner: 'bob',
      ownerGroup: 'member-relations-experts',
      lastReviewed: null,
      reviewIntervalDays: 365,
    });
    expect(await screen.findByText('Document enregistré : 2 passage(s) prêts pour l’IA.')).toBeInTheDocument();
  });

  it('says why an upload cannot be read, next to the file, and keeps what was typed', async () => {
    server(rachel, {
      'POST /api/knowledge/extract': json(
        {
          status: 400,
          message: "« scan.pdf » n'a pas pu être lu : Le PDF ne contient pas de texte lisible.",
          fieldErrors: { file: "« scan.pdf » n'a pas pu être lu : Le PDF ne contient pas de texte lisible." },
        },
        400,
      ),
    });
    renderApp('/knowledge/new');
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Nouveau document' });
    await user.type(screen.getByLabelText('Contenu'), 'Mon texte');
    const file = screen.getByLabelText('Importer un PDF ou un document Word (.docx)');
    await user.upload(file, new File(['%PDF-1.7'], 'scan.pdf', { type: 'application/pdf' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("« scan.pdf » n'a pas pu être lu : Le PDF ne contient pas de texte lisible.");
    expect(file).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Contenu')).toHaveValue('Mon texte');
  });

  it("puts the server's refusals next to their fields when saving", async () => {
    server(rachel, {
      'POST /api/knowledge/documents': json(
        { status: 400, message: "L'utilisateur « zoe » n'existe pas.", fieldErrors: { owner: "L'utilisateur « zoe » n'existe pas." } },
        400,
      ),
    });
    renderApp('/knowledge/new');
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Nouveau document' });
    await user.type(screen.getByLabelText('Responsable'), 'zoe');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le document' }));
    await waitFor(() => expect(screen.getByLabelText('Responsable')).toHaveAccessibleDescription(/L'utilisateur « zoe » n'existe pas\./));
    expect(screen.getByLabelText('Responsable')).toHaveFocus();
  });

  it('searches the passages as the AI step does and links each to its document', async () => {
    const api = server(rachel, {
      'GET /api/knowledge/search': json({
        query: 'dégât des eaux',
        passages: [
          {
            passageId: 2,
            reference: 'SIN-DDE-01',
            title: 'Dégât des eaux — démarches',
            collection: 'sinistres',
            documentVersion: 3,
            ordinal: 2,
            heading: 'La convention IRSI',
            text: 'La convention IRSI règle les dégâts entre assureurs.',
            score: 0.92,
            textScore: 1,
            similarity: 0.61,
            stale: true,
            lastReviewed: '2025-10-01',
          },
        ],
      }),
    });
    renderApp('/knowledge/search');
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Rechercher dans la base' });
    await user.click(screen.getByRole('button', { name: 'Rechercher' }));
    expect(screen.getByLabelText('Question ou mots-clés')).toHaveAccessibleDescription(/Saisissez une question/);
    expect(api.callsTo('GET', '/api/knowledge/search')).toHaveLength(0);

    await user.type(screen.getByLabelText('Question ou mots-clés'), 'dégât des eaux');
    await user.click(screen.getByRole('button', { name: 'Rechercher' }));
    const results = await screen.findByTestId('search-results');
    expect(within(results).getByRole('link', { name: 'SIN-DDE-01 v3 — Dégât des eaux — démarches' })).toHaveAttribute(
      'href',
      '#/knowledge/documents/SIN-DDE-01',
    );
    expect(within(results).getByText(/à relire/)).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/knowledge/search')[0].url).toBe('/api/knowledge/search?q=d%C3%A9g%C3%A2t%20des%20eaux&k=5');
  });
});
