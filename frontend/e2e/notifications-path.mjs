#!/usr/bin/env node
// Issue 19: notifications in Chromium at 1366×900. An expert of the member-relations group (NOTIF_USER, made by
// the JUnit driver) logs in; alice files a letter request; back as the expert, the header's bell says what is
// unread; the list opens from it (axe-clean), names the request's subject, and its link opens the review task;
// the notification is then read. The database is shared with other tests: their cases may tell the expert too.
//
//   BASE_URL=http://localhost:8080 NOTIF_USER=notif-e2e-x node e2e/notifications-path.mjs
//
// Exit code 0 when every step passed, 1 otherwise. Helpers: lib.mjs. The JUnit driver is NotificationsBrowserIT.
import { runId, scenario } from './lib.mjs';

const EXPERT = process.env.NOTIF_USER;

scenario('notifications-path', 300_000, async (run) => {
  if (!EXPERT) throw new Error('NOTIF_USER is not set');
  await run.start();
  const page = run.page;
  await page.setViewportSize({ width: 1366, height: 900 });
  const bell = () => page.getByRole('banner').locator('a.notification-bell');

  await run.step(`${EXPERT} logs in and sees the bell`, async () => {
    await run.as(EXPERT);
    await bell().waitFor();
    run.log(`  bell: ${(await bell().getAttribute('data-unread')) || 0} unread`);
  });

  const subject = run.forSubject(`Notification ${runId}`);
  await run.step('alice files a letter request', async () => {
    await run.as('alice');
    await run.fileRequest('reply-letter', 'Bonjour, où en est le remboursement de mon sinistre ? Merci.');
  });

  await run.step(`${EXPERT} sees the unread count in the header, and the request in the list`, async () => {
    await run.as(EXPERT);
    // the review task is created once the AI drafted: the list is read again until it names the request
    const item = page.locator('li.notification-item.unread').filter({ hasText: subject }).first();
    await bell().click();
    await run.heading('Notifications').waitFor();
    const deadline = Date.now() + 90_000;
    while (!(await item.isVisible())) {
      if (Date.now() > deadline) throw new Error(`no notification of "${subject}" after 90 s`);
      await page.waitForTimeout(3_000);
      await page.reload();
      await run.heading('Notifications').waitFor();
    }
    await item.getByText(/Nouvelle tâche pour votre groupe/).waitFor();
    await page.getByRole('link', { name: /^Notifications : \d+ non lue\(s\)$/ }).waitFor();
    run.log(`  bell: ${await bell().getAttribute('data-unread')} unread`);
    // the header still on one line at 1,280 pixels, the bell included
    await page.setViewportSize({ width: 1280, height: 900 });
    const lines = await page.evaluate(() => {
      const items = [...document.querySelectorAll('.brand, .main-nav > ul > li, .header-tools')];
      const tops = items.map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2));
      return Math.max(...tops) - Math.min(...tops) < 16 ? 1 : 2;
    });
    if (lines !== 1) throw new Error(`${EXPERT}'s header does not fit one line at 1,280 px`);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('heading', { name: 'Vos préférences de notification' }).waitFor();
    await run.checkAccessibility('notifications');
    await run.screenshot('notifications');
  });

  await run.step('its link opens the review task, and it is read', async () => {
    const item = page.locator('li.notification-item').filter({ hasText: subject }).first();
    await item.getByRole('link', { name: subject, exact: true }).click();
    await run.waitForRoute('#/tasks/<id>', () => /^#\/tasks\/[^/]+$/.test(location.hash));
    await run.heading("Relire le brouillon de l'IA").waitFor();
    await bell().click();
    await run.heading('Notifications').waitFor();
    await page.locator('li.notification-item').filter({ hasText: subject }).first().getByText('Lue', { exact: true }).waitFor();
  });
});
