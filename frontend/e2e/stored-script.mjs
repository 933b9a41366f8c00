#!/usr/bin/env node
// Stored script never runs: the cases in CASE_IDS were filed with subjects such as
// <img src=x onerror=…> and <script>…</script>. As the adviser who filed them, open each case page
// and the case list in Chromium: the payload must show as text, create no element, run nothing.
//   BASE_URL=http://localhost:8080 CASE_IDS=12,13 node e2e/stored-script.mjs
import { chromium } from 'playwright-core';

const baseUrl = (process.env.BASE_URL ?? '').replace(/\/+$/, '');
const caseIds = (process.env.CASE_IDS ?? '').split(',').filter(Boolean);
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const problems = [];
let dialogs = 0;

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  page.setDefaultTimeout(20_000);
  page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
  await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Identifiant', { exact: true }).fill('alice');
  await page.getByLabel('Mot de passe', { exact: true }).fill('alice');
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).waitFor();

  const check = async (where) => {
    const found = await page.evaluate(() => ({
      xss: window.__xss,
      injected: document.querySelectorAll('img[src="x"], svg[onload], body script:not([src])').length,
    }));
    if (found.xss !== undefined) problems.push(`${where}: a stored script ran (window.__xss=${found.xss})`);
    if (found.injected > 0) problems.push(`${where}: ${found.injected} element(s) created from stored text`);
  };
  for (const id of caseIds) {
    const res = await fetch(`${baseUrl}/api/cases/${id}`, {
      headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
    });
    const subject = (await res.json()).subject;
    await page.evaluate((h) => { location.hash = h; }, `#/cases/${id}`);
    await page.waitForFunction((h) => location.hash === h, `#/cases/${id}`);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: subject }).first().waitFor();
    await page.waitForTimeout(500);
    await check(`case ${id}`);
    console.log(`case ${id}: the subject ${JSON.stringify(subject)} shows as text`);
  }
  await page.evaluate(() => { location.hash = '#/cases'; });
  await page.waitForFunction(() => location.hash === '#/cases');
  await page.waitForTimeout(1500);
  await check('case list');
} catch (error) {
  problems.push(String(error?.message ?? error).split('\n')[0]);
} finally {
  await browser.close();
}
if (dialogs > 0) problems.push(`${dialogs} dialog(s) opened by stored text`);
console.log(problems.length ? `✗ ${problems.join('\n✗ ')}` : `✓ ${caseIds.length} case page(s) and the list: no stored script ran`);
process.exit(problems.length ? 1 : 0);
