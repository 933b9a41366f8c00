import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { alice, caseView, json, mockServer, setCookie } from '../../test/mockServer';
import { currentRoute, renderApp } from '../../test/render';

const useCases = [
  { key: 'reply-letter', name: 'Courrier de réponse à un sociétaire', nameEn: 'Reply letter to a member', description: 'Un courrier relu par un expert.', handWritable: true },
  { key: 'claim-summary', name: 'Synthèse de dossier sinistre', nameEn: 'Claim summary', description: null, handWritable: true },
  { key: 'knowledge-answer', name: 'Assistant AMI', nameEn: 'AMI assistant', description: null, memberRequired: false, handWritable: false },
];
const members = [
  { id: 'M-1001', displayName: 'Camille Martin', city: 'Niort' },
  { id: 'M-1002', displayName: 'Paul Bernard', city: 'Poitiers' },
];

function server(extra: Parameters<typeof mockServer>[0] = {}) {
  setCookie('XSRF-TOKEN', 'tok');
  return mockServer({
    'GET /api/me': json(alice),
    'GET /api/use-cases': json(useCases),
    'GET /api/members': (call) => {
      const q = new URL(call.url, 'http://x').searchParams.get('q') ?? '';
      return json(members.filter((m) => m.displayName.toLowerCase().includes(q.toLowerCase())));
    },
    ...extra,
  });
}

async function fillForm() {
  const user = userEvent.setup();
  await screen.findByRole('option', { name: 'Synthèse de dossier sinistre' });
  await user.selectOptions(screen.getByLabelText("Cas d'usage"), 'reply-letter');
  await screen.findByRole('option', { name: /Camille Martin/ });
  await user.selectOptions(screen.getByLabelText('Sociétaire'), 'M-1001');
  await user.type(screen.getByLabelText('Objet'), 'Retard de remboursement');
  await user.type(screen.getByLabelText('Message du sociétaire'), "Je n'ai rien reçu.");
  return user;
}

