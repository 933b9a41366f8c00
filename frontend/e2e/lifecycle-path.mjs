#!/usr/bin/env node
// End-to-end check of the GenAI project lifecycle against a running Tandem, each step by the demo
// user of its role through the real screens, with axe-core (WCAG 2.1 A/AA) on each screen:
// the public page « Notre usage de l'IA » without a session → alice files two ideas (Boîte à idées)
// → rachel triages them and justifies the need for generative AI (Tri des idées) → diane scores and
// selects them (Portefeuille) → eric gives the ethics committee's opinion on the nine criteria
// (Comité éthique) → on the experiment page marc sets the first up on the meeting report (Niort
// pilot, Lyon control), decides « Ajuster et poursuivre », sets it up again and decides
// « Généraliser »; he sets the second up on the claim summary and decides « Arrêter » → the public
// page shows the meeting report under experiment in one pilot entity, no longer the stopped claim
// summary, and the footprint chart with its table (the JUnit driver records two model calls: the
// tests draft offline).
//
//   BASE_URL=http://localhost:8080 node e2e/lifecycle-path.mjs
//
// Exit code 0 when every step passed, 1 otherwise. Helpers: lib.mjs. The JUnit driver
// (LifecycleBrowserIT) removes both use cases' experiment rows before and after.
import { runId, scenario } from './lib.mjs';

const MEETING_REPORT = "Compte-rendu d'entretien";
const CLAIM_SUMMARY = 'Synthèse de dossier sinistre';
const ideas = [
  { title: `Résumé des réclamations (e2e ${runId})`, problem: 'Chaque réclamation demande de relire tout le dossier avant de répondre au sociétaire.' },
  { title: `Synthèse des expertises (e2e ${runId})`, problem: "Les rapports d'expertise sont longs à relire avant d'appeler le sociétaire." },
];

