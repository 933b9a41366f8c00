#!/usr/bin/env node
// The quality loop in a real browser at 1366×900, against a running Tandem (see lib.mjs), with the test
// use case `test-quality-letter` (its reading-speed floor on, every disclosed content drawn for a second
// review; QualityBrowserIT draws in the background while this runs):
//  1. alice files a request; bob accepts the AI draft and approves it faster than reading: each time the
//     screen asks for a confirmation (the server's 409), he confirms, it goes through and is counted;
//  2. chloe gets the blind second review (not bob, who reviewed it): the draft and the request only; she
//     rates it « à corriger » with a reason;
//  3. bob reads his own figures (« Mes indicateurs ») and chooses to share them;
//  4. rachel, on the quality screen, evaluates the use case's version in service again: the evaluation page
//     shows its progress bar, then the comparison; she opens the decision and authorises it after reading
//     it all; she downloads the corrections dataset (JSONL, no member's name in it);
//  5. marc, manager, reads the quality screen: κ per use case, the reviewers' figures under the rule.
// Every page is checked with axe-core (WCAG 2.1 A/AA); screenshots go to target/e2e/.
//
//   BASE_URL=http://localhost:8080 node e2e/quality-path.mjs
import { DRAFT_TIMEOUT_MS, runId, scenario } from './lib.mjs';

const USE_CASE = 'test-quality-letter';
const subject = `Horaires de l'agence (e2e qualité ${runId})`;
const message = "Bonjour, pouvez-vous me confirmer les horaires d'ouverture de l'agence de Niort ce samedi ?";