describe('new request', () => {
  it('shows a French error next to every empty field, without calling the server', async () => {
    const api = server();
    renderApp('/cases/new');
    await screen.findByRole('option', { name: 'Synthèse de dossier sinistre' });
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer la demande' }));

    expect(screen.getByRole('alert')).toHaveTextContent('Le formulaire contient des erreurs.');
    expect(screen.getByLabelText("Cas d'usage")).toHaveAccessibleDescription("Choisissez un cas d'usage.");
    expect(screen.getByLabelText('Sociétaire')).toHaveAccessibleDescription('Choisissez un sociétaire.');
    expect(screen.getByLabelText('Objet')).toHaveAccessibleDescription("L'objet est obligatoire.");
    expect(screen.getByLabelText('Objet')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText("Cas d'usage")).toHaveFocus();
    expect(api.callsTo('POST', '/api/cases')).toHaveLength(0);
  });

  it("shows the server's field errors next to their inputs", async () => {
    server({
      'POST /api/cases': json(
        { status: 400, error: 'Bad Request', message: 'La demande est incomplète.', fieldErrors: { subject: 'Le sujet est trop vague.' } },
        400,
      ),
    });
    renderApp('/cases/new');
    const user = await fillForm();
    await user.click(screen.getByRole('button', { name: 'Envoyer la demande' }));

    expect(await screen.findByText('La demande est incomplète.')).toBeInTheDocument();
    expect(screen.getByLabelText('Objet')).toHaveAccessibleDescription('Le sujet est trop vague.');
    expect(screen.getByLabelText('Objet')).toHaveAttribute('aria-invalid', 'true');
    // typing in the field clears its error
    await user.type(screen.getByLabelText('Objet'), ' (2)');
    expect(screen.queryByText('Le sujet est trop vague.')).not.toBeInTheDocument();
  });

  it('shows a refusal that is about no field of the form next to the send button', async () => {
    server({
      'POST /api/cases': json({ status: 409, message: "L'IA est coupée pour ce cas d'usage : la demande sera rédigée à la main.",
        fieldErrors: { attachment: 'La pièce jointe est illisible.' } }, 409),
    });
    renderApp('/cases/new');
    const user = await fillForm();
    const send = screen.getByRole('button', { name: 'Envoyer la demande' });
    await user.click(send);
    const alert = await screen.findByText('La pièce jointe est illisible.');
    // just before the button it comes from, not at the top of a long form
    expect(alert.closest('[role="alert"]')?.nextElementSibling).toContainElement(send);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('shows a refusal without field errors next to the send button', async () => {
    server({ 'POST /api/cases': json({ status: 503, message: 'Le service est momentanément indisponible.' }, 503) });
    renderApp('/cases/new');
    const user = await fillForm();
    const send = screen.getByRole('button', { name: 'Envoyer la demande' });
    await user.click(send);
    const alert = (await screen.findByText(/indisponible/)).closest('[role="alert"]');
    expect(alert?.nextElementSibling).toContainElement(send);
  });

  it("shows the governance gate's refusal, which says who can open the use case", async () => {
    const refusal = "Le cas d'usage « Courrier de réponse à un sociétaire » n'est pas encore ouvert : aucun projet ne l'a mené jusqu'à une"
      + " expérimentation ou un déploiement dans une entité. Il peut être ouvert par son projet, au fil de son cycle de vie, ou, à titre"
      + " exceptionnel, par un administrateur de Tandem.";
    server({ 'POST /api/cases': json({ status: 403, error: 'Forbidden', message: refusal }, 403) });
    renderApp('/cases/new');
    const user = await fillForm();
    await user.click(screen.getByRole('button', { name: 'Envoyer la demande' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(refusal);
    expect(currentRoute()).toBe('/cases/new');
  });

  it('searches members as the adviser types', async () => {
    const api = server();
    renderApp('/cases/new');
    const select = await screen.findByLabelText('Sociétaire');
    await within(select).findByRole('option', { name: /Paul Bernard/ });
    await userEvent.type(screen.getByLabelText('Rechercher un sociétaire'), 'cam');
    await waitFor(() => expect(within(select).queryByRole('option', { name: /Paul Bernard/ })).not.toBeInTheDocument());
    expect(within(select).getByRole('option', { name: 'Camille Martin — Niort (M-1001)' })).toBeInTheDocument();
    expect(api.calls.some((c) => c.url === '/api/members?q=cam')).toBe(true);
    expect(screen.getByText('1 sociétaire(s) trouvé(s)')).toBeInTheDocument();
  });

  it('creates the case and opens its page', async () => {
    let drafted = false;
    const api = server({
      'POST /api/cases': json(caseView({ id: 42, status: 'DRAFTING', draft: null }), 201),
      'GET /api/cases/42': () => json(drafted ? caseView({ id: 42 }) : caseView({ id: 42, status: 'DRAFTING', draft: null })),
    });
    renderApp('/cases/new');
    const user = await fillForm();
    await user.click(screen.getByRole('button', { name: 'Envoyer la demande' }));

    await waitFor(() => expect(currentRoute()).toBe('/cases/42'));
    const post = api.callsTo('POST', '/api/cases')[0];
    expect(JSON.parse(post.body!)).toEqual({
      useCaseKey: 'reply-letter',
      memberId: 'M-1001',
      subject: 'Retard de remboursement',
      message: "Je n'ai rien reçu.",
    });
    expect(post.headers['x-xsrf-token']).toBe('tok');
    expect(await screen.findByText(/Le brouillon est en cours de rédaction/)).toBeInTheDocument();
    drafted = true;
    // polled every 1.5 s until the draft is there
    expect(await screen.findByText("brouillon hors-ligne — aucun modèle d'IA", {}, { timeout: 4000 })).toBeInTheDocument();
  });
  it('lets the adviser write it « sans IA », with an optional reason, where the use case allows it', async () => {
    const api = server({ 'POST /api/cases': json(caseView({ id: 43, status: 'HAND_DRAFTING', draft: null, withoutAi: true }), 201) });
    renderApp('/cases/new');
    const user = await fillForm();
    expect(screen.queryByLabelText('Pourquoi (facultatif)')).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /Je rédige moi-même, sans IA/ }));
    await user.type(screen.getByLabelText('Pourquoi (facultatif)'), 'Sociétaire très inquiet.');
    await user.click(screen.getByRole('button', { name: 'Envoyer la demande' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/cases')).toHaveLength(1));
    expect(JSON.parse(api.callsTo('POST', '/api/cases')[0].body as string)).toEqual({
      useCaseKey: 'reply-letter',
      memberId: 'M-1001',
      subject: 'Retard de remboursement',
      message: "Je n'ai rien reçu.",
      withoutAi: true,
      withoutAiReason: 'Sociétaire très inquiet.',
    });
    expect(await screen.findByText('Rédigé sans IA, au choix du conseiller.')).toBeInTheDocument();
  });

  it('offers no « sans IA » for an answer the AI gives from the rules', async () => {
    server();
    renderApp('/cases/new');
    const user = userEvent.setup();
    await screen.findByRole('option', { name: 'Assistant AMI' });
    await user.selectOptions(screen.getByLabelText("Cas d'usage"), 'knowledge-answer');
    expect(screen.queryByRole('checkbox', { name: /sans IA/ })).not.toBeInTheDocument();
  });

  it('asks no member for a question about the rules (AMI assistant)', async () => {
    const api = server({ 'POST /api/cases': json(caseView({ id: 77, useCaseKey: 'knowledge-answer', memberId: null })) });
    renderApp('/cases/new');
    const user = userEvent.setup();
    await screen.findByRole('option', { name: 'Assistant AMI' });
    await user.selectOptions(screen.getByLabelText("Cas d'usage"), 'knowledge-answer');
    expect(screen.queryByLabelText('Sociétaire')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Objet'), 'Franchise bris de glace');
    await user.type(screen.getByLabelText('Votre question'), 'Y a-t-il une franchise ?');
    await user.click(screen.getByRole('button', { name: 'Envoyer la demande' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/cases')).toHaveLength(1));
    expect(JSON.parse(api.callsTo('POST', '/api/cases')[0].body as string)).toMatchObject({
      useCaseKey: 'knowledge-answer',
      memberId: '',
    });
  });

  // --- member directory (issue 14): the insurer's member system may be down ---
  it('says in French when the member directory does not answer, keeps the search, and searches again on demand', async () => {
    let down = true;
    server({
      'GET /api/members': (call) => {
        if (down) {
          return json(
            {
              status: 503,
              message: "L'annuaire des sociétaires n'a pas répondu dans les 5 s. Votre saisie est conservée : réessayez dans un instant.",
              fieldErrors: { memberId: "L'annuaire des sociétaires n'a pas répondu dans les 5 s." },
            },
            503,
          );
        }
        const q = new URL(call.url, 'http://x').searchParams.get('q') ?? '';
        return json(members.filter((m) => m.displayName.toLowerCase().includes(q.toLowerCase())));
      },
    });
    renderApp('/cases/new');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Rechercher un sociétaire'), 'camille');
    await waitFor(() =>
      expect(screen.getByLabelText('Sociétaire')).toHaveAccessibleDescription(
        "L'annuaire des sociétaires n'a pas répondu dans les 5 s. Votre saisie est conservée : réessayez dans un instant.",
      ),
    );
    expect(screen.getByLabelText('Rechercher un sociétaire')).toHaveValue('camille');
    down = false;
    await user.click(screen.getByRole('button', { name: 'Relancer la recherche' }));
    expect(await screen.findByRole('option', { name: /Camille Martin/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Relancer la recherche' })).toBeNull();
  });

  it('keeps the whole request when the directory fails at sending, with the message next to the member', async () => {
    const api = server({
      'POST /api/cases': json(
        {
          status: 503,
          message: "L'annuaire des sociétaires est injoignable. Votre saisie est conservée : réessayez dans un instant.",
          fieldErrors: { memberId: "L'annuaire des sociétaires est injoignable. Votre saisie est conservée : réessayez dans un instant." },
        },
        503,
      ),
    });
    renderApp('/cases/new');
    const user = await fillForm();
    await user.click(screen.getByRole('button', { name: 'Envoyer la demande' }));
    await waitFor(() => expect(screen.getByLabelText('Sociétaire')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('Sociétaire')).toHaveAccessibleDescription(/L'annuaire des sociétaires est injoignable/);
    expect(currentRoute()).toBe('/cases/new');
    expect(screen.getByLabelText('Sociétaire')).toHaveValue('M-1001');
    expect(screen.getByLabelText('Objet')).toHaveValue('Retard de remboursement');
    expect(screen.getByLabelText('Message du sociétaire')).toHaveValue("Je n'ai rien reçu.");
    expect(api.callsTo('POST', '/api/cases')).toHaveLength(1);
  });

  it('asks for two characters when an empty search finds nobody (the member system is not asked to list everyone)', async () => {
    server({ 'GET /api/members': json([]) });
    renderApp('/cases/new');
    expect(await screen.findByText('Tapez au moins deux caractères du nom ou du numéro du sociétaire.')).toBeInTheDocument();
  });
  // --- end of member directory (issue 14) ---
});
