#!/usr/bin/env node
// The task page's other paths in a real browser, against a running Tandem (see lib.mjs):
//  1. regenerate with an instruction, then reject with a reason (reply letter → hand-drafting);
//  2. AI failure → hand-drafting (use case `test-ai-off-letter`, whose AI step is switched off: the
//     browser tests' application has it among its use cases), then approval after a full reading;
//  3. extraction verification (use case `record-extraction`), field by field;
//  4. a user of another group cannot open the task (403, in French);
//  5. four-eyes denial (`claim-summary`: the expert who edited the summary cannot approve it);
//  6. the AI referent's screen for authorising a pre-prompt version after its evaluation (the chatbot's
//     version in service, which unattended answers need a person's authorisation for: read, and a refusal
//     needs a reason; nothing is decided, the chatbot's state stays as it was).
// Every page is checked with axe-core (WCAG 2.1 A/AA); screenshots go to target/e2e/.
//
//   BASE_URL=http://localhost:8080 node e2e/task-paths.mjs
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DRAFT_TIMEOUT_MS, runId, scenario } from './lib.mjs';

const subjects = {
  regenerated: `Attestation demandée (e2e regen ${runId})`,
  handDrafted: `Réclamation sans IA (e2e manuel ${runId})`,
  extraction: `Relevé d'information (e2e extraction ${runId})`,
  claim: `Dégât des eaux (e2e quatre yeux ${runId})`,
};
const message = "Bonjour, pouvez-vous m'envoyer une attestation d'assurance habitation pour mon nouveau bailleur ?";
const instruction = `Mentionnez le délai d'envoi de l'attestation (réf. ${runId}).`;
const reason = `Le sociétaire demande une attestation que nous envoyons automatiquement (réf. ${runId}).`;
const handWritten = `Madame, Monsieur,\n\nNous avons bien reçu votre réclamation et la traitons en priorité (réf. ${runId}).\n\nBien cordialement,\nVotre conseillère`;
const claimDossier =
  "Déclaration du 02/10/2026 : dégât des eaux dans la cuisine, fuite d'un joint sous l'évier. Expert mandaté le 05/10/2026, rapport reçu le 12/10/2026.";
const releve = readFileSync(
  fileURLToPath(new URL('../../backend/src/test/resources/releves/releve-dupont.txt', import.meta.url)),
  'utf8',
);

