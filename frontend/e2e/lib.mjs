// Shared helpers of the browser scenarios (letter-path.mjs, task-paths.mjs, lifecycle-path.mjs): Chromium through
// playwright-core, step logging with timings, axe-core (WCAG 2.1 A/AA) on each page,
// screenshots in target/e2e/, and the app's own gestures (log in, open a task, file a request).
//
// Env: BASE_URL (required), CHROMIUM_PATH (default /usr/bin/chromium).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const STEP_TIMEOUT_MS = 15_000;
export const DRAFT_TIMEOUT_MS = 30_000;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SHOTS = fileURLToPath(new URL('../target/e2e/', import.meta.url));
// evaluated through the DevTools protocol: the app's Content-Security-Policy rightly blocks inline scripts
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** A tag that makes a run's requests unique, so a database holding earlier runs does not interfere. */
export const runId = new Date().toISOString().replace(/\D/g, '').slice(0, 14);

/**
 * One scenario run: a browser page and the gestures on it. `subject` is the request subject the
 * task-list helpers look for (set it with `forSubject` before each path).
 */
export class Run {
  constructor(name, totalTimeoutMs) {
    this.name = name;
    this.started = Date.now();
    this.current = 'start';
    this.subject = '';
    this.baseUrl = (process.env.BASE_URL ?? '').replace(/\/+$/, '');
    this.executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
    this.watchdog = setTimeout(() => this.fail(new Error(`total timeout of ${totalTimeoutMs / 1000} s exceeded`)), totalTimeoutMs);
  }

