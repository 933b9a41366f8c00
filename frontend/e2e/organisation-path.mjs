#!/usr/bin/env node
// End-to-end check of issue 14's screens against a running Tandem (demo users), at 1366×900, with
// axe-core (WCAG 2.1 A/AA) on each screen: the administrator opens « Organisation » from his home, creates a
// directorate and an agency under it, imports a CSV file (a bad line refused with its number, then a
// good file), places a person; on « Ouverture des cas d'usage » he opens the AMI assistant without a
// project, with a reason, which the public page lists, then closes it; marc (manager of Niort) sees his
// agency only, is refused a person placed elsewhere and places one in Niort; diane changes a
// directorate's weights with a reason, sees the change in the portfolio's history and the ranking of a
// past day, and puts the weights back.
//
//   BASE_URL=http://localhost:8080 node e2e/organisation-path.mjs
//
// Exit code 0 when every step passed, 1 otherwise. Helpers: lib.mjs. The JUnit driver
// (OrganisationBrowserIT) removes what the run created and closes what it left open.
import { runId, scenario } from './lib.mjs';

const directorate = { code: `e2e-dir-${runId}`, name: `Direction Ouest (e2e ${runId})` };
const agency = { code: `e2e-agence-${runId}`, name: `Agence de Brest (e2e ${runId})` };
const imported = { code: `e2e-import-${runId}`, name: `Agence de Quimper (e2e ${runId})` };
const tom = `e2e-tom-${runId}`;
const zoe = `e2e-zoe-${runId}`;
const AMI = 'Assistant AMI — réponse à une question de conseiller, avec sources';