scenario('task-paths', 300_000, async (run) => {
  await run.start();
  const page = run.page;
  const button = (name) => page.getByRole('button', { name, exact: true });
  const ids = {};

  await run.step('as the adviser alice, file four requests', async () => {
    await run.login('alice');
    run.forSubject(subjects.regenerated);
    ids.regenerated = await run.fileRequest('reply-letter', message);
    run.forSubject(subjects.handDrafted);
    ids.handDrafted = await run.fileRequest('test-ai-off-letter', "Bonjour, je conteste le montant de ma cotisation 2027, qui a augmenté de 12 %.");
    run.forSubject(subjects.extraction);
    ids.extraction = await run.fileRequest('record-extraction', releve);
    run.forSubject(subjects.claim);
    ids.claim = await run.fileRequest('claim-summary', claimDossier);
  });

  // 2. AI failure → hand-drafting
  await run.step('the AI is off for this use case: the request comes back to alice to write by hand', async () => {
    run.forSubject(subjects.handDrafted);
    await run.gotoTasks();
    await run.openTask('handDraft', 'Rédiger à la main');
    const failure = ((await page.getByTestId('failure-reason').textContent()) ?? '').trim();
    if (!failure.startsWith("L'IA n'a pas pu produire de brouillon")) throw new Error(`no failure reason shown: "${failure}"`);
    run.log(`  ${failure}`);
    await run.checkAccessibility('hand-drafting task');
    await run.screenshot('20-hand-draft');
    await page.getByLabel('Texte du courrier', { exact: true }).fill(handWritten);
    await button('Terminer la rédaction').click();
    await run.expectBackOnTaskList();
  });

  // 3. extraction verification
  await run.step('alice verifies the extracted fields beside their source, field by field', async () => {
    run.forSubject(subjects.extraction);
    await run.openTask('verifyFields', 'Vérifier les champs extraits');
    const rows = page.locator('li.extraction-field');
    await rows.first().waitFor({ timeout: DRAFT_TIMEOUT_MS });
    await run.checkAccessibility('extraction verification');
    await run.screenshot('21-extraction');
    const count = await rows.count();
    let confirmed = 0;
    for (let i = 0; i < count; i++) {
      const row = rows.nth(i);
      const confirm = row.getByRole('button', { name: 'Confirmer', exact: true });
      if (await confirm.isEnabled()) {
        await confirm.click();
        confirmed++;
      } else {
        await row.getByRole('button', { name: 'Absent du document', exact: true }).click();
      }
      // one decision at a time: the screen ignores a click while the previous one is being saved
      await page.waitForFunction((n) => document.querySelectorAll('li.extraction-field')[n]?.getAttribute('data-status') !== 'PENDING', i);
    }
    await page.getByText(`${count} champ(s) décidé(s) sur ${count}`, { exact: true }).waitFor();
    run.log(`  ${count} fields: ${confirmed} confirmed, ${count - confirmed} marked absent`);
    await button('Enregistrer les champs vérifiés').click();
    await run.expectBackOnTaskList();
  });

  // 1. regenerate with an instruction, then reject with a reason
  await run.step('as the expert bob, regenerate the draft with an instruction', async () => {
    await run.as('bob');
    run.forSubject(subjects.regenerated);
    await run.openTask('review', "Relire le brouillon de l'IA");
    await page.getByText('Régénérations : 0 / 2', { exact: true }).waitFor();
    await page.getByLabel("Consigne pour l'IA", { exact: true }).fill(instruction);
    await button('Régénérer avec une consigne').click();
    await run.expectBackOnTaskList();
  });

  await run.step('the new draft comes back for review, with the instruction and the count', async () => {
    await run.openTask('review', "Relire le brouillon de l'IA");
    await page.getByText('Régénérations : 1 / 2', { exact: true }).waitFor();
    const note = ((await page.getByTestId('last-decision').textContent()) ?? '').trim();
    if (!note.includes(instruction)) throw new Error(`the page does not show the instruction given: "${note}"`);
    await run.checkAccessibility('review task after a regeneration');
    await run.screenshot('22-review-regenerated');
  });

  await run.step('reject: a reason is required (French message next to the field), then given', async () => {
    await button('Rejeter').click();
    const field = page.getByLabel('Motif du rejet', { exact: true });
    await page.getByText('Indiquez le motif du rejet.', { exact: true }).waitFor();
    if ((await field.getAttribute('aria-invalid')) !== 'true') throw new Error('the empty reason is not marked invalid');
    await run.checkAccessibility('review task with an error');
    await field.fill(reason);
    await button('Rejeter').click();
    await run.expectBackOnTaskList();
  });

  await run.step('the rejected letter goes to hand-drafting (reply letters: onReject HAND_DRAFT)', async () => {
    const row = run.taskRow('handDraft').first();
    await row.waitFor({ timeout: DRAFT_TIMEOUT_MS });
    const href = (await row.getByRole('link').first().getAttribute('href')) ?? '';
    ids.handDraftTask = decodeURIComponent(href.replace(/^#\/tasks\//, ''));
    run.log(`  hand-drafting task ${ids.handDraftTask}`);
  });

  // 2. (end) the hand-written letter is approved after a full reading
  await run.step('bob approves alice\'s hand-written letter once he has displayed all of it', async () => {
    run.forSubject(subjects.handDrafted);
    await run.openTask('approve', 'Approuver le contenu');
    const approve = button('Approuver et envoyer');
    if (await approve.isEnabled()) {
      // a short letter fits on screen: its end is already displayed
      run.log('  the whole letter is on screen at once');
    }
    await run.displayWholeText();
    await run.checkAccessibility('approval of a hand-written letter');
    await approve.click();
    await run.waitForRoute(`#/cases/${ids.handDrafted}`, (id) => location.hash === `#/cases/${id}`, ids.handDrafted);
    const letter = page.getByTestId('disclosed-text');
    await letter.waitFor({ timeout: DRAFT_TIMEOUT_MS });
    if (!((await letter.textContent()) ?? '').includes(`réf. ${runId}`)) throw new Error('the disclosed letter is not the hand-written one');
  });

  // 4. another group
  await run.step('ines (claims experts) cannot open the letters\' task: 403 explained in French', async () => {
    await run.as('ines');
    await page.goto(`${run.baseUrl}/#/tasks/${encodeURIComponent(ids.handDraftTask)}`);
    const alert = page.getByRole('alert').filter({ hasText: 'réservée à un autre groupe' });
    await alert.waitFor();
    run.log(`  ${((await alert.textContent()) ?? '').trim()}`);
    if (await page.getByLabel('Texte du courrier', { exact: true }).count()) throw new Error('the editor is shown to another group');
    await run.checkAccessibility('task of another group (403)');
    await run.screenshot('23-other-group');
  });

  // 5. four-eyes denial
  await run.step('ines edits the claim summary', async () => {
    run.forSubject(subjects.claim);
    await run.gotoTasks();
    await run.openTask('review', "Relire le brouillon de l'IA");
    await button('Modifier').click();
    await run.expectBackOnTaskList();
    await run.openTask('edit', 'Modifier le contenu');
    const editor = page.getByLabel('Texte du courrier', { exact: true });
    await page.waitForFunction(() => (document.querySelector('textarea[name="text"]')?.value ?? '').trim().length > 0);
    const text = (await editor.inputValue()).replace(/\[À COMPLÉTER[^\]]*\]/g, 'Franchise appliquée : 150 euros.');
    await editor.fill(`${text}\n\nSynthèse vérifiée (réf. ${runId}).`);
    await button('Terminer la modification').click();
    await run.expectBackOnTaskList();
  });

  await run.step('ines cannot approve the summary she edited (four eyes): the refusal is shown in French', async () => {
    await run.openTask('approve', 'Approuver le contenu');
    await page.getByText("Principe des quatre yeux : une personne qui a modifié ce contenu ne peut pas l'approuver.").waitFor();
    await run.displayWholeText();
    await button('Approuver et envoyer').click();
    const alert = page.getByRole('alert').filter({ hasText: 'principe des quatre yeux' });
    await alert.waitFor();
    run.log(`  ${((await alert.textContent()) ?? '').trim()}`);
    if (!/^#\/tasks\//.test(new URL(page.url()).hash)) throw new Error('the page left the task after a refused approval');
    await run.checkAccessibility('four-eyes refusal');
    await run.screenshot('24-four-eyes');
  });

  // 6. the AI referent's authorisation screen: opened and checked, not decided
  await run.step('rachel reads the pre-prompt version to authorise; refusing needs a reason, said next to it', async () => {
    await run.as('rachel');
    await run.gotoTasks();
    await run.waitForRoute('#/tasks', () => location.hash === '#/tasks');
    const row = page.locator('tr[data-task-key="authorizePromptVersion"]').first();
    await row.waitFor({ timeout: DRAFT_TIMEOUT_MS });
    await row.getByRole('link').first().click();
    await page.getByTestId('pre-prompt').waitFor();
    const version = ((await page.getByTestId('candidate-label').textContent()) ?? '').trim();
    if (!version.includes('@v')) throw new Error(`no pre-prompt version shown (got "${version}")`);
    run.log(`  pre-prompt version ${version}`);
    if (await button('Autoriser cette version').isEnabled()) run.log('  the whole pre-prompt is on screen at once');
    await run.checkAccessibility('authorisation of a pre-prompt version');
    await button('Refuser cette version').click();
    await page.getByLabel('Motif du refus', { exact: true }).and(page.locator('[aria-invalid="true"]')).waitFor();
    await page.getByText('Expliquez pourquoi vous refusez cette version.', { exact: true }).first().waitFor();
    await run.checkAccessibility('authorisation refused without a reason');
    await run.screenshot('25-authorisation');
  });
});
