#!/usr/bin/env node
// Issue 19: each demo role's first minute, in Chromium at 1366×900, on the demo with its history replayed.
// Each person logs in and lands on « Ce qui m'attend » with at least one action of their role (an item of
// work, or their own screen for the roles whose work is not a queue); a screenshot per role
// (target/e2e/home-<user>.png) and axe-core (WCAG 2.1 A/AA) on each home. Then every page the person's
// home and main navigation open is measured, and every person's header must fit one line at 1,280 pixels (beyond five links, « Plus » folds the rest); none is taller than 4,000 pixels, except a case's page with
// its history.
//
//   BASE_URL=http://localhost:8080 node e2e/homes-path.mjs
//
// Exit code 0 when every step passed, 1 otherwise. Helpers: lib.mjs. The JUnit driver is HomesBrowserIT.
import { scenario } from './lib.mjs';

const MAX_HEIGHT = 4000;
const HOME = "Ce qui m'attend";

/** Who, and what of their role their home must offer: work items of these sections, or this screen. */
const PEOPLE = [
  { user: 'alice', items: ['cases.inProgress'] },
  { user: 'paul', items: ['tasks.mine', 'tasks.toTake'] },
  { user: 'bob', items: ['tasks.toTake'] },
  { user: 'chloe', items: ['tasks.toTake'] },
  { user: 'ines', items: ['tasks.mine'] },
  { user: 'hugo', items: ['tasks.toTake'] },
  { user: 'marc', items: ['projects.decide', 'experiments.running'] },
  { user: 'diane', items: ['projects.decide'] },
  { user: 'eric', items: ['projects.decide'] },
  { user: 'rachel', items: ['projects.decide'] },
  { user: 'admin', screen: 'Organisation' },
  { user: 'dora', screen: 'Protection des données' },
];

scenario('homes-path', 900_000, async (run) => {
  await run.start();
  const page = run.page;
  await page.setViewportSize({ width: 1366, height: 900 });
  const heights = [];

  const measure = async (who) => {
    // the page drawn: its h1, its queries answered, its charts in place
    await page.locator('h1.page-title').first().waitFor();
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .loading'), null, { timeout: 15_000 }).catch(() => undefined);
    const route = new URL(page.url()).hash || '#/';
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    heights.push({ who, route, height });
    run.log(`  ${who} ${route}: ${height} px`);
    if (!/^#\/cases\/\d+$/.test(route) && height > MAX_HEIGHT) {
      throw new Error(`${route} is ${height} px tall for ${who} at 1366×900 (at most ${MAX_HEIGHT}, the case history excepted)`);
    }
  };

  for (const person of PEOPLE) {
    await run.step(`${person.user} lands on the home with work of their role`, async () => {
      await run.as(person.user);
      await run.heading(HOME).waitFor();
      const home = page.getByRole('main');
      let action;
      if (person.items) {
        const selector = person.items.map((k) => `a[data-home-item="${k}"]`).join(', ');
        action = home.locator(selector).first();
      } else {
        action = home.getByRole('navigation', { name: 'Vos écrans', exact: true }).getByRole('link', { name: person.screen, exact: true });
      }
      await action.waitFor();
      // the header on one line at 1,280 pixels: every item of the main navigation and the tools at one height
      await page.setViewportSize({ width: 1280, height: 900 });
      const lines = await page.evaluate(() => {
        const items = [...document.querySelectorAll('.brand, .main-nav > ul > li, .header-tools')];
        const tops = items.map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2));
        return Math.max(...tops) - Math.min(...tops) < 16 ? 1 : 2;
      });
      run.log(`  ${person.user}: header on ${lines === 1 ? 'one line' : 'more than one line'} at 1,280 px`);
      if (lines !== 1) throw new Error(`${person.user}'s header does not fit one line at 1,280 px`);
      await page.setViewportSize({ width: 1366, height: 900 });
      await run.checkAccessibility(`home of ${person.user}`);
      await run.screenshot(`home-${person.user}`);
      await measure(person.user);

      // the first action opens its screen
      const target = await action.getAttribute('href');
      await action.click();
      await run.waitForRoute(target, (hash) => location.hash === hash, target);
      await measure(person.user);

      // and every screen of the person's main navigation
      const nav = page.getByRole('navigation', { name: 'Navigation principale' });
      const links = await nav.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const href of links) {
        if (href === '#/cases/new') continue; // a form, not a list
        await run.openNavLink(nav.locator(`a[href="${href}"]`));
        await run.waitForRoute(href, (hash) => location.hash === hash, href);
        await measure(person.user);
      }
    });
  }

  run.log(`tallest: ${heights.sort((a, b) => b.height - a.height).slice(0, 5).map((h) => `${h.route} ${h.height} px (${h.who})`).join(', ')}`);
});