scenario('lifecycle-path', 150_000, async (run) => {
  await run.start();
  const page = run.page;
  const card = (idea) => page.getByRole('region', { name: `n° ${idea.id} — ${idea.title}`, exact: true });
  const useCaseRow = (table, name) => table.getByRole('row').filter({ hasText: name });

  await run.step('the public page, without logging in', async () => {
    const useCases = await run.openTransparency();
    await useCaseRow(useCases, MEETING_REPORT).filter({ hasText: 'En service dans toutes nos entités' }).waitFor();
    await useCaseRow(useCases, CLAIM_SUMMARY).filter({ hasText: 'En service dans toutes nos entités' }).waitFor();
    await run.screenshot('lifecycle-01-transparency');
    await run.leaveTransparency();
  });

  await run.step('alice files two ideas in the idea box', async () => {
    await run.login('alice');
    await run.navigate('Boîte à idées', 'Boîte à idées');
    await page.locator('select option[value="reseau"]').waitFor({ state: 'attached' });
    await run.checkAccessibility('idea box');
    for (const idea of ideas) {
      await page.getByLabel('Titre', { exact: true }).fill(idea.title);
      await page.getByLabel('Le problème à résoudre', { exact: true }).fill(idea.problem);
      await page.getByLabel("L'équipe concernée", { exact: true }).fill('Service réclamations');
      await page.getByLabel('À quelle fréquence ?', { exact: true }).fill('une cinquantaine par jour');
      await page.getByLabel("Temps passé aujourd'hui", { exact: true }).fill('12 minutes par dossier');
      await page.getByLabel('Données concernées', { exact: true }).fill('courriers du sociétaire, historique du contrat');
      await page.getByLabel('Direction', { exact: true }).selectOption('reseau');
      await page.getByRole('button', { name: "Déposer l'idée", exact: true }).click();
      // filed: « Mes idées » lists it, with its number, waiting for triage; the confirmation names it
      const row = page.getByRole('row').filter({ hasText: idea.title });
      await row.filter({ hasText: 'En attente de tri' }).waitFor();
      idea.id = Number(/n° (\d+) —/.exec((await row.textContent()) ?? '')?.[1]);
      if (!idea.id) throw new Error(`no idea number in "${await row.textContent()}"`);
      await page.getByRole('status').filter({ hasText: `Votre idée n° ${idea.id} est déposée` }).waitFor();
      run.log(`  idea n° ${idea.id}: ${idea.title}`);
    }
  });

  await run.step('rachel (AI referent) accepts them and justifies generative AI', async () => {
    await run.as('rachel');
    await run.navigate('Tri des idées', 'Trier les idées');
    await card(ideas[0]).waitFor();
    await run.checkAccessibility('triage');
    for (const idea of ideas) {
      await card(idea).getByRole('button', { name: 'Accepter', exact: true }).click();
      const necessity = card(idea).getByLabel("Pourquoi l'IA générative plutôt qu'une solution plus simple ?", { exact: true });
      await necessity.fill('Des textes libres, chacun différent : aucun modèle de courrier ne suffit.');
      await card(idea).getByRole('button', { name: 'Enregistrer la justification', exact: true }).click();
      await card(idea).waitFor({ state: 'detached' });
    }
  });

  await run.step('diane (directorate) scores and selects them on the portfolio', async () => {
    await run.as('diane');
    await run.navigate('Portefeuille', 'Portefeuille des projets');
    await card(ideas[0]).waitFor();
    await run.checkAccessibility('portfolio');
    for (const idea of ideas) {
      await card(idea).getByRole('button', { name: 'Calculer le score', exact: true }).click();
      const scored = card(idea).getByRole('status').filter({ hasText: 'Score' });
      await scored.waitFor();
      run.log(`  n° ${idea.id}: ${(await scored.textContent())?.trim()}`);
      await card(idea).getByLabel('Justification de la décision', { exact: true }).fill('Volume élevé, risque limité (e2e).');
      await card(idea).getByRole('button', { name: 'Retenir', exact: true }).click();
      await card(idea).waitFor({ state: 'detached' });
      await page.getByRole('row').filter({ hasText: `n° ${idea.id} — ${idea.title}` }).filter({ hasText: 'Retenir (diane)' }).waitFor();
    }
    // the value/impact chart shows both ideas, ranked: checked by axe once drawn
    const chart = page.getByRole('img', { name: 'Valeur et impact environnemental', exact: true });
    for (const idea of ideas) await chart.locator(`[data-chart-point="${idea.id}"]`).waitFor();
    await run.checkAccessibility('portfolio with its chart');
    await run.screenshot('lifecycle-02-portfolio');
  });

  await run.step('eric (ethics committee) reviews the nine criteria of each', async () => {
    await run.as('eric');
    await run.navigate('Comité éthique', 'Comité éthique et de contrôle');
    await card(ideas[0]).waitFor();
    await run.checkAccessibility('ethics committee');
    for (const idea of ideas) {
      const criteria = card(idea).locator('fieldset.criterion');
      const count = await criteria.count();
      if (count !== 9) throw new Error(`expected the nine criteria, found ${count}`);
      for (let i = 0; i < count; i++) {
        await criteria.nth(i).getByLabel('Favorable', { exact: true }).check();
        await criteria.nth(i).getByRole('textbox').fill('Examiné en séance : rien à signaler (e2e).');
      }
      await card(idea).getByRole('group', { name: 'Avis du comité', exact: true }).getByLabel('Favorable', { exact: true }).check();
      await card(idea).getByRole('button', { name: "Rendre l'avis", exact: true }).click();
      await card(idea).waitFor({ state: 'detached' });
    }
  });

  const setup = () => page.getByRole('region', { name: "Préparer l'expérimentation", exact: true });
  const decision = () => page.getByRole('region', { name: 'Décision', exact: true });

  async function openExperiment(idea) {
    await run.navigate('Expérimentations', 'Expérimentations et déploiements');
    await page.getByRole('link', { name: `n° ${idea.id} — ${idea.title}`, exact: true }).click();
    await run.heading(`Expérimentation — ${idea.title}`).waitFor();
    await setup().locator('option[value="meeting-report"]').waitFor({ state: 'attached' });
  }

  async function setUp(useCaseKey, roles, target, guardrail) {
    await setup().locator(`option[value="${useCaseKey}"]`).waitFor({ state: 'attached' });
    await setup().getByLabel(Object.keys(roles)[0], { exact: true }).waitFor();
    await setup().getByLabel("Cas d'usage expérimenté", { exact: true }).selectOption(useCaseKey);
    for (const [entity, role] of Object.entries(roles)) {
      await setup().getByLabel(entity, { exact: true }).selectOption(role);
    }
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

  /** The project's and the dashboard's data reload apart: wait for each decision rather than read the list once. */
  async function expectDecisions(...expected) {
    for (const e of expected) {
      try {
        await page.getByRole('listitem').filter({ hasText: e }).first().waitFor();
      } catch {
        const texts = await page.getByRole('listitem').filter({ hasText: '(marc)' }).allTextContents();
        throw new Error(`no « ${e} » among the decisions listed: ${texts.join(' | ')}`);
      }
    }
  }

  await run.step('marc (manager) sets the first experiment up on the experiment page', async () => {
    await run.as('marc');
    await openExperiment(ideas[0]);
    await run.checkAccessibility('experiment set-up');
    await setUp('meeting-report', { 'Agence de Niort': 'PILOT', 'Agence de Lyon': 'CONTROL' }, 15, 45);
    await page.getByText('Entités : Agence de Niort (Pilote), Agence de Lyon (Témoin)', { exact: true }).waitFor();
    await run.checkAccessibility('experiment decision');
    await run.screenshot('lifecycle-03-experiment');
  });

  await run.step('marc decides « Ajuster et poursuivre »: the set-up comes back', async () => {
    await decide('Ajuster et poursuivre', 'La cible était trop ambitieuse pour un premier mois (e2e).');
    await setUp('meeting-report', { 'Agence de Niort': 'PILOT', 'Agence de Lyon': 'CONTROL' }, 20, 45);
  });

  await run.step('marc decides « Généraliser »: the project goes to the committee before rollout', async () => {
    await decide('Généraliser', 'Les pilotes gagnent du temps sans dégrader la qualité (e2e).');
    await page.getByText('Comité éthique ·', { exact: false }).first().waitFor();
    await expectDecisions('Expérimentation : ajuster et poursuivre (marc)', 'Expérimentation : généraliser (marc)');
    await run.screenshot('lifecycle-04-generalised');
  });

  await run.step('marc sets the second experiment up and decides « Arrêter »', async () => {
    await openExperiment(ideas[1]);
    await setUp('claim-summary', { 'Centre de gestion des sinistres de Poitiers': 'PILOT' }, 15, 45);
    await decide('Arrêter', 'Les expertises sont trop hétérogènes pour une synthèse fiable (e2e).');
    await page.getByText('Arrêtée ·', { exact: false }).first().waitFor();
    await expectDecisions('Expérimentation : arrêter (marc)');
  });

  await run.step('the public page shows the meeting report under experiment, not the stopped claim summary', async () => {
    await run.logout();
    const useCases = await run.openTransparency();
    await useCaseRow(useCases, MEETING_REPORT).filter({ hasText: 'En expérimentation (1 entité pilote)' }).waitFor();
    await useCaseRow(useCases, CLAIM_SUMMARY).waitFor({ state: 'detached' });
    // the footprint of the calls the driver recorded: a bar per month, and the same months in the table
    const chart = page.getByRole('img', { name: 'Énergie consommée par mois (Wh, estimation haute)', exact: true });
    await chart.waitFor();
    // one [data-chart-point] per bar (components/charts), once the lazy charting chunk has drawn them
    await chart.locator('[data-chart-point]').first().waitFor();
    const bars = await chart.locator('[data-chart-point]').count();
    const table = page.getByRole('table', { name: 'Brouillons rédigés par l’IA, énergie et émissions par mois', exact: true });
    const months = await table.locator('tbody tr').count();
    if (bars < 2 || bars !== months) throw new Error(`${bars} bars in the chart, ${months} months in the table`);
    await table.getByRole('row').filter({ hasText: 'Total' }).waitFor();
    run.log(`  footprint: ${months} months, total ${(await table.locator('tfoot').textContent())?.trim()}`);
    await run.screenshot('lifecycle-05-transparency');
  });
});
