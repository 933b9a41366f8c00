#!/usr/bin/env node
// End-to-end check of the "letter path" against a running Tandem (backend + built frontend):
// an adviser asks for a reply letter, the offline drafter writes it, an expert edits and
// approves it, and the member's letter is disclosed with its label. Also runs axe-core
// (WCAG 2.1 A/AA) on the main pages and saves a screenshot of each page in target/e2e/.
//
//   BASE_URL=http://localhost:8080 npm run e2e
//
// Env: BASE_URL (required), CHROMIUM_PATH (default /usr/bin/chromium).
// Exit code 0 when every step passed, 1 otherwise.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const TOTAL_TIMEOUT_MS = 120_000;
const STEP_TIMEOUT_MS = 15_000;
const DRAFT_TIMEOUT_MS = 30_000;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SHOTS = fileURLToPath(new URL('../target/e2e/', import.meta.url));
// evaluated through the DevTools protocol: the app's Content-Security-Policy rightly blocks inline scripts
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const baseUrl = (process.env.BASE_URL ?? '').replace(/\/+$/, '');
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// A tag that makes this run's request unique, so the test also passes against a database
// that still holds the requests of earlier runs.
const runId = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const subject = `Retard de remboursement (e2e ${runId})`;
const memberMessage =
  "Bonjour, j'ai envoyé ma facture de soins il y a six semaines et je n'ai toujours pas été remboursée. Pouvez-vous me dire où en est mon dossier ?";
const appendedSentence = `Nous vous prions de nous excuser pour ce délai (réf. ${runId}).`;

const started = Date.now();
let browser;
let page;
let current = 'start';

function log(line) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
  console.log(`[${seconds}s] ${line}`);
}

async function step(name, fn) {
  current = name;
  log(`▶ ${name}`);
  const t0 = Date.now();
  const result = await fn();
  log(`✓ ${name} (${Date.now() - t0} ms)`);
  return result;
}

async function fail(error) {
  console.error('');
  console.error(`✗ FAILED at step: ${current}`);
  console.error(`  ${error instanceof Error ? error.message.split('\n').join('\n  ') : String(error)}`);
  if (page) {
    console.error(`  page URL: ${page.url()}`);
    try {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}failure.png`, fullPage: true, timeout: 5000 });
      console.error(`  screenshot: ${SHOTS}failure.png`);
    } catch {
      // the page may be gone
    }
  }
  await browser?.close().catch(() => undefined);
  process.exit(1);
}

const watchdog = setTimeout(() => {
  fail(new Error(`total timeout of ${TOTAL_TIMEOUT_MS / 1000} s exceeded`));
}, TOTAL_TIMEOUT_MS);

async function screenshot(name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
  log(`  screenshot target/e2e/${name}.png`);
}

async function checkAccessibility(name) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  if (results.violations.length > 0) {
    const details = results.violations
      .map((v) => {
        const nodes = v.nodes
          .slice(0, 5)
          .map((n) => `      ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`)
          .join('\n');
        return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element(s))\n${nodes}`;
      })
      .join('\n');
    throw new Error(`axe found ${results.violations.length} WCAG 2.1 AA violation(s) on the ${name} page:\n${details}`);
  }
  log(`  axe: no WCAG 2.1 A/AA violation on the ${name} page (${results.passes?.length ?? 'n/a'} rules passed)`);
}

function heading(name) {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

async function login(username, password) {
  await heading('Connexion').waitFor();
  await page.getByLabel('Identifiant', { exact: true }).fill(username);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).waitFor();
}

async function logout() {
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await heading('Connexion').waitFor();
}