  log(line) {
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1).padStart(5);
    console.log(`[${seconds}s] ${line}`);
  }

  async step(name, fn) {
    this.current = name;
    this.log(`▶ ${name}`);
    const t0 = Date.now();
    const result = await fn();
    this.log(`✓ ${name} (${Date.now() - t0} ms)`);
    return result;
  }

  async fail(error) {
    console.error('');
    console.error(`✗ FAILED at step: ${this.current}`);
    console.error(`  ${error instanceof Error ? error.message.split('\n').join('\n  ') : String(error)}`);
    if (this.page) {
      console.error(`  page URL: ${this.page.url()}`);
      try {
        mkdirSync(SHOTS, { recursive: true });
        await this.page.screenshot({ path: `${SHOTS}${this.name}-failure.png`, fullPage: true, timeout: 5000 });
        console.error(`  screenshot: ${SHOTS}${this.name}-failure.png`);
      } catch {
        // the page may be gone
      }
    }
    await this.browser?.close().catch(() => undefined);
    process.exit(1);
  }

  /** Starts Chromium and opens the app's login page. */
  async start() {
    if (!this.baseUrl) throw new Error('BASE_URL is not set (e.g. BASE_URL=http://localhost:8080)');
    this.log(`BASE_URL=${this.baseUrl} CHROMIUM_PATH=${this.executablePath}`);
    this.browser = await this.step('start Chromium', () =>
      chromium.launch({
        executablePath: this.executablePath,
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
    this.log(`  Chromium ${this.browser.version()}`);
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    this.page = await context.newPage();
    this.page.setDefaultTimeout(STEP_TIMEOUT_MS);
    this.page.on('pageerror', (error) => this.log(`  page error: ${error.message}`));
    // A library that injects a <style> or <script>, or calls eval, is blocked by the app's CSP: Chromium only
    // says so in the console, so such a message fails the run (at the next accessibility check or at the end).
    this.cspViolations = [];
    this.page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        this.cspViolations.push(`${new URL(this.page.url()).hash || '/'}: ${message.text()}`);
        this.log(`  CSP violation: ${message.text()}`);
      }
    });
    await this.step(`open ${this.baseUrl}/`, async () => {
      try {
        await this.page.goto(`${this.baseUrl}/`, { waitUntil: 'domcontentloaded' });
      } catch (error) {
        throw new Error(`cannot reach BASE_URL ${this.baseUrl}: ${error.message.split('\n')[0]}`, { cause: error });
      }
      await this.heading('Connexion').waitFor();
    });
  }

  /** Throws when the page reported a Content-Security-Policy violation in its console. */
  checkCsp() {
    if (this.cspViolations.length > 0) {
      throw new Error(`${this.cspViolations.length} Content-Security-Policy violation(s) in the console:\n${this.cspViolations.join('\n')}`);
    }
  }

  async finish() {
    this.checkCsp();
    this.log('  no Content-Security-Policy violation in the console');
    await this.browser.close();
    clearTimeout(this.watchdog);
    this.log(`${this.name} passed in ${((Date.now() - this.started) / 1000).toFixed(1)} s`);
  }

  async screenshot(name) {
    mkdirSync(SHOTS, { recursive: true });
    await this.page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
    this.log(`  screenshot target/e2e/${name}.png`);
  }

  async checkAccessibility(name) {
    const page = this.page;
    // charts come with a lazy chunk: check them drawn (an SVG in each named chart image), not their placeholder
    await page.waitForFunction(() => [...document.querySelectorAll('.chart-image')].every((c) => c.querySelector('svg')));
    const charts = await page.locator('.chart-image').count();
    if (charts > 0) this.log(`  ${charts} chart(s) drawn`);
    this.checkCsp();
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
    this.log(`  axe: no WCAG 2.1 A/AA violation on the ${name} page (${results.passes?.length ?? 'n/a'} rules passed)`);
  }

  heading(name) {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  /** Waits until the hash route satisfies `test` (a hash change fires no load event: no waitForURL). */
  async waitForRoute(description, test, arg, timeout = STEP_TIMEOUT_MS) {
    try {
      await this.page.waitForFunction(test, arg, { timeout });
    } catch {
      throw new Error(`expected the route ${description}, still on ${new URL(this.page.url()).hash || '(no hash)'}`);
    }
  }

  async login(username, password = username) {
    await this.heading('Connexion').waitFor();
    await this.page.getByLabel('Identifiant', { exact: true }).fill(username);
    await this.page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await this.page.getByRole('button', { name: 'Se déconnecter', exact: true }).waitFor();
  }

  async logout() {
    await this.page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
    await this.heading('Connexion').waitFor();
  }

  /** Logs out (when someone is logged in) and in again as `username`. */
  async as(username) {
    if (await this.page.getByRole('button', { name: 'Se déconnecter', exact: true }).isVisible()) await this.logout();
    await this.login(username);
  }

  /** Clicks a link of the main navigation (« Boîte à idées », « Portefeuille »…) and waits for the page's h1. */
  async navigate(linkName, headingName) {
    await this.openNavLink(this.page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: linkName, exact: true }));
    await this.heading(headingName).waitFor();
  }

  /** Clicks a link of the main navigation, opening « Plus » first when the link is folded in it. */
  async openNavLink(link) {
    if (!(await link.isVisible())) {
      await this.page.getByRole('navigation', { name: 'Navigation principale' }).locator('.nav-more summary').click();
    }
    await link.click();
  }

  /**
   * From the login page, without a session: the public page « Notre usage de l'IA », checked by axe;
   * returns its use-cases table (a locator) for the caller's checks, and leaves the page open.
   */
  async openTransparency() {
    await this.heading('Connexion').waitFor();
    await this.page.getByRole('link', { name: "Notre usage de l'IA", exact: true }).click();
    await this.waitForRoute('#/transparence', () => location.hash === '#/transparence');
    await this.heading("Notre usage de l'intelligence artificielle").waitFor();
    const useCases = this.page.getByRole('table', { name: 'Les usages en service, leur objectif et le modèle utilisé' });
    await useCases.waitFor();
    await this.page.getByRole('table', { name: "La mention affichée selon la part de l'IA dans le texte" }).waitFor();
    await this.checkAccessibility('transparency');
    return useCases;
  }

  /** Back from the public page to the login page, through its own link. */
  async leaveTransparency() {
    await this.page.getByRole('link', { name: 'Se connecter (collaborateurs)', exact: true }).click();
    await this.heading('Connexion').waitFor();
  }

  /** The subject the next task-list lookups look for. */
  forSubject(subject) {
    this.subject = subject;
    return subject;
  }

  /** The task-list row of the current subject for one kind of task (`review`, `edit`, `approve`…). */
  taskRow(taskKey) {
    return this.page.locator(`tr[data-task-key="${taskKey}"]`).filter({ hasText: this.subject });
  }

  async gotoTasks() {
    await this.page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Tâches', exact: true })
      .click();
  }

  /**
   * On the task list: waits for the current subject's `taskKey` task (the list refreshes itself
   * every 10 s), opens it and waits for its page. Returns the task id.
   */
  async openTask(taskKey, expectedName) {
    const page = this.page;
    // people land on their home (issue 19): the task list is one click away in the main navigation
    if (new URL(page.url()).hash !== '#/tasks') await this.gotoTasks();
    await this.waitForRoute('#/tasks', () => location.hash === '#/tasks');
    await this.heading('Mes tâches').waitFor();
    const row = this.taskRow(taskKey);
    try {
      await row.first().waitFor({ timeout: DRAFT_TIMEOUT_MS });
    } catch {
      const kinds = await page
        .locator('tr[data-task-key]')
        .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-task-key')}: ${r.textContent?.slice(0, 80)}`));
      throw new Error(
        `no "${taskKey}" task for "${this.subject}" in the task list after ${DRAFT_TIMEOUT_MS / 1000} s; rows:\n${kinds.join('\n') || '(none)'}`,
      );
    }
    if ((await row.count()) > 1) this.log(`  note: ${await row.count()} "${taskKey}" rows for this subject, opening the first`);
    const link = row.first().getByRole('link').first();
    const name = ((await link.textContent()) ?? '').trim();
    this.log(`  task "${name}" (${taskKey})`);
    if (expectedName && name !== expectedName) this.log(`  note: expected the task name "${expectedName}"`);
    await link.click();
    await this.waitForRoute('#/tasks/<id>', () => /^#\/tasks\/[^/]+$/.test(location.hash));
    const id = decodeURIComponent(new URL(page.url()).hash.replace(/^#\/tasks\//, ''));
    await this.heading(name).waitFor();
    return id;
  }

  /** After a completion the app goes back to the task list with « Décision enregistrée. ». */
  async expectBackOnTaskList() {
    await this.waitForRoute('#/tasks', () => location.hash === '#/tasks');
    await this.page.getByText('Décision enregistrée.', { exact: true }).waitFor();
  }

  /** As an adviser: files a request of `useCaseKey` about the current subject; returns the case id. */
  async fileRequest(useCaseKey, message, { checkAccessibility = false } = {}) {
    const page = this.page;
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Nouvelle demande', exact: true })
      .click();
    await this.heading('Nouvelle demande').waitFor();
    // wait until the use cases and the members are loaded
    await page.locator(`select[name="useCaseKey"] option[value="${useCaseKey}"]`).waitFor({ state: 'attached' });
    await page.locator('select[name="memberId"] option:nth-child(2)').waitFor({ state: 'attached' });
    if (checkAccessibility) await this.checkAccessibility('new request');
    await page.getByLabel("Cas d'usage", { exact: true }).selectOption(useCaseKey);
    const member = page.getByLabel('Sociétaire', { exact: true });
    await member.selectOption({ index: 1 });
    this.log(`  member: ${await member.locator('option:checked').textContent()}`);
    await page.getByLabel('Objet', { exact: true }).fill(this.subject);
    await page.getByLabel('Message du sociétaire', { exact: true }).fill(message);
    await page.getByRole('button', { name: 'Envoyer la demande', exact: true }).click();
    await page.waitForFunction(() => /^#\/cases\/\d+$/.test(location.hash));
    const id = decodeURIComponent(new URL(page.url()).hash.replace(/^#\/cases\//, ''));
    this.log(`  case ${id} created (${useCaseKey})`);
    return id;
  }

  /**
   * Against rubber-stamping: accepting or approving needs the whole text and each of its sources
   * displayed. Scrolls the text to its end and opens every source, as a reader would.
   */
  async displayWholeText() {
    const page = this.page;
    const end = page.getByTestId('draft-end');
    await end.waitFor({ state: 'attached' });
    await end.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const sources = page.getByTestId('draft-source');
    for (let i = 0; i < (await sources.count()); i++) {
      await sources.nth(i).locator('summary').click();
    }
    await page.getByText('Vous avez affiché tout le texte et ses sources.', { exact: true }).waitFor();
  }
}

/** Runs `main(run)` and exits 1 with the failing step, its page and a screenshot when it throws. */
export function scenario(name, totalTimeoutMs, main) {
  const run = new Run(name, totalTimeoutMs);
  main(run)
    .then(() => run.finish())
    .catch((error) => run.fail(error));
}
