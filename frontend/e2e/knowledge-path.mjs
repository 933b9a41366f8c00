#!/usr/bin/env node
// The member directory and the knowledge base through their screens, in a real browser at 1366×900,
// against a running Tandem (see lib.mjs); axe-core (WCAG 2.1 A/AA) on every screen:
//  1. admin: « Sociétaires » — imports a pilot's CSV (then a file with a bad line, refused by its
//     number, nothing imported), checks the directory, finds an imported member;
//  2. alice: the request form's picker finds that member and files a request about them;
//  3. rachel: « Base de connaissance » — a new document read from a 20-page PDF, another from a DOCX,
//     their passages, and the search (the AI step's) finding them;
//  4. bob: his stale documents' reviews in the task list — one confirmed, one retired;
//  5. marc (a manager, without a task list): his stale document, reviewed from the knowledge base
//     and updated.
// The Java side (KnowledgeBrowserIT) writes the files and opens the reviews; it passes:
//   E2E_RUN, GUIDE_PDF, COMPLAINTS_DOCX, MEMBERS_CSV, MEMBERS_BAD_CSV,
//   REVIEW_CONFIRMED, REVIEW_RETIRED, REVIEW_UPDATED (document references).
import { scenario } from './lib.mjs';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

scenario('knowledge-path', 300_000, async (run) => {
  const e2e = env('E2E_RUN');
  await run.start();
  const page = run.page;
  await page.setViewportSize({ width: 1366, height: 900 });
  const button = (name) => page.getByRole('button', { name, exact: true });
  const expectText = async (text) => page.getByText(text, { exact: true }).first().waitFor();

  await run.step('admin: the member directory, a CSV import, a refused file, the check', async () => {
    await run.login('admin');
    await run.navigate('Sociétaires', 'Sociétaires');
    await page.getByTestId('directory-kind').waitFor();
    const kind = (await page.getByTestId('directory-kind').textContent())?.trim();
    if (kind !== 'La base de Tandem (alimentée par import CSV)') throw new Error(`directory shown: ${kind}`);
    await run.checkAccessibility('members administration');

    const file = page.getByLabel('Fichier CSV des sociétaires', { exact: true });
    await file.setInputFiles(env('MEMBERS_BAD_CSV'));
    await button('Importer').click();
    await expectText('Ligne 3 : le nom (lastName) est obligatoire.');
    if ((await file.getAttribute('aria-invalid')) !== 'true') throw new Error('the file field is not marked invalid');
    await run.checkAccessibility('members administration with a refused file');

    await file.setInputFiles(env('MEMBERS_CSV'));
    await button('Importer').click();
    await expectText('2 sociétaire(s) importé(s) : 2 nouveau(x), 0 mis à jour.');
    run.log('  2 members imported; the bad file imported nothing');

    await button('Vérifier la connexion').click();
    const check = ((await page.getByTestId('directory-check').textContent()) ?? '').trim();
    if (!check.startsWith("L'annuaire des sociétaires répond")) throw new Error(`check: ${check}`);
    run.log(`  ${check}`);

    await page.getByLabel('Nom ou numéro', { exact: true }).fill('kerbrat');
    await page.getByTestId('member-results').getByText('Gwenaëlle Kerbrat', { exact: true }).waitFor();
    await page.getByLabel('Nom ou numéro', { exact: true }).fill('le bihan');
    await expectText('Aucun sociétaire ne correspond.');
    await run.checkAccessibility('members administration after the import');
    await run.screenshot('knowledge-path-members');
  });

  await run.step('alice: the picker finds the imported member and the request is filed', async () => {
    await run.as('alice');
    await run.page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Nouvelle demande', exact: true })
      .click();
    await run.heading('Nouvelle demande').waitFor();
    await page.locator('select[name="useCaseKey"] option[value="reply-letter"]').waitFor({ state: 'attached' });
    await page.getByLabel("Cas d'usage", { exact: true }).selectOption('reply-letter');
    await page.getByLabel('Rechercher un sociétaire', { exact: true }).fill('Kerbrat');
    const option = page.locator(`select[name="memberId"] option[value="P${e2e}-1"]`);
    await option.waitFor({ state: 'attached' });
    await page.getByLabel('Sociétaire', { exact: true }).selectOption(`P${e2e}-1`);
    await page.getByLabel('Objet', { exact: true }).fill(`Attestation (e2e annuaire ${e2e})`);
    await page.getByLabel('Message du sociétaire', { exact: true }).fill("Bonjour, pouvez-vous m'envoyer mon attestation habitation ?");
    await button('Envoyer la demande').click();
    await page.waitForFunction(() => /^#\/cases\/\d+$/.test(location.hash));
    await page.getByText('Gwenaëlle Kerbrat').first().waitFor();
    run.log(`  case ${new URL(page.url()).hash} about Gwenaëlle Kerbrat`);
  });

  const pdfReference = `E2E-PDF-${e2e}`;
  const docxReference = `E2E-DOCX-${e2e}`;

  const newDocument = async (reference, collection, file, expectedRead) => {
    await page.getByRole('link', { name: 'Nouveau document', exact: true }).click();
    await run.heading('Nouveau document').waitFor();
    await page.getByLabel('Importer un PDF ou un document Word (.docx)', { exact: true }).setInputFiles(file);
    await page.getByText(expectedRead).waitFor({ timeout: 30_000 });
    await page.getByLabel('Référence', { exact: true }).fill(reference);
    await page.getByLabel('Collection', { exact: true }).fill(collection);
    await page.getByLabel('Responsable', { exact: true }).fill('bob');
    await page.getByLabel('Groupe responsable', { exact: true }).fill('member-relations-experts');
    return page;
  };

  await run.step('rachel: a new document read from a 20-page PDF, saved with its passages', async () => {
    await run.as('rachel');
    await run.navigate('Base de connaissance', 'Base de connaissance');
    await page.getByTestId('knowledge-documents').waitFor();
    await run.checkAccessibility('knowledge base');
    await run.screenshot('knowledge-path-list');
    await newDocument(pdfReference, `e2e-guide-${e2e}`, env('GUIDE_PDF'), /« guide-habitation\.pdf » lu : 20 page\(s\)/);
    const title = await page.getByLabel('Titre', { exact: true }).inputValue();
    if (title !== "Guide de l'assurance habitation") throw new Error(`title read from the PDF: ${title}`);
    await run.checkAccessibility('new document, read from a PDF');
    await button('Enregistrer le document').click();
    await run.heading("Guide de l'assurance habitation").waitFor();
    await page.getByRole('heading', { level: 3, name: /Article 5 : Vélo à assistance électrique$/ }).first().waitFor();
    const passages = await page.getByTestId('passages').locator('li').count();
    if (passages < 20) throw new Error(`only ${passages} passages`);
    run.log(`  ${pdfReference}: ${passages} passages`);
    await run.checkAccessibility('document with its passages');
    await run.screenshot('knowledge-path-document');
  });

  await run.step('rachel: another from a DOCX', async () => {
    await page.getByRole('link', { name: 'Retour à la base de connaissance', exact: true }).click();
    await run.heading('Base de connaissance').waitFor();
    await newDocument(docxReference, `e2e-reclamations-${e2e}`, env('COMPLAINTS_DOCX'), /« reclamations\.docx » lu : \d+ passage\(s\)/);
    await button('Enregistrer le document').click();
    await run.heading('Procédure de gestion des réclamations').waitFor();
    await page.getByRole('heading', { level: 3, name: /Répondre dans les délais$/ }).waitFor();
  });

  await run.step('rachel: the search finds the passages of both', async () => {
    await page.getByRole('link', { name: 'Retour à la base de connaissance', exact: true }).click();
    await run.heading('Base de connaissance').waitFor();
    await page.getByRole('link', { name: 'Rechercher dans les passages', exact: true }).click();
    await run.heading('Rechercher dans la base').waitFor();
    await page.getByLabel('Collection', { exact: true }).selectOption(`e2e-guide-${e2e}`);
    await page.getByLabel('Question ou mots-clés', { exact: true }).fill("Le vol d'un vélo électrique est-il remboursé ?");
    await button('Rechercher').click();
    const first = page.getByTestId('search-results').locator('li').first();
    await first.waitFor();
    const heading = ((await first.locator('h3').textContent()) ?? '').trim();
    if (!heading.includes(pdfReference) || !heading.includes('Article 5 : Vélo à assistance électrique')) {
      throw new Error(`first passage found: ${heading}`);
    }
    run.log(`  ${heading}`);
    await run.checkAccessibility('knowledge search');
    await run.screenshot('knowledge-path-search');

    await page.getByLabel('Collection', { exact: true }).selectOption(`e2e-reclamations-${e2e}`);
    await page.getByLabel('Question ou mots-clés', { exact: true }).fill('Sous quel délai répondre à une réclamation ?');
    await button('Rechercher').click();
    await page.getByTestId('search-results').locator('li').first().locator('h3', { hasText: 'Répondre dans les délais' }).waitFor();
  });

  await run.step('bob: from the task list, one stale document confirmed, another retired', async () => {
    await run.as('bob');
    const confirmed = env('REVIEW_CONFIRMED');
    const retired = env('REVIEW_RETIRED');
    run.forSubject(`(${confirmed})`);
    await run.gotoTasks();
    await run.openTask('reviewDocument', 'Relire le document');
    await page.getByTestId('passages').waitFor();
    await run.checkAccessibility('document review task');
    await run.screenshot('knowledge-path-review');
    await page.getByLabel('Commentaire (facultatif)', { exact: true }).fill('Délai vérifié dans les conditions générales.');
    await button('Confirmer le document').click();
    await run.expectBackOnTaskList();

    run.forSubject(`(${retired})`);
    await run.openTask('reviewDocument', 'Relire le document');
    await button('Retirer le document').click();
    await expectText('Indiquez pourquoi le document est retiré.');
    await run.checkAccessibility('document review task with a missing reason');
    await page.getByLabel('Pourquoi le retirer ?', { exact: true }).fill("L'offre vélo a été arrêtée.");
    await button('Retirer le document').click();
    await run.expectBackOnTaskList();

    await run.navigate('Base de connaissance', 'Base de connaissance');
    await page.getByLabel('Rechercher un document', { exact: true }).fill(e2e);
    const row = (reference) => page.getByTestId('knowledge-documents').locator(`tr[data-reference="${reference}"]`);
    await row(confirmed).getByText('À jour', { exact: true }).waitFor();
    await row(retired).getByText('Retiré', { exact: true }).waitFor();
  });

  await run.step('marc: his stale document, reviewed from the knowledge base and updated', async () => {
    await run.as('marc');
    const updated = env('REVIEW_UPDATED');
    await run.navigate('Base de connaissance', 'Base de connaissance');
    const staleRow = page.getByTestId('stale-documents').locator(`tr[data-reference="${updated}"]`);
    await staleRow.waitFor();
    await staleRow.getByRole('link').last().click();
    await run.heading('Relire le document').waitFor();
    const body = page.getByLabel('Contenu', { exact: true });
    await body.fill(`## Règle\n\nDepuis 2027, le délai de déclaration d'un sinistre est de dix jours ouvrés (réf. ${e2e}).`);
    await run.checkAccessibility('document review from the knowledge base');
    await button('Enregistrer la mise à jour').click();
    await run.heading('Base de connaissance').waitFor();
    await page.getByText(/» est mis à jour\.$/).waitFor();
    if ((await page.getByTestId('stale-documents').count()) > 0 && (await staleRow.count()) > 0) {
      throw new Error('the updated document is still listed as stale');
    }
    await page.getByRole('link', { name: new RegExp(`^Tableau de bord des sinistres ${e2e}$`) }).first().click();
    await page.getByText(`Depuis 2027, le délai de déclaration d'un sinistre est de dix jours ouvrés (réf. ${e2e}).`).waitFor();
    await page.getByRole('cell', { name: 'Mis à jour', exact: true }).waitFor();
    await run.checkAccessibility('document after its update');
  });
});