async function main() {
  if (!baseUrl) {
    throw new Error('BASE_URL is not set (e.g. BASE_URL=http://localhost:8080 npm run e2e)');
  }
  log(`BASE_URL=${baseUrl} CHROMIUM_PATH=${executablePath}`);

  browser = await step('start Chromium', () =>
    chromium.launch({
      executablePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }),
  );
  log(`  Chromium ${browser.version()}`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.on('pageerror', (error) => log(`  page error: ${error.message}`));

  await step(`open ${baseUrl}/`, async () => {
    try {
      await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
    } catch (error) {
      throw new Error(`cannot reach BASE_URL ${baseUrl}: ${error.message.split('\n')[0]}`);
    }
    await heading('Connexion').waitFor();
  });

  await step('login page is accessible', async () => {
    await checkAccessibility('login');
    await screenshot('01-login');
  });

  await step('log in as the adviser alice', async () => {
    await login('alice', 'alice');
    await heading('Mes demandes').waitFor();
    await screenshot('02-my-requests');
  });

  await step('open the new request form', async () => {
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Nouvelle demande', exact: true })
      .click();
    await heading('Nouvelle demande').waitFor();
    // wait until the use cases and the members are loaded
    await page.locator('select[name="useCaseKey"] option[value="reply-letter"]').waitFor({ state: 'attached' });
    await page.locator('select[name="memberId"] option:nth-child(2)').waitFor({ state: 'attached' });
    await checkAccessibility('new request');
  });

  const caseId = await step(`ask for a reply letter "${subject}"`, async () => {
    await page.getByLabel("Cas d'usage", { exact: true }).selectOption('reply-letter');
    const member = page.getByLabel('Sociétaire', { exact: true });
    await member.selectOption({ index: 1 });
    log(`  member: ${await member.locator('option:checked').textContent()}`);
    await page.getByLabel('Objet', { exact: true }).fill(subject);
    await page.getByLabel('Message du sociétaire', { exact: true }).fill(memberMessage);
    await screenshot('03-new-request');
    await page.getByRole('button', { name: 'Envoyer la demande', exact: true }).click();
    await page.waitForFunction(() => /^#\/cases\/\d+$/.test(location.hash));
    const id = decodeURIComponent(new URL(page.url()).hash.replace(/^#\/cases\//, ''));
    log(`  case ${id} created`);
    return id;
  });

  await step('the case page shows the offline draft with its AI marker', async () => {
    const marker = page.getByTestId('ai-marker');
    await marker.waitFor({ timeout: DRAFT_TIMEOUT_MS });
    const text = (await marker.textContent()) ?? '';
    if (!text.includes('brouillon hors-ligne')) {
      throw new Error(`the AI marker reads "${text}", expected the offline drafter's "brouillon hors-ligne"`);
    }
    log(`  AI marker: "${text.trim()}"`);
    await screenshot('04-case-drafted');
  });

  await step('log out', logout);

  await step('log in as the expert bob', async () => {
    await login('bob', 'bob');
    await heading('Mes tâches').waitFor();
  });

  const row = page.getByRole('row').filter({ hasText: subject });
  await step('the task list shows the review task', async () => {
    // the list refreshes itself every 10 s
    await row.first().waitFor({ timeout: DRAFT_TIMEOUT_MS });
    await checkAccessibility('task list');
    await screenshot('05-task-list');
  });

  const editor = page.getByLabel('Texte du courrier', { exact: true });
  await step('open the task', async () => {
    await row.first().getByRole('link').first().click();
    await page.waitForFunction(() => /^#\/tasks\/[^/]+$/.test(location.hash));
    await editor.waitFor();
    await page.waitForFunction(
      () => (document.querySelector('textarea[name="text"]')?.value ?? '').trim().length > 0,
      undefined,
      { timeout: STEP_TIMEOUT_MS },
    );
    const draftMarker = (await page.getByTestId('ai-marker').textContent()) ?? '';
    if (!draftMarker.trim()) throw new Error('the task page shows no AI marker on the draft');
    await checkAccessibility('task');
    await screenshot('06-task');
  });

  await step('edit the draft and approve it', async () => {
    const draft = await editor.inputValue();
    await editor.fill(`${draft.trimEnd()}\n\n${appendedSentence}`);
    await screenshot('07-task-edited');
    await page.getByRole('button', { name: 'Approuver et envoyer', exact: true }).click();
    // a hash change is a same-document navigation: wait on the hash itself
    await page.waitForFunction((id) => location.hash === `#/cases/${id}`, caseId);
  });

  await step('the case page shows the disclosed letter with its label', async () => {
    const letter = page.getByTestId('disclosed-text');
    await letter.waitFor({ timeout: DRAFT_TIMEOUT_MS });
    const text = (await letter.textContent()) ?? '';
    if (!text.includes(appendedSentence)) {
      throw new Error(`the disclosed letter does not contain the sentence the expert added:\n${text}`);
    }
    const label = page.getByTestId('disclosure-label');
    await label.waitFor({ state: 'visible' });
    const labelText = ((await label.textContent()) ?? '').trim();
    if (!labelText) throw new Error('the disclosure label element is empty');
    log(`  disclosure label: "${labelText}"`);
    await checkAccessibility('disclosed case');
    await screenshot('08-case-disclosed');
  });

  await browser.close();
  clearTimeout(watchdog);
  log(`letter path passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch(fail);
