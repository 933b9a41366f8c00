#!/usr/bin/env node
// The data protection officer's screen in Chromium at 1366×900 (issue 16), with axe-core (WCAG 2.1
// A/AA) at each state: dora opens « Protection des données » from the navigation; an unknown member
// is refused in French; the member MEMBER_ID (filed a request by the JUnit driver) shows what an
// erasure touches; a reason holding a name is refused next to its field; the erasure is done with a
// reason, listed, and every audit chain still verifies.
//
//   BASE_URL=http://localhost:8080 MEMBER_ID=M-9180 node e2e/privacy-path.mjs
//
// Exit code 0 when every step passed, 1 otherwise. Helpers: lib.mjs. Driver: PrivacyBrowserIT.
import { runId, scenario } from './lib.mjs';

const memberId = process.env.MEMBER_ID ?? '';
// the run id in base 36: fourteen digits in a row (the date's) can pass the SIRET checksum, and a reason
// holding what looks like an identifier is rightly refused
const reference = `DPO-E2E-${Number(runId).toString(36).toUpperCase()}`;

scenario('privacy-path', 120_000, async (run) => {
  if (!memberId) throw new Error('MEMBER_ID is not set');
  await run.start();
  const page = run.page;
  await page.setViewportSize({ width: 1366, height: 900 });
  const memberField = page.getByLabel('Numéro du sociétaire', { exact: true });
  const check = page.getByRole('button', { name: 'Voir ce qui sera effacé', exact: true });

  await run.step('dora opens « Protection des données »', async () => {
    await run.login('dora');
    await run.navigate('Protection des données', 'Protection des données');
    await page.getByRole('heading', { level: 2, name: 'Ce que la loi impose de conserver (et qui est conservé)' }).waitFor();
    await run.checkAccessibility('privacy');
  });

  await run.step('an unknown member is refused in French', async () => {
    await memberField.fill('M-0000');
    await check.click();
    await page.getByText('Tandem ne conserve aucune donnée du sociétaire « M-0000 ».').waitFor();
    await run.checkAccessibility('privacy-unknown');
  });

  await run.step(`what erasing ${memberId} touches`, async () => {
    await memberField.fill(memberId);
    await check.click();
    await page.getByTestId('erasure-preview').getByText(`du sociétaire ${memberId}`).waitFor();
    await run.checkAccessibility('privacy-preview');
    await run.screenshot('privacy-01-preview');
  });

  const reason = page.getByLabel("Motif de l'effacement", { exact: true });
  const erase = page.getByRole('button', { name: 'Effacer définitivement', exact: true });
  await run.step('a reason naming a person is refused next to its field', async () => {
    await reason.fill('Demande de Apolline Verdier');
    await erase.click();
    // the server's message (the field's hint says the same in other words, and is there from the start)
    await page.getByText(/Le motif est conservé : n'y mettez aucune donnée personnelle/).waitFor();
    if ((await reason.getAttribute('aria-invalid')) !== 'true') throw new Error('the reason field is not marked invalid');
    await run.checkAccessibility('privacy-refused');
  });

  await run.step('the erasure, with its reason, and the audit still verifies', async () => {
    await reason.fill(`Demande d'effacement art. 17 reçue le 3 mars, réf. ${reference}`);
    await erase.click();
    await page.getByRole('status').filter({ hasText: /Effacement n° \d+ fait/ }).waitFor();
    await page.getByRole('row').filter({ hasText: reference }).waitFor();
    await page.getByRole('button', { name: 'Vérifier toutes les chaînes', exact: true }).click();
    await page.getByTestId('audit-summary').filter({ hasText: 'vérifiées' }).waitFor();
    await run.checkAccessibility('privacy-done');
    await run.screenshot('privacy-02-done');
  });
});
