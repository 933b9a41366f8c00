import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bob, caseView, json, mockServer, setCookie } from '../../test/mockServer';
import { stubObserver } from '../../test/intersection';
import { currentRoute, renderApp } from '../../test/render';
import { openTaskPage, taskOf, taskPageRoutes } from '../../test/tasks';
import type { CaseView } from '../../types/api';

const task = taskOf('review');
const completePath = `/api/tasks/${task.id}/complete`;

function openReview(view: CaseView = caseView(), complete: Parameters<typeof mockServer>[0][string] = json(caseView())) {
  return openTaskPage(task, view, { [`POST ${completePath}`]: complete });
}

function body(server: ReturnType<typeof mockServer>, index = 0) {
  return JSON.parse(server.callsTo('POST', completePath)[index].body!);
}

describe('review task', () => {
  it('shows the request and the AI draft with its marker', async () => {
    openReview();
    expect(await screen.findByRole('heading', { level: 1, name: "Relire le brouillon de l'IA" })).toBeInTheDocument();
    expect(screen.getByTestId('ai-marker')).toHaveTextContent("brouillon hors-ligne — aucun modèle d'IA");
    expect(screen.getByText("Je n'ai toujours pas reçu mon remboursement.")).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Votre décision' })).toBeInTheDocument();
    expect(screen.getByTestId('regenerations')).toHaveTextContent('Régénérations : 0 / 2');
    expect(screen.queryByText(/rédaction manuelle/)).not.toBeInTheDocument();
  });

  it('accepts the draft as is and returns to the task list with a confirmation', async () => {
    const server = openReview();
    await userEvent.click(await screen.findByRole('button', { name: 'Accepter tel quel' }));
    await waitFor(() => expect(currentRoute()).toBe('/tasks'));
    expect(body(server)).toEqual({ decision: 'ACCEPT', displayedMs: expect.any(Number) });
    expect(server.callsTo('POST', completePath)[0].headers['x-xsrf-token']).toBe('tok');
    expect(await screen.findByText('Décision enregistrée.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Mes tâches' })).toBeInTheDocument();
  });

  it('asks for an edit task', async () => {
    const server = openReview();
    await userEvent.click(await screen.findByRole('button', { name: 'Modifier' }));
    await waitFor(() => expect(currentRoute()).toBe('/tasks'));
    expect(body(server)).toEqual({ decision: 'EDIT' });
  });

  it('requires an instruction to regenerate, and shows the server’s error next to it', async () => {
    const server = openReview(
      caseView(),
      json({ status: 400, message: 'La demande est invalide.', fieldErrors: { instruction: 'La consigne ne doit pas dépasser 2 000 caractères.' } }, 400),
    );
    const regenerate = await screen.findByRole('button', { name: 'Régénérer avec une consigne' });
    await userEvent.click(regenerate);
    const instruction = screen.getByLabelText("Consigne pour l'IA");
    expect(instruction).toHaveAccessibleDescription(/Indiquez la consigne pour l'IA./);
    expect(instruction).toHaveFocus();
    expect(server.callsTo('POST', completePath)).toHaveLength(0);

    await userEvent.type(instruction, 'Plus court, et citez le délai de remboursement.');
    expect(instruction).not.toHaveAccessibleDescription(/Indiquez la consigne/);
    await userEvent.click(regenerate);
    expect(await screen.findByText('La consigne ne doit pas dépasser 2 000 caractères.')).toBeInTheDocument();
    expect(instruction).toHaveAccessibleDescription(/La consigne ne doit pas dépasser 2 000 caractères./);
    expect(instruction).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('La demande est invalide.');
    expect(body(server)).toEqual({ decision: 'REGENERATE', instruction: 'Plus court, et citez le délai de remboursement.' });
    expect(currentRoute()).toBe(`/tasks/${task.id}`);
  });

  it('refuses an instruction longer than 2000 characters before calling the server', async () => {
    const server = openReview();
    const instruction = await screen.findByLabelText("Consigne pour l'IA");
    await userEvent.click(instruction);
    await userEvent.paste('x'.repeat(2001));
    await userEvent.click(screen.getByRole('button', { name: 'Régénérer avec une consigne' }));
    // French groups digits with a narrow no-break space
    expect(instruction).toHaveAccessibleDescription(/La consigne ne doit pas dépasser 2\s000 caractères./);
    expect(server.callsTo('POST', completePath)).toHaveLength(0);
  });

  it('says when the next regeneration sends the case to hand-drafting', async () => {
    const server = openReview(
      caseView({
        regenerations: 2,
        decisions: [
          { taskKey: 'review', decision: 'REGENERATE', by: 'bob', at: '2026-11-22T10:01:00Z', instruction: 'Plus chaleureux.', reason: null },
        ],
      }),
    );
    expect(await screen.findByTestId('regenerations')).toHaveTextContent('Régénérations : 2 / 2');
    expect(screen.getByText(/une nouvelle régénération enverra le dossier en rédaction manuelle/)).toBeInTheDocument();
    expect(screen.getByTestId('last-decision')).toHaveTextContent("Consigne donnée à l'IA par bob : « Plus chaleureux. »");
    await userEvent.type(screen.getByLabelText("Consigne pour l'IA"), 'Encore plus court.');
    await userEvent.click(screen.getByRole('button', { name: 'Régénérer avec une consigne' }));
    await waitFor(() => expect(currentRoute()).toBe('/tasks'));
    expect(body(server)).toEqual({ decision: 'REGENERATE', instruction: 'Encore plus court.' });
  });

  it('requires a reason to reject, and shows the server’s error next to it', async () => {
    const server = openReview(
      caseView(),
      json({ status: 400, message: 'Le motif du rejet est obligatoire.', fieldErrors: { reason: 'Le motif du rejet est obligatoire.' } }, 400),
    );
    const reject = await screen.findByRole('button', { name: 'Rejeter' });
    await userEvent.click(reject);
    const reason = screen.getByLabelText('Motif du rejet');
    expect(reason).toHaveAccessibleDescription(/Indiquez le motif du rejet./);
    expect(server.callsTo('POST', completePath)).toHaveLength(0);

    await userEvent.type(reason, '   Hors périmètre.  ');
    await userEvent.click(reject);
    await waitFor(() => expect(reason).toHaveAccessibleDescription(/Le motif du rejet est obligatoire./));
    expect(body(server)).toEqual({ decision: 'REJECT', reason: 'Hors périmètre.' });
    expect(reason).toHaveValue('   Hors périmètre.  ');
  });

  it('shows a decision error from the server in the general message', async () => {
    openReview(caseView(), json({ status: 400, message: 'La demande est invalide.', fieldErrors: { decision: 'Décision inconnue.' } }, 400));
    await userEvent.click(await screen.findByRole('button', { name: 'Accepter tel quel' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('La demande est invalide. Décision inconnue.');
  });

  it('says when the task was already handled or taken by someone else', async () => {
    openReview(caseView(), json({ status: 404, error: 'Not Found' }, 404));
    await userEvent.click(await screen.findByRole('button', { name: 'Modifier' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Cette tâche n'existe pas ou a déjà été traitée.");
  });

  it('shows who took the task on a conflict', async () => {
    openReview(caseView(), json({ status: 409, message: 'Cette tâche est déjà prise en charge par carol.' }, 409));
    await userEvent.click(await screen.findByRole('button', { name: 'Accepter tel quel' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Cette tâche est déjà prise en charge par carol.');
    expect(screen.getByRole('button', { name: 'Accepter tel quel' })).toBeEnabled();
  });
});

describe('review task: no acceptance without reading (AI Act art. 14(4)(b))', () => {
  // the stubbed IntersectionObserver must not outlive its test
  afterEach(() => vi.unstubAllGlobals());


  it('enables « Accepter » once the whole draft and each source were displayed, and sends the time with it', async () => {
    const observer = stubObserver();
    const view = caseView();
    view.draft = {
      ...view.draft!,
      sources: [
        {
          id: 'S1',
          reference: 'KB-12',
          title: 'Barème des remboursements',
          heading: '§2',
          citation: 'KB-12 v1 — Barème des remboursements › §2',
          excerpt: 'Délai : 30 jours.',
          stale: true,
          lastReviewed: '2025-01-15',
        },
        {
          id: 'S2',
          reference: 'CHARTE-1',
          title: 'Charte de relation',
          heading: null,
          citation: 'CHARTE-1 v1 — Charte de relation',
          excerpt: 'Répondre sous 8 jours.',
          stale: false,
          lastReviewed: '2026-09-01',
        },
      ],
      flags: [{ code: 'INJECTION_SUSPECTED', severity: 'warning', message: 'Le message du sociétaire contient une consigne adressée à l’IA.' }],
    };
    const server = openReview(view);
    const accept = await screen.findByRole('button', { name: 'Accepter tel quel' });
    expect(accept).toBeDisabled();
    expect(screen.getByTestId('draft-flags')).toHaveTextContent('contient une consigne adressée');
    expect(screen.getByTestId('stale-warning')).toHaveTextContent("1 source(s) n'ont pas été relues");
    expect(screen.getByTestId('display-checklist')).toHaveTextContent("Faites défiler le texte jusqu'à la fin.");

    observer.reveal();
    expect(await screen.findByText('Texte affiché en entier.')).toBeInTheDocument();
    expect(screen.getByTestId('display-checklist')).toHaveTextContent('Sources ouvertes : 0 / 2.');
    expect(accept).toBeDisabled();

    await userEvent.click(screen.getByText('Barème des remboursements'));
    expect(accept).toBeDisabled();
    await userEvent.click(screen.getByText('Charte de relation'));
    await waitFor(() => expect(accept).toBeEnabled());
    expect(screen.getByTestId('display-checklist')).toHaveTextContent('Vous avez affiché tout le texte et ses sources.');
    await userEvent.click(accept);
    await waitFor(() => expect(currentRoute()).toBe('/tasks'));
    // one request: the decision carries the display's final time
    expect(server.callsTo('POST', `/api/tasks/${task.id}/viewed`)).toHaveLength(0);
    const sent = body(server) as { decision: string; displayedMs: number };
    expect(sent.decision).toBe('ACCEPT');
    expect(sent.displayedMs).toBeGreaterThanOrEqual(0);
  });

  it('stays on the task when the server refuses the display with the decision, and says why in French', async () => {
    setCookie('XSRF-TOKEN', 'tok');
    const refusal = json({ status: 403, message: 'Cette tâche est réservée à un autre groupe : vous ne pouvez pas l’ouvrir.' }, 403);
    mockServer({
      'GET /api/me': json(bob),
      [`GET /api/tasks/${task.id}`]: json({ task, case: caseView() }),
      ...taskPageRoutes(task),
      [`POST ${completePath}`]: refusal,
      'GET /api/tasks': json([]),
    });
    renderApp(`/tasks/${task.id}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Accepter tel quel' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('réservée à un autre groupe');
    expect(currentRoute()).toBe(`/tasks/${task.id}`);
  });
});
