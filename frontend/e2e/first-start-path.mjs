#!/usr/bin/env node
// End-to-end check of a first start outside the demo (issue 14), against a Tandem started without the
// demo profile on an empty database with only the first administrator's password set, at 1366×900 with
// axe-core (WCAG 2.1 A/AA) on each screen: the administrator logs in, opens the accounts of five people
// with their roles (« Comptes »; a too short password is refused next to its field), creates a
// directorate and two agencies under it and places the adviser and the manager in the pilot agency
// (« Organisation »), imports the pilot's members (« Sociétaires ») and reads a DOCX into the knowledge
// base. The adviser's request for the meeting report is refused, with who can open it (the governance
// gate); her idea then goes through the lifecycle, each step by the account of its role (triage,
// portfolio, ethics committee), and the manager sets the experiment up with the pilot and the control
// agency: the adviser's same request is now accepted, and the public page shows the meeting report under
// experiment in one pilot entity.
//
//   BASE_URL=http://localhost:8080 ADMIN_PASSWORD=… KNOWLEDGE_DOCX=/path/reclamations.docx node e2e/first-start-path.mjs
//
// Exit code 0 when every step passed, 1 otherwise. Helpers: lib.mjs. Its JUnit driver
// (FirstStartBrowserIT) starts the application for it on a database of its own, so the names are fixed.
import { scenario } from './lib.mjs';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const MEETING_REPORT = "Compte-rendu d'entretien";
const people = [
  { username: 'lea-martin', firstName: 'Léa', lastName: 'Martin', role: 'Conseiller·ère' },
  { username: 'manon-roux', firstName: 'Manon', lastName: 'Roux', role: 'Manager' },
  { username: 'rafael-costa', firstName: 'Rafael', lastName: 'Costa', role: 'Référent·e IA' },
  { username: 'dora-lemaire', firstName: 'Dora', lastName: 'Lemaire', role: 'Direction' },
  { username: 'eloi-garnier', firstName: 'Éloi', lastName: 'Garnier', role: 'Comité éthique et de contrôle' },
].map((p) => ({ ...p, password: `Premier-depart-${p.firstName.length}-${p.lastName}` }));
const [lea, manon, rafael, dora, eloi] = people;
const directorate = { code: 'direction-ouest', name: 'Direction Ouest' };
const pilot = { code: 'agence-brest', name: 'Agence de Brest' };
const control = { code: 'agence-quimper', name: 'Agence de Quimper' };
const idea = { title: "Compte-rendu des entretiens d'agence", problem: 'Chaque entretien en agence demande une demi-heure de compte-rendu tapé à la main.' };

