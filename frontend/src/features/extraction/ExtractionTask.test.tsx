import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { alice, caseView, json, mockServer, setCookie } from '../../test/mockServer';
import { currentRoute, renderApp } from '../../test/render';
import { taskOf } from '../../test/tasks';
import type { ExtractedField, ExtractedFields } from './api';

const task = taskOf('verifyFields', { name: 'Vérifier les champs extraits', useCaseKey: 'record-extraction' });
const doc = 'Contrat n° : AUTO-2019-447812\nCoefficient de réduction-majoration (bonus-malus) : 0,85\nNombre de sinistres responsables : 1';

function field(overrides: Partial<ExtractedField>): ExtractedField {
  return {
    name: 'numeroContrat', label: 'Numéro de contrat', type: 'string', optional: false, aiValue: 'AUTO-2019-447812',
    value: null, status: 'PENDING', sourceStart: 13, sourceEnd: 29, sourceText: null, verifiedBy: null,
    verifiedAt: null, ...overrides,
  };
}

const fields: ExtractedFields = {
  caseId: 12,
  producerLabel: "extraction hors-ligne par motifs — aucun modèle d'IA",
  decided: 0,
  total: 2,
  fields: [
    field({}),
    field({ name: 'sinistresResponsables', label: 'Sinistres responsables', type: 'integer', aiValue: '4',
      sourceStart: null, sourceEnd: null }),
  ],
};

function open(routes: Record<string, unknown> = {}) {
  setCookie('XSRF-TOKEN', 'tok');
  const server = mockServer({
    'GET /api/me': json(alice),
    [`GET /api/tasks/${task.id}`]: json({ task, case: caseView({ status: 'VERIFYING', message: doc }) }),
    [`GET /api/tasks/${task.id}/fields`]: json(fields),
    'GET /api/tasks': json([]),
    ...(routes as Record<string, Response>),
  });
  renderApp(`/tasks/${task.id}`);
  return server;
}

describe('extraction task', () => {
  it('shows each field beside its highlighted source, and says when the source is not found', async () => {
    open();
    const row = (await screen.findByLabelText('Valeur de « Numéro de contrat »')).closest('li')!;
    expect(within(row).getByText('AUTO-2019-447812', { selector: 'mark' })).toBeInTheDocument();
    expect(screen.getByLabelText('Valeur de « Numéro de contrat »')).toHaveValue('AUTO-2019-447812');
    expect(screen.getByText('source introuvable')).toBeInTheDocument();
    expect(screen.getByText("extraction hors-ligne par motifs — aucun modèle d'IA")).toBeInTheDocument();
    expect(screen.getByText('0 champ(s) décidé(s) sur 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Enregistrer les champs vérifiés' })).toBeDisabled();
  });

  it('confirms, corrects, then saves the verified fields once all are decided', async () => {
    const user = userEvent.setup();
    const server = open({
      [`POST /api/tasks/${task.id}/fields/numeroContrat`]: json(field({ status: 'VERIFIED', value: 'AUTO-2019-447812' })),
      [`POST /api/tasks/${task.id}/fields/sinistresResponsables`]: json(field({ name: 'sinistresResponsables',
        label: 'Sinistres responsables', type: 'integer', aiValue: '4', value: '1', status: 'CORRECTED',
        sourceStart: null, sourceEnd: null })),
      [`POST /api/tasks/${task.id}/complete`]: json(caseView({ status: 'RECORDED' })),
    });
    const contract = within(await screen.findByRole('group', { name: 'Numéro de contrat' }));
    await user.click(contract.getByRole('button', { name: 'Confirmer' }));
    await screen.findByText('1 champ(s) décidé(s) sur 2');

    const claims = screen.getByLabelText('Valeur de « Sinistres responsables »');
    await user.clear(claims);
    await user.type(claims, '1');
    await user.click(within(screen.getByRole('group', { name: 'Sinistres responsables' })).getByRole('button', { name: 'Corriger' }));
    await screen.findByText('2 champ(s) décidé(s) sur 2');

    const submit = screen.getByRole('button', { name: 'Enregistrer les champs vérifiés' });
    expect(submit).toBeEnabled();
    await user.click(submit);
    await waitFor(() => expect(currentRoute()).toBe('/tasks'));
    const bodies = server.calls.filter((c) => c.method === 'POST').map((c) => JSON.parse(c.body ?? 'null'));
    expect(bodies).toContainEqual({ value: '1', status: 'CORRECTED' });
    expect(bodies).toContainEqual({ decision: 'SUBMIT' });
  });

  it("shows the server's message when a value does not fit its type", async () => {
    const user = userEvent.setup();
    open({
      [`POST /api/tasks/${task.id}/fields/sinistresResponsables`]: json({ status: 400,
        message: 'La valeur « abc » n\u2019est pas un nombre entier.', fieldErrors: {} }, 400),
    });
    const claims = await screen.findByLabelText('Valeur de « Sinistres responsables »');
    await user.clear(claims);
    await user.type(claims, 'abc');
    await user.click(within(screen.getByRole('group', { name: 'Sinistres responsables' })).getByRole('button', { name: 'Corriger' }));
    expect(await screen.findByText(/n.est pas un nombre entier/)).toBeInTheDocument();
  });
});