scenario('organisation-path', 240_000, async (run) => {
  await run.start();
  const page = run.page;
  await page.setViewportSize({ width: 1366, height: 900 });
  const entities = () => page.getByRole('table', { name: 'Les entités, leur nature et leur rattachement', exact: true });
  const entityRow = (name) => entities().getByRole('row').filter({ hasText: name });
  const createForm = () => page.getByRole('region', { name: 'Créer une entité', exact: true });
  const importCard = () => page.getByRole('region', { name: 'Importer un fichier CSV', exact: true });
  const people = (name) => page.getByRole('region', { name: `Personnes de « ${name} »`, exact: true });

  await run.step('admin opens the organisation from his home and creates a directorate and an agency under it', async () => {
    await run.login('admin');
    await run.heading("Ce qui m'attend").waitFor();
    await run.navigate('Organisation', 'Organisation');
    await entityRow('Agence de Niort').waitFor();
    await run.checkAccessibility('organisation (administrator)');
    for (const [entity, kind, parent] of [[directorate, 'DIRECTORATE', ''], [agency, 'AGENCY', directorate.code]]) {
      await createForm().getByLabel('Code', { exact: true }).fill(entity.code);
      await createForm().getByLabel('Nom', { exact: true }).fill(entity.name);
      await createForm().getByLabel('Nature', { exact: true }).selectOption(kind);
      if (parent) {
        await createForm().locator(`option[value="${parent}"]`).waitFor({ state: 'attached' });
        await createForm().getByLabel('Rattachée à', { exact: true }).selectOption(parent);
      }
      await createForm().getByRole('button', { name: "Créer l'entité", exact: true }).click();
      await page.getByRole('status').filter({ hasText: `L'entité « ${entity.name} » est créée.` }).waitFor();
      await entityRow(entity.name).first().waitFor();
    }
    await entityRow(agency.name).filter({ hasText: directorate.name }).waitFor();
    // a code already taken is refused next to its field
    await createForm().getByLabel('Code', { exact: true }).fill(agency.code);
    await createForm().getByLabel('Nom', { exact: true }).fill('Doublon');
    await createForm().getByRole('button', { name: "Créer l'entité", exact: true }).click();
    await createForm().getByText(`L'entité « ${agency.code} » existe déjà`).waitFor();
    await run.checkAccessibility('organisation with a refused field');
  });

  await run.step('admin imports a CSV file: a bad line is named, then the good file goes in whole', async () => {
    const bad = `entite;${imported.code};${imported.name};agence;${directorate.code}\npersonne;${tom};${imported.code}\nentite;e2e-x-${runId};X;bureau;\n`;
    await importCard().getByLabel('Fichier CSV', { exact: true }).setInputFiles({ name: 'orga.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await importCard().getByRole('button', { name: 'Importer', exact: true }).click();
    await importCard().getByRole('alert').filter({ hasText: "Import refusé, rien n'a été importé. Ligne 3 :" }).waitFor();
    if ((await entityRow(imported.name).count()) !== 0) throw new Error('a refused import created an entity');
    await run.checkAccessibility('organisation with a refused import');
    const good = `# e2e\nentite;${imported.code};${imported.name};agence;${directorate.code}\npersonne;${tom};${imported.code}\n`;
    await importCard().getByLabel('Fichier CSV', { exact: true }).setInputFiles({ name: 'orga.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await importCard().getByRole('button', { name: 'Importer', exact: true }).click();
    await importCard().getByRole('status').filter({ hasText: 'Import terminé : 1 entité(s) créée(s), 0 mise(s) à jour, 1 personne(s) rattachée(s).' }).waitFor();
    await entityRow(imported.name).waitFor();
    await entityRow(imported.name).getByRole('button', { name: `Personnes de ${imported.name}`, exact: true }).click();
    await people(imported.name).getByRole('row').filter({ hasText: tom }).filter({ hasText: 'admin (import)' }).waitFor();
    await run.checkAccessibility('organisation with an entity’s people');
    await run.screenshot('organisation-01-admin');
  });

  await run.step("admin opens the AMI assistant without a project, with a reason the public page shows", async () => {
    await run.navigate("Ouverture des cas d'usage", "Ouverture des cas d'usage");
    const row = page.getByRole('row').filter({ hasText: AMI });
    await row.waitFor();
    await run.checkAccessibility('governance gate');
    await row.getByLabel(`Motif de l’ouverture — ${AMI}`, { exact: true }).fill(`Outil interne sans donnée de sociétaire (e2e ${runId}).`);
    await row.getByRole('button', { name: `Ouvrir ${AMI}`, exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'le motif est publié sur la page de transparence' }).waitFor();
    await row.filter({ hasText: 'Ouvert partout par admin' }).waitFor();
    await run.screenshot('organisation-02-gate');
    await run.logout();
    const useCases = await run.openTransparency();
    await useCases.getByRole('row').filter({ hasText: 'Assistant AMI' }).filter({ hasText: 'à titre exceptionnel' }).waitFor();
    await page.getByRole('table', { name: 'Les usages ouverts à titre exceptionnel, quand et pourquoi', exact: true })
      .getByRole('row').filter({ hasText: `(e2e ${runId})` }).filter({ hasText: 'Toujours ouvert' }).waitFor();
    await run.screenshot('organisation-03-transparency');
    await run.leaveTransparency();
    await run.login('admin');
    await run.navigate("Ouverture des cas d'usage", "Ouverture des cas d'usage");
    await row.getByLabel(`Motif de la fermeture — ${AMI}`, { exact: true }).fill(`Le projet prend le relais (e2e ${runId}).`);
    await row.getByRole('button', { name: `Fermer ${AMI}`, exact: true }).click();
    await row.filter({ hasText: 'Sert partout' }).waitFor();
    await page.getByRole('table', { name: 'Chaque ouverture sans projet et sa fermeture : qui, quand, pourquoi', exact: true })
      .getByRole('row').filter({ hasText: `Le projet prend le relais (e2e ${runId}).` }).waitFor();
  });

  await run.step('marc, manager of Niort, places people in his agency only', async () => {
    await run.as('marc');
    await run.navigate('Organisation', 'Organisation');
    await entityRow('Agence de Niort').waitFor();
    if ((await entities().getByRole('row').count()) !== 2) throw new Error('a manager sees only the entities he manages');
    await entityRow('Agence de Niort').getByRole('button', { name: 'Personnes de Agence de Niort', exact: true }).click();
    const niort = people('Agence de Niort');
    await niort.getByRole('row').filter({ hasText: 'alice' }).waitFor();
    await run.checkAccessibility('organisation (manager)');
    await niort.getByLabel('Identifiant de la personne', { exact: true }).fill(tom);
    await niort.getByRole('button', { name: 'Rattacher', exact: true }).click();
    await niort.getByRole('alert').filter({ hasText: 'hors de votre périmètre' }).waitFor();
    await niort.getByLabel('Identifiant de la personne', { exact: true }).fill(zoe);
    await niort.getByRole('button', { name: 'Rattacher', exact: true }).click();
    await niort.getByRole('status').filter({ hasText: `${zoe} est rattaché·e à « Agence de Niort ».` }).waitFor();
    await niort.getByRole('row').filter({ hasText: zoe }).filter({ hasText: 'marc (écran)' }).waitFor();
    await run.checkAccessibility('organisation (manager) after a placement');
    await run.screenshot('organisation-04-manager');
    await niort.getByRole('button', { name: `Détacher ${zoe}`, exact: true }).click();
    await niort.getByRole('status').filter({ hasText: `${zoe} est détaché·e` }).waitFor();
  });

  await run.step("diane changes a directorate's weights with a reason; the history keeps it and a past day is recomputed", async () => {
    await run.as('diane');
    await run.navigate('Portefeuille', 'Portefeuille des projets');
    const weights = page.getByRole('region', { name: 'Poids de la direction', exact: true });
    await weights.locator('option[value="relation-societaires"]').waitFor({ state: 'attached' });
    await weights.getByLabel('Direction', { exact: true }).selectOption('relation-societaires');
    const value = weights.getByLabel('Valeur', { exact: true });
    const before = await value.inputValue();
    await value.fill(String(Number(before) + 5));
    await weights.getByLabel('Pourquoi ces poids changent', { exact: true }).fill(`La valeur pour le sociétaire prime (e2e ${runId}).`);
    await weights.getByRole('button', { name: 'Enregistrer les poids', exact: true }).click();
    await weights.getByRole('status').filter({ hasText: 'Direction Relation Sociétaires' }).waitFor();
    const history = page.getByRole('table', { name: 'Les poids de chaque direction, du plus ancien au plus récent', exact: true });
    await history.getByRole('row').filter({ hasText: `La valeur pour le sociétaire prime (e2e ${runId}).` }).filter({ hasText: 'diane' }).waitFor();
    await run.checkAccessibility('portfolio with its history');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Classement au', { exact: true }).fill(yesterday);
    await page.getByRole('status').filter({ hasText: `Classement au ${yesterday}, recalculé à partir de l'historique` }).waitFor();
    await run.checkAccessibility('portfolio of a past day');
    await run.screenshot('organisation-05-portfolio');
    // back to the weights of before, as a change of its own (the history keeps both)
    await value.fill(before);
    await weights.getByLabel('Pourquoi ces poids changent', { exact: true }).fill(`Retour aux poids d'origine (e2e ${runId}).`);
    await weights.getByRole('button', { name: 'Enregistrer les poids', exact: true }).click();
    await history.getByRole('row').filter({ hasText: `Retour aux poids d'origine (e2e ${runId}).` }).waitFor();
  });
});
