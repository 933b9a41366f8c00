#!/usr/bin/env node
// End-to-end check of the GenAI project lifecycle against a running Tandem, each step by the demo
// user of its role through the real screens, with axe-core (WCAG 2.1 A/AA) on each screen:
// the public page « Notre usage de l'IA » without a session → alice files an idea (Boîte à idées)
// → rachel triages it and justifies the need for generative AI (Tri des idées) → diane scores and
// selects it (Portefeuille) → eric gives the ethics committee's opinion on the nine criteria
// (Comité éthique) → marc sets the experiment up on the meeting report (Niort pilot, Lyon control),
// decides « Ajuster et poursuivre », sets it up again and decides « Généraliser » (experiment page)
// → the public page now shows the meeting report under experiment in one pilot entity, and the
// footprint chart with its table (the JUnit driver records two model calls: the tests draft offline).
//
//   BASE_URL=http://localhost:8080 node e2e/lifecycle-path.mjs
//
// Exit code 0 when every step passed, 1 otherwise. Helpers: lib.mjs. The JUnit driver
// (LifecycleBrowserTest) removes the meeting report's experiment rows before and after.
import { runId, scenario } from './lib.mjs';

const title = `Résumé des réclamations (e2e ${runId})`;
const USE_CASE = "Compte-rendu d'entretien";

