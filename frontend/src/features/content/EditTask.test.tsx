import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { alice, bob, caseView, json, mockServer } from '../../test/mockServer';
import { currentRoute } from '../../test/render';
import { openTaskPage, taskOf } from '../../test/tasks';
import type { CaseView, User } from '../../types/api';

const edit = taskOf('edit');
const handDraft = taskOf('handDraft');

const saved = { version: 3, savedAt: '2026-11-22T10:03:00Z', aiShare: 0.91, editRatioChars: 0.04, editRatioWords: 0.06 };

const twoVersions = [
  { version: 1, kind: 'EDIT', author: 'bob', createdAt: '2026-11-22T10:01:00Z', aiShare: 0.97 },
  { version: 2, kind: 'EDIT', author: 'carol', createdAt: '2026-11-22T10:02:00Z', aiShare: 0.93 },
];

function open(task = edit, view: CaseView = caseView(), routes: Parameters<typeof mockServer>[0] = {}, user: User = bob) {
  return openTaskPage(task, view, routes, user);
}

describe('edit task', () => {
  it('pre-fills the editor with the current text and lists the saved versions', async () => {
    open(edit, caseView({ status: 'EDITING', currentText: 'Texte de la version 2.', versions: twoVersions }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Modifier le contenu' })).toBeInTheDocument();
    expect(screen.getByLabelText('Texte du courrier')).toHaveValue('Texte de la version 2.');
    const versions = within(screen.getByTestId('versions'));
    expect(versions.getAllByRole('row')).toHaveLength(3);
    expect(versions.getByRole('cell', { name: 'carol' })).toBeInTheDocument();
    expect(versions.getByText('93 %')).toBeInTheDocument();
    expect(screen.getByTestId('ai-marker')).toBeInTheDocument();
  });

  it('shows why the approver returned the content', async () => {
    open(
      edit,
      caseView({
        decisions: [
          { taskKey: 'review', decision: 'EDIT', by: 'bob', at: '2026-11-22T10:01:00Z', instruction: null, reason: null },
          { taskKey: 'approve', decision: 'RETURN', by: 'carol', at: '2026-11-22T10:04:00Z', instruction: null, reason: 'Ajoutez le délai.' },
        ],
      }),
    );
    expect(await screen.findByTestId('last-decision')).toHaveTextContent('Renvoyé en modification par carol : « Ajoutez le délai. »');
  });

  it('saves a version without completing, then submits the text', async () => {
    const server = open(edit, caseView({ versions: twoVersions }), {
      [`POST /api/tasks/${edit.id}/save`]: json(saved),
      [`POST /api/tasks/${edit.id}/complete`]: json(caseView({ status: 'AWAITING_APPROVAL' })),
    });
    const editor = await screen.findByLabelText('Texte du courrier');
    await userEvent.clear(editor);
    await userEvent.type(editor, 'Madame, votre remboursement part demain.');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    expect(await screen.findByText('Version 3 enregistrée')).toBeInTheDocument();
    expect(screen.getByTestId('save-status')).toHaveTextContent(/Part de l'IA : 91\s%\s— modifications : 4\s% des caractères/);
    const save = server.callsTo('POST', `/api/tasks/${edit.id}/save`)[0];
    expect(JSON.parse(save.body!)).toEqual({ text: 'Madame, votre remboursement part demain.' });
    expect(save.headers['x-xsrf-token']).toBe('tok');
    expect(server.callsTo('POST', `/api/tasks/${edit.id}/complete`)).toHaveLength(0);
    expect(currentRoute()).toBe(`/tasks/${edit.id}`);
    // the new version joins the list, with its author
    const versions = within(screen.getByTestId('versions'));
    expect(versions.getAllByRole('row')).toHaveLength(4);
    expect(versions.getByRole('rowheader', { name: '3' }).closest('tr')).toHaveTextContent('bob');

    await userEvent.click(screen.getByRole('button', { name: 'Terminer la modification' }));
    await waitFor(() => expect(currentRoute()).toBe('/tasks'));
    const complete = server.callsTo('POST', `/api/tasks/${edit.id}/complete`)[0];
    expect(JSON.parse(complete.body!)).toEqual({ decision: 'SUBMIT', text: 'Madame, votre remboursement part demain.' });
    expect(await screen.findByText('Décision enregistrée.')).toBeInTheDocument();
  });

  it('refuses an empty text and shows the server’s text error next to the editor', async () => {
    const server = open(edit, caseView(), {
      [`POST /api/tasks/${edit.id}/save`]: json({ status: 400, message: 'Le texte est trop long.', fieldErrors: { text: 'Le texte ne doit pas dépasser 50 000 caractères.' } }, 400),
    });
    const editor = await screen.findByLabelText('Texte du courrier');
    await userEvent.clear(editor);
    await userEvent.click(screen.getByRole('button', { name: 'Terminer la modification' }));
    expect(editor).toHaveAccessibleDescription(/Le texte du courrier ne peut pas être vide./);
    expect(server.callsTo('POST', `/api/tasks/${edit.id}/complete`)).toHaveLength(0);

    await userEvent.type(editor, 'Un texte.');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(editor).toHaveAccessibleDescription(/Le texte ne doit pas dépasser 50 000 caractères./));
    expect(screen.getByRole('alert')).toHaveTextContent('Le texte est trop long.');
    expect(screen.queryByText(/^Version \d+ enregistrée$/)).not.toBeInTheDocument();
  });
});

describe('hand-drafting task', () => {
  it('warns why the AI failed, shows no AI draft, and lets the adviser write and submit', async () => {
    const server = open(
      handDraft,
      caseView({ status: 'HAND_DRAFTING', draft: null, currentText: null, failureReason: 'Le fournisseur du modèle ne répond pas (délai dépassé).' }),
      {
        [`POST /api/tasks/${handDraft.id}/save`]: json({ ...saved, version: 1, aiShare: null, editRatioChars: null }),
        [`POST /api/tasks/${handDraft.id}/complete`]: json(caseView({ status: 'AWAITING_APPROVAL' })),
      },
      alice,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Rédiger à la main' })).toBeInTheDocument();
    expect(screen.getByTestId('failure-reason')).toHaveTextContent(
      "L'IA n'a pas pu produire de brouillon : Le fournisseur du modèle ne répond pas (délai dépassé).",
    );
    expect(screen.queryByTestId('ai-marker')).not.toBeInTheDocument();
    expect(screen.getByText('Aucune version enregistrée pour le moment.')).toBeInTheDocument();
    const editor = screen.getByLabelText('Texte du courrier');
    expect(editor).toHaveValue('');

    await userEvent.type(editor, 'Madame, nous avons traité votre demande.');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Version 1 enregistrée')).toBeInTheDocument();
    // nothing to compare with: no figures
    expect(screen.getByTestId('save-status')).not.toHaveTextContent("Part de l'IA");
    expect(within(screen.getByTestId('versions')).getByRole('cell', { name: 'Rédaction manuelle' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Terminer la rédaction' }));
    await waitFor(() => expect(currentRoute()).toBe('/tasks'));
    expect(JSON.parse(server.callsTo('POST', `/api/tasks/${handDraft.id}/complete`)[0].body!)).toEqual({
      decision: 'SUBMIT',
      text: 'Madame, nous avons traité votre demande.',
    });
  });

  it('shows the last AI draft when there is one', async () => {
    open(handDraft, caseView({ status: 'HAND_DRAFTING', failureReason: 'Nombre maximal de régénérations atteint.' }));
    expect(await screen.findByRole('heading', { level: 2, name: "Dernier brouillon de l'IA" })).toBeInTheDocument();
    expect(screen.getByTestId('ai-marker')).toBeInTheDocument();
    expect(screen.getByTestId('failure-reason')).toHaveTextContent('Nombre maximal de régénérations atteint.');
  });
});
