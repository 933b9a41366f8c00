#!/usr/bin/env node
// The request form when the member directory is the insurer's member system (HTTP), in a real browser
// at 1366×900 against a running Tandem whose directory points at a local server that speaks the
// contract (MemberDirectoryBrowserIT); axe-core (WCAG 2.1 A/AA) on every screen:
//  1. alice: the picker searches the member system and she chooses a member, types her request;
//  2. the member system fails: a new search says so in French under the list; sending says so next to
//     the member, and the form keeps everything she typed;
//  3. the member system answers again: the same request is sent, the case opens with its member;
//  4. admin: « Sociétaires » shows the member system's address (no secret) and checks it.
// Env (from the Java side): E2E_RUN, MEMBER_ID, MEMBER_SYSTEM_CONTROL (POST …/mode/{MODE}), MEMBER_SYSTEM_URL.
import { scenario } from './lib.mjs';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

async function memberSystem(mode) {
  const response = await fetch(`${env('MEMBER_SYSTEM_CONTROL')}/mode/${mode}`, { method: 'POST' });
  if (!response.ok) throw new Error(`the fake member system refused the mode ${mode}: ${response.status}`);
}

scenario('member-directory-path', 240_000, async (run) => {
  const e2e = env('E2E_RUN');
  const memberId = env('MEMBER_ID');
  await run.start();
  const page = run.page;
  await page.setViewportSize({ width: 1366, height: 900 });
  const button = (name) => page.getByRole('button', { name, exact: true });
  const subject = `Attestation (e2e annuaire HTTP ${e2e})`;
  const message = "Bonjour, j'ai besoin d'une attestation d'assurance habitation pour mon bailleur.";
  const member = () => page.getByLabel('Sociétaire', { exact: true });
  const search = () => page.getByLabel('Rechercher un sociétaire', { exact: true });

  await run.step('alice: the picker searches the member system', async () => {
    await memberSystem('NORMAL');
    await run.login('alice');
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Nouvelle demande', exact: true })
      .click();
    await run.heading('Nouvelle demande').waitFor();
    await page.locator('select[name="useCaseKey"] option[value="reply-letter"]').waitFor({ state: 'attached' });
    await page.getByText('Tapez au moins deux caractères du nom ou du numéro du sociétaire.', { exact: true }).waitFor();
    await page.getByLabel("Cas d'usage", { exact: true }).selectOption('reply-letter');
    await search().fill('le goff');
    await page.locator(`select[name="memberId"] option[value="${memberId}"]`).waitFor({ state: 'attached' });
    await page.getByText('2 sociétaire(s) trouvé(s)', { exact: true }).waitFor();
    await member().selectOption(memberId);
    await page.getByLabel('Objet', { exact: true }).fill(subject);
    await page.getByLabel('Message du sociétaire', { exact: true }).fill(message);
    await run.checkAccessibility('new request, member system answering');
  });

  await run.step('the member system fails: a French message under the list, the search kept', async () => {
    await memberSystem('SERVER_ERROR');
    await search().fill('le goffe');
    await page.getByText("L'annuaire des sociétaires est en erreur (HTTP 503). Votre saisie est conservée : réessayez dans un instant.", { exact: true })
      .first()
      .waitFor();
    await button('Relancer la recherche').waitFor();
    if ((await search().inputValue()) !== 'le goffe') throw new Error('the search text was lost');
    if ((await member().inputValue()) !== memberId) throw new Error('the chosen member was lost');
    await run.checkAccessibility('new request, member system failing');
  });

  await run.step('the member system is too slow when sending: the refusal is next to the member, nothing typed is lost', async () => {
    // another failure than the search's, so the message checked is the sending's
    await memberSystem('SLOW');
    await button('Envoyer la demande').click();
    await button('Envoyer la demande').waitFor({ timeout: 30_000 });
    const described = await member().evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    if (!described.includes("L'annuaire des sociétaires n'a pas répondu dans les 1,5 s. Votre saisie est conservée")) {
      throw new Error(`member field says: ${described}`);
    }
    if ((await member().getAttribute('aria-invalid')) !== 'true') throw new Error('the member field is not marked invalid');
    const hash = new URL(page.url()).hash;
    if (hash !== '#/cases/new') throw new Error(`left the form: ${hash}`);
    const kept = {
      member: await member().inputValue(),
      subject: await page.getByLabel('Objet', { exact: true }).inputValue(),
      message: await page.getByLabel('Message du sociétaire', { exact: true }).inputValue(),
    };
    if (kept.member !== memberId || kept.subject !== subject || kept.message !== message) {
      throw new Error(`the form lost what was typed: ${JSON.stringify(kept)}`);
    }
    run.log(`  « ${described.trim()} »; member, subject and message kept`);
    await run.checkAccessibility('new request, sending refused');
    await run.screenshot('member-directory-path-refused');
  });

  await run.step('the member system answers again: the same request is sent', async () => {
    await memberSystem('NORMAL');
    await button('Envoyer la demande').click();
    await page.waitForFunction(() => /^#\/cases\/\d+$/.test(location.hash));
    await page.getByText('Soizic Le Goff').first().waitFor();
    run.log(`  case ${new URL(page.url()).hash} about Soizic Le Goff`);
  });

  await run.step('admin: the member system, without its secret, checked', async () => {
    await run.as('admin');
    await run.navigate('Sociétaires', 'Sociétaires');
    await page.getByText(env('MEMBER_SYSTEM_URL'), { exact: true }).waitFor();
    await page.getByText('jeton (Bearer)', { exact: true }).waitFor();
    await page.getByText(/L'import CSV ne sert qu'à l'annuaire de Tandem/).waitFor();
    await button('Vérifier la connexion').click();
    const check = ((await page.getByTestId('directory-check').textContent()) ?? '').trim();
    if (!check.startsWith("L'annuaire des sociétaires répond")) throw new Error(`check: ${check}`);
    await memberSystem('FORBIDDEN');
    await button('Vérifier la connexion').click();
    await page.getByTestId('directory-check').getByText(/refuse l'accès de Tandem \(HTTP 403\)/).waitFor();
    await run.checkAccessibility('members administration, member system');
    await memberSystem('NORMAL');
  });
});