scenario('first-start-path', 300_000, async (run) => {
  await run.start();
  const page = run.page;
  await page.setViewportSize({ width: 1366, height: 900 });
  const button = (name) => page.getByRole('button', { name, exact: true });
  const status = (text) => page.getByRole('status').filter({ hasText: text });
  const as = async (person) => {
    if (await button('Se déconnecter').isVisible()) await run.logout();
    await run.login(person.username, person.password);
  };
  const card = () => page.getByRole('region', { name: `n° ${idea.id} — ${idea.title}`, exact: true });

  await run.step('admin logs in with TANDEM_ADMIN_PASSWORD and finds no other account', async () => {
    await run.login('admin', env('ADMIN_PASSWORD'));
    await run.navigate('Comptes', 'Comptes');
    const accounts = page.getByRole('table', { name: 'Les comptes, leurs rôles et leurs groupes', exact: true });
    await accounts.getByRole('row').filter({ hasText: 'Administrateur·rice' }).waitFor();
    const rows = await accounts.locator('tbody tr').count();
    if (rows !== 1) throw new Error(`an empty installation has its administrator only, found ${rows} account(s)`);
    await run.checkAccessibility('accounts (empty installation)');
    await run.screenshot('first-start-01-accounts-empty');
  });

  const createAccount = async (person, password = person.password) => {
    const form = page.getByRole('region', { name: 'Créer un compte', exact: true });
    await form.getByLabel('Identifiant', { exact: true }).fill(person.username);
    await form.getByLabel('Prénom', { exact: true }).fill(person.firstName);
    await form.getByLabel('Nom', { exact: true }).fill(person.lastName);
    await form.getByLabel('Adresse e-mail (facultative)', { exact: true }).fill(`${person.username}@assureur.example`);
    await form.getByLabel('Mot de passe provisoire', { exact: true }).fill(password);
    const role = form.getByRole('group', { name: 'Rôles', exact: true }).getByLabel(person.role, { exact: true });
    if (!(await role.isChecked())) await role.check();
    await form.getByRole('button', { name: 'Créer le compte', exact: true }).click();
    return form;
  };

  await run.step('admin opens the accounts of five people with their roles', async () => {
    // a password too short is refused next to its field, and nothing is created
    const form = await createAccount(lea, 'court');
    await form.getByText('Le mot de passe compte au moins 12 caractères').waitFor();
    if ((await form.getByLabel('Mot de passe provisoire', { exact: true }).getAttribute('aria-invalid')) !== 'true') {
      throw new Error('the password field is not marked invalid');
    }
    await run.checkAccessibility('accounts with a refused field');
    for (const person of people) {
      await createAccount(person);
      await status(`Le compte « ${person.username} » est créé (${person.firstName} ${person.lastName}).`).waitFor();
      await page.getByRole('row').filter({ hasText: person.username }).filter({ hasText: person.role }).waitFor();
    }
    await run.checkAccessibility('accounts');
    await run.screenshot('first-start-02-accounts');
  });

  await run.step('admin creates a directorate and two agencies under it', async () => {
    await run.navigate('Organisation', 'Organisation');
    await page.getByText("Aucune entité pour l'instant : créez la première ci-dessous, ou importez un fichier.", { exact: true }).waitFor();
    await run.checkAccessibility('organisation (empty installation)');
    const createForm = page.getByRole('region', { name: 'Créer une entité', exact: true });
    for (const [entity, kind, parent] of [[directorate, 'DIRECTORATE', ''], [pilot, 'AGENCY', directorate.code], [control, 'AGENCY', directorate.code]]) {
      await createForm.getByLabel('Code', { exact: true }).fill(entity.code);
      await createForm.getByLabel('Nom', { exact: true }).fill(entity.name);
      await createForm.getByLabel('Nature', { exact: true }).selectOption(kind);
      if (parent) {
        await createForm.locator(`option[value="${parent}"]`).waitFor({ state: 'attached' });
        await createForm.getByLabel('Rattachée à', { exact: true }).selectOption(parent);
      }
      await createForm.getByRole('button', { name: "Créer l'entité", exact: true }).click();
      await status(`L'entité « ${entity.name} » est créée.`).waitFor();
    }
  });

  await run.step('admin places the adviser and the manager in the pilot agency', async () => {
    const entities = page.getByRole('table', { name: 'Les entités, leur nature et leur rattachement', exact: true });
    await entities.getByRole('row').filter({ hasText: pilot.name }).getByRole('button', { name: `Personnes de ${pilot.name}`, exact: true }).click();
    const placed = page.getByRole('region', { name: `Personnes de « ${pilot.name} »`, exact: true });
    for (const person of [lea, manon]) {
      await placed.getByLabel('Identifiant de la personne', { exact: true }).fill(person.username);
      await placed.getByRole('button', { name: 'Rattacher', exact: true }).click();
      await placed.getByRole('status').filter({ hasText: `${person.username} est rattaché·e à « ${pilot.name} ».` }).waitFor();
      await placed.getByRole('row').filter({ hasText: person.username }).waitFor();
    }
    await run.checkAccessibility('organisation with the pilot agency’s people');
    await run.screenshot('first-start-03-organisation');
  });

  await run.step("admin imports the pilot's members into Tandem's directory", async () => {
    await run.navigate('Sociétaires', 'Sociétaires');
    const kind = ((await page.getByTestId('directory-kind').textContent()) ?? '').trim();
    if (kind !== 'La base de Tandem (alimentée par import CSV)') throw new Error(`directory shown: ${kind}`);
    const stored = ((await page.getByTestId('stored-members').textContent()) ?? '').trim();
    if (stored !== '0') throw new Error(`an empty installation stores no member, shown: ${stored}`);
    await run.checkAccessibility('members (empty installation)');
    const csv = 'id;firstName;lastName;birthDate;city\nB-0001;Gwenaëlle;Kerbrat;12/05/1983;Brest\nB-0002;Yannick;Le Gall;;Quimper\n';
    await page.getByLabel('Fichier CSV des sociétaires', { exact: true }).setInputFiles({ name: 'pilote-brest.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await button('Importer').click();
    await page.getByText('2 sociétaire(s) importé(s) : 2 nouveau(x), 0 mis à jour.', { exact: true }).waitFor();
    await button('Vérifier la connexion').click();
    await page.getByTestId('directory-check').getByText(/^L'annuaire des sociétaires répond/).waitFor();
    await run.checkAccessibility('members after the import');
    await run.screenshot('first-start-04-members');
  });

  await run.step('admin reads a DOCX into the knowledge base, owned by the AI referent', async () => {
    await run.navigate('Base de connaissance', 'Base de connaissance');
    await run.checkAccessibility('knowledge base (empty installation)');
    await page.getByRole('link', { name: 'Nouveau document', exact: true }).click();
    await run.heading('Nouveau document').waitFor();
    await page.getByLabel('Importer un PDF ou un document Word (.docx)', { exact: true }).setInputFiles(env('KNOWLEDGE_DOCX'));
    await page.getByText(/« reclamations\.docx » lu : \d+ passage\(s\)/).waitFor({ timeout: 30_000 });
    await page.getByLabel('Référence', { exact: true }).fill('PROC-RECLAMATIONS');
    await page.getByLabel('Collection', { exact: true }).fill('procedures');
    await page.getByLabel('Responsable', { exact: true }).fill(rafael.username);
    await page.getByLabel('Groupe responsable', { exact: true }).fill('ai-referents');
    await run.checkAccessibility('new document, read from a DOCX');
    await button('Enregistrer le document').click();
    await run.heading('Procédure de gestion des réclamations').waitFor();
    await page.getByRole('heading', { level: 3, name: /Répondre dans les délais$/ }).waitFor();
    await run.screenshot('first-start-05-knowledge');
  });

  const fileMeetingReport = async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Nouvelle demande', exact: true }).click();
    await run.heading('Nouvelle demande').waitFor();
    await page.locator('select[name="useCaseKey"] option[value="meeting-report"]').waitFor({ state: 'attached' });
    await page.getByLabel("Cas d'usage", { exact: true }).selectOption('meeting-report');
    await page.getByLabel('Rechercher un sociétaire', { exact: true }).fill('Kerbrat');
    await page.locator('select[name="memberId"] option[value="B-0001"]').waitFor({ state: 'attached' });
    await page.getByLabel('Sociétaire', { exact: true }).selectOption('B-0001');
    await page.getByLabel('Objet', { exact: true }).fill("Entretien d'agence du sociétaire Kerbrat");
    await page.getByLabel('Message du sociétaire', { exact: true }).fill('Entretien en agence : revue du contrat habitation, déménagement prévu en juin, souhaite ajouter une garantie vélo.');
    await button('Envoyer la demande').click();
  };

  await run.step('lea: the meeting report is not open yet, and the refusal says who can open it', async () => {
    await as(lea);
    await fileMeetingReport();
    await page.getByText(/n'est pas encore ouvert : aucun projet ne l'a mené jusqu'à une expérimentation/).waitFor();
    if (/#\/cases\/\d+$/.test(page.url())) throw new Error('a request for a use case no project governs was accepted');
    await run.checkAccessibility('new request refused by the governance gate');
    await run.screenshot('first-start-06-gate-refusal');
  });

  await run.step('lea files the idea in the idea box', async () => {
    await run.navigate('Boîte à idées', 'Boîte à idées');
    await page.locator('select option[value="reseau"]').waitFor({ state: 'attached' });
    await page.getByLabel('Titre', { exact: true }).fill(idea.title);
    await page.getByLabel('Le problème à résoudre', { exact: true }).fill(idea.problem);
    await page.getByLabel("L'équipe concernée", { exact: true }).fill(pilot.name);
    await page.getByLabel('À quelle fréquence ?', { exact: true }).fill('une dizaine par jour');
    await page.getByLabel("Temps passé aujourd'hui", { exact: true }).fill('30 minutes par entretien');
    await page.getByLabel('Données concernées', { exact: true }).fill("notes d'entretien, contrat du sociétaire");
    await page.getByLabel('Direction', { exact: true }).selectOption('reseau');
    await button("Déposer l'idée").click();
    const row = page.getByRole('row').filter({ hasText: idea.title });
    await row.filter({ hasText: 'En attente de tri' }).waitFor();
    idea.id = Number(/n° (\d+) —/.exec((await row.textContent()) ?? '')?.[1]);
    if (!idea.id) throw new Error(`no idea number in "${await row.textContent()}"`);
    run.log(`  idea n° ${idea.id}`);
  });

  await run.step('rafael (AI referent) accepts it and justifies generative AI', async () => {
    await as(rafael);
    await run.navigate('Tri des idées', 'Trier les idées');
    await card().getByRole('button', { name: 'Accepter', exact: true }).click();
    await card().getByLabel("Pourquoi l'IA générative plutôt qu'une solution plus simple ?", { exact: true })
      .fill("Des notes libres, chaque entretien est différent : aucun modèle de compte-rendu ne suffit.");
    await card().getByRole('button', { name: 'Enregistrer la justification', exact: true }).click();
    await card().waitFor({ state: 'detached' });
  });

  await run.step('dora (directorate) scores and selects it', async () => {
    await as(dora);
    await run.navigate('Portefeuille', 'Portefeuille des projets');
    await card().getByRole('button', { name: 'Calculer le score', exact: true }).click();
    await card().getByRole('status').filter({ hasText: 'Score' }).waitFor();
    await card().getByLabel('Justification de la décision', { exact: true }).fill('Un gain de temps net pour les agences, un risque limité.');
    await card().getByRole('button', { name: 'Retenir', exact: true }).click();
    await card().waitFor({ state: 'detached' });
    await page.getByRole('row').filter({ hasText: `n° ${idea.id} — ${idea.title}` }).filter({ hasText: `Retenir (${dora.username})` }).waitFor();
  });

  await run.step('eloi (ethics committee) reviews the nine criteria', async () => {
    await as(eloi);
    await run.navigate('Comité éthique', 'Comité éthique et de contrôle');
    const criteria = card().locator('fieldset.criterion');
    await criteria.first().waitFor();
    const count = await criteria.count();
    if (count !== 9) throw new Error(`expected the nine criteria, found ${count}`);
    for (let i = 0; i < count; i++) {
      await criteria.nth(i).getByLabel('Favorable', { exact: true }).check();
      await criteria.nth(i).getByRole('textbox').fill('Examiné en séance : rien à signaler.');
    }
    await card().getByRole('group', { name: 'Avis du comité', exact: true }).getByLabel('Favorable', { exact: true }).check();
    await card().getByRole('button', { name: "Rendre l'avis", exact: true }).click();
    await card().waitFor({ state: 'detached' });
  });

  await run.step('manon (manager) sets the experiment up: Brest pilot, Quimper control', async () => {
    await as(manon);
    await run.navigate('Expérimentations', 'Expérimentations et déploiements');
    await page.getByRole('link', { name: `n° ${idea.id} — ${idea.title}`, exact: true }).click();
    await run.heading(`Expérimentation — ${idea.title}`).waitFor();
    const setup = page.getByRole('region', { name: "Préparer l'expérimentation", exact: true });
    await setup.locator('option[value="meeting-report"]').waitFor({ state: 'attached' });
    await setup.getByLabel(pilot.name, { exact: true }).waitFor();
    await run.checkAccessibility('experiment set-up');
    await setup.getByLabel("Cas d'usage expérimenté", { exact: true }).selectOption('meeting-report');
    await setup.getByLabel(pilot.name, { exact: true }).selectOption('PILOT');
    await setup.getByLabel(control.name, { exact: true }).selectOption('CONTROL');
    await setup.getByLabel('Référence', { exact: true }).fill('30');
    await setup.getByLabel('Cible', { exact: true }).fill('15');
    await setup.getByLabel('Garde-fou', { exact: true }).fill('45');
    await button("Démarrer l'expérimentation").click();
    await page.getByRole('region', { name: 'Décision', exact: true }).waitFor();
    await page.getByText(`Entités : ${pilot.name} (Pilote), ${control.name} (Témoin)`, { exact: true }).waitFor();
    await run.screenshot('first-start-07-experiment');
  });

  await run.step('lea: the same request is accepted in the pilot agency', async () => {
    await as(lea);
    await fileMeetingReport();
    await page.waitForFunction(() => /^#\/cases\/\d+$/.test(location.hash));
    await page.getByText('Gwenaëlle Kerbrat').first().waitFor();
    run.log(`  case ${new URL(page.url()).hash} in ${pilot.name}`);
    await run.checkAccessibility('the first case');
    await run.screenshot('first-start-08-first-case');
  });

  await run.step('the public page shows the meeting report under experiment in one pilot entity', async () => {
    await run.logout();
    const useCases = await run.openTransparency();
    await useCases.getByRole('row').filter({ hasText: MEETING_REPORT }).filter({ hasText: 'En expérimentation (1 entité pilote)' }).waitFor();
    await run.screenshot('first-start-09-transparency');
  });
});