scenario('lifecycle-path', 120_000, async (run) => {
  await run.start();
  const page = run.page;
  let id;

  await run.step('the public page, without logging in', async () => {
    const useCases = await run.openTransparency();
    await useCases.getByRole('row').filter({ hasText: USE_CASE }).filter({ hasText: 'En service dans toutes nos entités' }).waitFor();
    await run.screenshot('lifecycle-01-transparency');
    await run.leaveTransparency();
  });

  await run.step('alice files an idea in the idea box', async () => {
    await run.login('alice');
    await run.navigate('Boîte à idées', 'Boîte à idées');
    await page.locator('select option[value="reseau"]').waitFor({ state: 'attached' });
    await run.checkAccessibility('idea box');
    await page.getByLabel('Titre', { exact: true }).fill(title);
    await page.getByLabel('Le problème à résoudre', { exact: true }).fill(
      'Chaque réclamation demande de relire tout le dossier avant de répondre au sociétaire.');
    await page.getByLabel("L'équipe concernée", { exact: true }).fill('Service réclamations');
    await page.getByLabel('À quelle fréquence ?', { exact: true }).fill('une cinquantaine par jour');
    await page.getByLabel("Temps passé aujourd'hui", { exact: true }).fill('12 minutes par réclamation');
    await page.getByLabel('Données concernées', { exact: true }).fill('courriers du sociétaire, historique du contrat');
    await page.getByLabel('Direction', { exact: true }).selectOption('reseau');
    await page.getByRole('button', { name: "Déposer l'idée", exact: true }).click();
    const status = page.getByRole('status').filter({ hasText: 'Votre idée n°' });
    await status.waitFor();
    id = Number(/n° (\d+)/.exec((await status.textContent()) ?? '')?.[1]);
    if (!id) throw new Error(`no idea number in "${await status.textContent()}"`);
    run.log(`  idea n° ${id}`);
    await page.getByRole('row').filter({ hasText: `n° ${id} — ${title}` }).filter({ hasText: 'En attente de tri' }).waitFor();
  });

  const card = () => page.getByRole('region', { name: `n° ${id} — ${title}`, exact: true });

  await run.step('rachel (AI referent) accepts it and justifies generative AI', async () => {
    await run.as('rachel');
    await run.navigate('Tri des idées', 'Trier les idées');
    await card().waitFor();
    await run.checkAccessibility('triage');
    await card().getByRole('button', { name: 'Accepter', exact: true }).click();
    const necessity = card().getByLabel("Pourquoi l'IA générative plutôt qu'une solution plus simple ?", { exact: true });
    await necessity.fill('Les réclamations sont des textes libres, chacune différente : aucun modèle de courrier ne suffit.');
    await card().getByRole('button', { name: 'Enregistrer la justification', exact: true }).click();
    await card().waitFor({ state: 'detached' });
  });

  await run.step('diane (directorate) scores and selects it on the portfolio', async () => {
    await run.as('diane');
    await run.navigate('Portefeuille', 'Portefeuille des projets');
    await card().waitFor();
    await run.checkAccessibility('portfolio');
    await card().getByRole('button', { name: 'Calculer le score', exact: true }).click();
    const scored = card().getByRole('status').filter({ hasText: 'Score' });
    await scored.waitFor();
    run.log(`  ${(await scored.textContent())?.trim()}`);
    await card().getByLabel('Justification de la décision', { exact: true }).fill('Volume élevé, risque limité (e2e).');
    await card().getByRole('button', { name: 'Retenir', exact: true }).click();
    await card().waitFor({ state: 'detached' });
    await page.getByRole('row').filter({ hasText: `n° ${id} — ${title}` }).filter({ hasText: 'Retenir (diane)' }).waitFor();
    await run.screenshot('lifecycle-02-portfolio');
  });

  await run.step('eric (ethics committee) reviews the nine criteria', async () => {
    await run.as('eric');
    await run.navigate('Comité éthique', 'Comité éthique et de contrôle');
    await card().waitFor();
    await run.checkAccessibility('ethics committee');
    const criteria = card().locator('fieldset.criterion');
    const count = await criteria.count();
    if (count !== 9) throw new Error(`expected the nine criteria, found ${count}`);
    for (let i = 0; i < count; i++) {
      await criteria.nth(i).getByLabel('Favorable', { exact: true }).check();
      await criteria.nth(i).getByRole('textbox').fill('Examiné en séance : rien à signaler (e2e).');
    }
    await card().getByRole('group', { name: 'Avis du comité', exact: true }).getByLabel('Favorable', { exact: true }).check();
    await card().getByRole('button', { name: "Rendre l'avis", exact: true }).click();
    await card().waitFor({ state: 'detached' });
  });

  const setup = () => page.getByRole('region', { name: "Préparer l'expérimentation", exact: true });
  const decision = () => page.getByRole('region', { name: 'Décision', exact: true });

  async function setUp(target, guardrail) {
    await setup().waitFor();
    await setup().locator('option[value="meeting-report"]').waitFor({ state: 'attached' });
    await setup().getByLabel('Agence de Niort', { exact: true }).waitFor();
    await setup().getByLabel("Cas d'usage expérimenté", { exact: true }).selectOption('meeting-report');
    await setup().getByLabel('Agence de Niort', { exact: true }).selectOption('PILOT');
    await setup().getByLabel('Agence de Lyon', { exact: true }).selectOption('CONTROL');
    await setup().getByLabel('Référence', { exact: true }).fill('30');
    await setup().getByLabel('Cible', { exact: true }).fill(String(target));
    await setup().getByLabel('Garde-fou', { exact: true }).fill(String(guardrail));
    await setup().getByRole('button', { name: "Démarrer l'expérimentation", exact: true }).click();
    await decision().waitFor();
  }

  async function decide(choice, why) {
    await decision().getByLabel(choice, { exact: true }).check();
    await decision().getByLabel('Pourquoi (enregistré avec votre nom)', { exact: true }).fill(why);
    await decision().getByRole('button', { name: 'Enregistrer la décision', exact: true }).click();
    await decision().waitFor({ state: 'detached' });
  }

  await run.step('marc (manager) sets the experiment up on the experiment page', async () => {
    await run.as('marc');
    await run.navigate('Expérimentations', 'Expérimentations et déploiements');
    await page.getByRole('link', { name: `n° ${id} — ${title}`, exact: true }).click();
    await run.heading(`Expérimentation — ${title}`).waitFor();
    await setup().locator('option[value="meeting-report"]').waitFor({ state: 'attached' });
    await run.checkAccessibility('experiment set-up');
    await setUp(15, 45);
    await page.getByText('Entités : Agence de Niort (Pilote), Agence de Lyon (Témoin)', { exact: true }).waitFor();
    await run.checkAccessibility('experiment decision');
    await run.screenshot('lifecycle-03-experiment');
  });

  await run.step('marc decides « Ajuster et poursuivre »: the set-up comes back', async () => {
    await decide('Ajuster et poursuivre', 'La cible était trop ambitieuse pour un premier mois (e2e).');
    await setUp(20, 45);
  });

  await run.step('marc decides « Généraliser »: the project goes to the committee before rollout', async () => {
    await decide('Généraliser', 'Les pilotes gagnent du temps sans dégrader la qualité (e2e).');
    await page.getByText('Comité éthique ·', { exact: false }).first().waitFor();
    const decisions = page.getByRole('listitem').filter({ hasText: '(marc)' });
    const texts = await decisions.allTextContents();
    for (const expected of ['ADJUST', 'GENERALISE']) {
      if (!texts.some((t) => t.includes(expected))) throw new Error(`no ${expected} decision listed: ${texts.join(' | ')}`);
    }
    await run.screenshot('lifecycle-04-generalised');
  });

  await run.step('the public page shows the meeting report under experiment', async () => {
    await run.logout();
    const useCases = await run.openTransparency();
    await useCases.getByRole('row').filter({ hasText: USE_CASE }).filter({ hasText: 'En expérimentation (1 entité pilote)' }).waitFor();
    // the footprint of the calls the driver recorded: a bar per month, and the same months in the table
    const chart = page.getByRole('img', { name: 'Énergie consommée par mois (Wh, estimation haute)', exact: true });
    await chart.waitFor();
    const bars = await chart.locator('rect').count();
    const table = page.getByRole('table', { name: 'Brouillons rédigés par l’IA, énergie et émissions par mois', exact: true });
    const months = (await table.locator('tbody tr').count());
    if (bars < 2 || bars !== months) throw new Error(`${bars} bars in the chart, ${months} months in the table`);
    await table.getByRole('row').filter({ hasText: 'Total' }).waitFor();
    run.log(`  footprint: ${months} months, total ${(await table.locator('tfoot').textContent())?.trim()}`);
    await run.screenshot('lifecycle-05-transparency');
  });
});