scenario('quality-path', 420_000, async (run) => {
  await run.start();
  const page = run.page;
  await page.setViewportSize({ width: 1366, height: 900 });
  const button = (name) => page.getByRole('button', { name, exact: true });
  run.forSubject(subject);
  let memberName = '';
  let caseId = '';

  await run.step('alice files a request of the quality test use case', async () => {
    await run.login('alice');
    const id = await run.fileRequest(USE_CASE, message);
    caseId = id;
    memberName = await page.evaluate(async (c) => (await (await fetch(`/api/cases/${c}`)).json()).memberName, id);
    run.log(`  about ${memberName}`);
  });

  await run.step('bob accepts faster than reading: the screen asks him to confirm, axe-clean, then it goes through', async () => {
    await run.as('bob');
    await run.gotoTasks();
    await run.openTask('review', "Relire le brouillon de l'IA");
    await page.getByRole('group', { name: 'Motifs (facultatif)' }).waitFor();
    await run.displayWholeText();
    await button('Accepter tel quel').click();
    const alert = page.getByRole('alert').filter({ hasText: 'Approbation plus rapide que la lecture' });
    await alert.waitFor();
    run.log(`  ${((await alert.textContent()) ?? '').trim().slice(0, 160)}…`);
    await run.checkAccessibility('review: confirmation of an acceptance faster than reading');
    await run.screenshot('40-fast-accept-confirmation');
    await alert.getByRole('button', { name: "Je confirme l'avoir lu en entier", exact: true }).click();
    await run.expectBackOnTaskList();
  });

  await run.step('bob approves faster than reading, confirms, and the case opens', async () => {
    await run.openTask('approve', 'Approuver le contenu');
    await run.displayWholeText();
    await button('Approuver et envoyer').click();
    const alert = page.getByRole('alert').filter({ hasText: 'Approbation plus rapide que la lecture' });
    await alert.waitFor();
    await alert.getByRole('button', { name: "Je confirme l'avoir lu en entier", exact: true }).click();
    await run.waitForRoute('#/cases/<id>', () => /^#\/cases\/\d+$/.test(location.hash));
  });

  await run.step('chloe, not bob, gets the blind second review: the draft and the request, not the decision', async () => {
    await run.as('chloe');
    await run.gotoTasks();
    await run.openTask('secondReview', "Seconde relecture à l'aveugle");
    await page.getByTestId('draft-text').waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    if (text.includes('Décision') && text.includes('bob')) throw new Error('the second review shows who decided first');
    await run.checkAccessibility('blind second review');
    await run.screenshot('41-second-review');
    await run.displayWholeText();
    await page.getByRole('radio', { name: 'À corriger', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Ton inadapté', exact: true }).check();
    await page.getByLabel('Commentaire (facultatif)', { exact: true }).fill(`La formule d'appel est trop sèche (${runId}).`);
    await run.checkAccessibility('blind second review, verdict chosen');
    await button('Enregistrer mon avis').click();
    await run.expectBackOnTaskList();
  });

  await run.step('bob reads his own figures, with the two confirmed fast approvals, and chooses to share them', async () => {
    await run.as('bob');
    await run.navigate('Mes indicateurs', 'Mes indicateurs de relecture');
    const row = page.getByTestId('figures-row').filter({ hasText: 'Courrier de réponse (boucle qualité, test)' });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    run.log(`  bob's figures on the test use case: ${cells.join(' | ')}`);
    if (Number(cells[cells.length - 1]) < 2) throw new Error(`the fast approvals are not counted: ${cells.join(' | ')}`);
    await run.checkAccessibility("reviewer's own figures");
    await run.screenshot('42-my-figures');
    // another test of the suite may have left bob sharing (the database is shared): back to private first
    if (await page.getByText('Vous partagez vos indicateurs avec les managers.', { exact: true }).isVisible()) {
      await button('Ne plus partager mes indicateurs').click();
      await page.getByText('Vos indicateurs ne sont visibles que par vous.', { exact: true }).waitFor();
    }
    await button('Partager mes indicateurs').click();
    await page.getByText('Vous partagez vos indicateurs avec les managers.', { exact: true }).waitFor();
  });

  await run.step('rachel evaluates the version in service again: a progress bar, then the comparison', async () => {
    await run.as('rachel');
    await run.navigate('Qualité', 'Qualité des contenus');
    await page.getByTestId('quality-versions').waitFor();
    await run.checkAccessibility('quality (AI referent)');
    await run.screenshot('43-quality-referent');
    const serving = page.locator('[data-testid="quality-versions"] tr').filter({ hasText: `${USE_CASE}@v` }).filter({ hasText: 'En service' });
    await serving.first().getByRole('button', { name: 'Évaluer à nouveau', exact: true }).click();
    await run.waitForRoute('#/quality/evaluations/<id>', () => /^#\/quality\/evaluations\/\d+$/.test(location.hash));
    const progress = page.getByTestId('evaluation-progress');
    await progress.waitFor();
    run.log(`  progress: ${((await progress.textContent()) ?? '').trim()}`);
    await page.locator('[data-testid="evaluation-progress"][data-status="DONE"]').waitFor({ timeout: DRAFT_TIMEOUT_MS });
    run.log(`  done: ${((await progress.textContent()) ?? '').trim()}`);
    await page.getByTestId('evaluation-totals').waitFor();
    await run.checkAccessibility('evaluation run');
    await run.screenshot('44-evaluation');
  });

  await run.step('rachel opens the decision, reads the comparison and the text, and authorises the version', async () => {
    await page.getByRole('link', { name: 'Décider de cette version', exact: true }).click();
    await page.getByTestId('pre-prompt').waitFor();
    await run.checkAccessibility('authorisation of an evaluated version');
    const end = page.getByTestId('pre-prompt');
    await end.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await page.locator('#authorize-version-display.display-done').waitFor();
    await button('Autoriser cette version').click();
    await run.expectBackOnTaskList();
  });

  await run.step('rachel downloads the corrections dataset: one JSON line per case, no member named', async () => {
    await run.navigate('Qualité', 'Qualité des contenus');
    await page.getByLabel("Cas d'usage", { exact: true }).selectOption(USE_CASE);
    const href = await page.getByTestId('export-link').getAttribute('href');
    const response = await page.request.get(new URL(href, run.baseUrl).toString());
    if (response.status() !== 200) throw new Error(`export answered ${response.status()}`);
    const body = await response.text();
    const lines = body.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const mine = lines.filter((l) => String(l.caseId) === caseId);
    if (mine.length !== 1) throw new Error(`the exported dataset has ${mine.length} line(s) for this run's case`);
    for (const part of memberName.split(' ').filter((p) => p.length > 2)) {
      if (body.includes(part)) throw new Error(`the export names the member: "${part}"`);
    }
    run.log(`  ${lines.length} case(s) exported; this run's: outcome ${mine[0].outcome}, version ${mine[0].promptVersion}, model ${mine[0].model}; "${memberName}" nowhere`);
    await run.checkAccessibility('quality (export chosen)');
  });

  await run.step('marc reads the quality screen: the agreement with its interval, the figures under the rule', async () => {
    await run.as('marc');
    await run.navigate('Qualité', 'Qualité des contenus');
    const row = page.locator(`[data-testid="quality-agreement"] tr[data-use-case="${USE_CASE}"]`);
    await row.waitFor();
    run.log(`  agreement: ${((await row.textContent()) ?? '').replace(/\s+/g, ' ').trim()}`);
    await page.getByTestId('hidden-reviewers').waitFor();
    await run.checkAccessibility('quality (manager)');
    await run.screenshot('45-quality-manager');
  });
});
