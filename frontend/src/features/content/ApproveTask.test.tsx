import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { bob, carol, caseView, json, mockServer } from '../../test/mockServer';
import { currentRoute } from '../../test/render';
import { openTaskPage, taskOf } from '../../test/tasks';
import type { CaseView } from '../../types/api';

const task = taskOf('approve');
const completePath = `/api/tasks/${task.id}/complete`;
const label = "Ce courrier a été rédigé avec l'aide de l'IA générative et validé par un collaborateur.";
const edited = 'Madame,\n\nVotre remboursement part demain.';

const awaiting = caseView({
  status: 'AWAITING_APPROVAL',
  currentText: edited,
  fourEyes: true,
  versions: [{ version: 1, kind: 'EDIT', author: 'bob', createdAt: '2026-11-22T10:02:00Z', aiShare: 0.62 }],
  disclosurePreview: { category: 'AI_VALIDATED', label, text: `${edited}\n\n${label}` },
});

function disclosed(): CaseView {
  return caseView({
    status: 'DISCLOSED',
    currentText: edited,
    finalText: edited,
    approvedBy: 'carol',
    approvedAt: '2026-11-22T10:05:00Z',
    aiShare: 0.62,
    disclosure: {
      category: 'AI_VALIDATED', label, citeSources: false, marker: 'IA', disclosedAt: '2026-11-22T10:05:01Z',
      channel: 'courrier', digitalSourceType: null, contentSha256: null, provenance: null,
    },
    disclosedText: `${edited}\n\n${label}`,
  });
}

function open(complete: Parameters<typeof mockServer>[0][string], user = carol, view: CaseView = awaiting) {
  return openTaskPage(task, view, {
    [`POST ${completePath}`]: complete,
    'GET /api/cases/12': json(disclosed()),
    'GET /api/cases/12/audit': json({ verification: { caseId: 12, entries: 0, valid: true, firstBrokenSeq: null }, events: [] }),
  }, user);
}

describe('approve task', () => {
  it('shows the letter exactly as it will be sent, its label, who edited it, and the four-eyes rule', async () => {
    open(json(disclosed()));
    expect(await screen.findByRole('heading', { level: 1, name: 'Approuver le contenu' })).toBeInTheDocument();
    const letter = screen.getByTestId('approval-text');
    expect(letter.textContent).toBe(`${edited}\n\n${label}`);
    expect(screen.getByTestId('preview-label')).toHaveTextContent(label);
    expect(screen.getByText("Rédigé avec l'IA, validé par un collaborateur")).toBeInTheDocument();
    const editors = screen.getByRole('region', { name: 'Qui a modifié le contenu' });
    expect(within(editors).getByRole('cell', { name: 'bob' })).toBeInTheDocument();
    expect(screen.getByText(/Principe des quatre yeux/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Texte du courrier' })).not.toBeInTheDocument();
  });

  it('approves and goes to the case, which shows the disclosed letter', async () => {
    const server = open(json(disclosed()));
    await userEvent.click(await screen.findByRole('button', { name: 'Approuver et envoyer' }));
    await waitFor(() => expect(currentRoute()).toBe('/cases/12'));
    expect(JSON.parse(server.callsTo('POST', completePath)[0].body!)).toEqual({ decision: 'APPROVE', displayedMs: expect.any(Number) });
    expect(await screen.findByTestId('disclosed-text')).toHaveTextContent('Votre remboursement part demain.');
    expect(screen.getByTestId('disclosure-label')).toHaveTextContent(label);
    expect(await screen.findByText("Chaîne d'audit vérifiée")).toBeInTheDocument();
  });

  it("shows the server's four-eyes message on 403, not the generic one", async () => {
    const fourEyes = 'Vous avez modifié ce contenu : un autre approbateur doit le valider (principe des quatre yeux).';
    open(json({ status: 403, error: 'Forbidden', message: fourEyes }, 403), bob);
    await userEvent.click(await screen.findByRole('button', { name: 'Approuver et envoyer' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(fourEyes);
    expect(alert).not.toHaveTextContent("Vous n'avez pas accès à cette ressource.");
    expect(currentRoute()).toBe(`/tasks/${task.id}`);
  });

  it("still replaces Spring's bare 403 by the French message", async () => {
    open(json({ status: 403, error: 'Forbidden', message: 'Access Denied' }, 403));
    await userEvent.click(await screen.findByRole('button', { name: 'Approuver et envoyer' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Vous n'avez pas accès à cette ressource.");
  });

  it('returns the content for editing with a required reason', async () => {
    const server = open(json(caseView({ status: 'EDITING' })));
    const back = await screen.findByRole('button', { name: 'Renvoyer en modification' });
    await userEvent.click(back);
    const reason = screen.getByLabelText('Motif du renvoi');
    expect(reason).toHaveAccessibleDescription(/Indiquez le motif du renvoi./);
    expect(server.callsTo('POST', completePath)).toHaveLength(0);

    await userEvent.type(reason, 'Ajoutez le délai de remboursement.');
    await userEvent.click(back);
    await waitFor(() => expect(currentRoute()).toBe('/tasks'));
    expect(JSON.parse(server.callsTo('POST', completePath)[0].body!)).toEqual({
      decision: 'RETURN',
      reason: 'Ajoutez le délai de remboursement.',
    });
    expect(await screen.findByText('Décision enregistrée.')).toBeInTheDocument();
  });

  it('shows the current text, marked as AI, when nobody edited and there is no preview', async () => {
    open(json(disclosed()), carol, caseView({ status: 'AWAITING_APPROVAL' }));
    expect((await screen.findByTestId('approval-text')).textContent).toBe('Madame,\n\nNous avons bien reçu votre message.');
    expect(screen.getByTestId('ai-marker')).toBeInTheDocument();
    expect(screen.getByText("Personne n'a modifié le texte : c'est le brouillon de l'IA, accepté tel quel.")).toBeInTheDocument();
  });
});
