// Backups from Settings, in Debian's Chromium against the built headless agent (a real process): "Back up now",
// then a callback made after it, then "Restore…" from the keyboard: the dialog says what happens, the page shows
// "restarting", the agent process stops its work, restores and listens again on the same port, the page reloads by
// itself (signed out: everyone signs in again), and the agent holds the backup's data with the restore audited.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackBody } from '../helpers/api-harness.js';
import { requireBuild, type RunningAgent, startAgent } from './helpers/agent.js';
import { HAS_CHROMIUM, launch, openApp, pageErrors, screenshot } from './helpers/browser.js';

let agent: RunningAgent;
let browser: Browser;
let page: Page;

describe.skipIf(!HAS_CHROMIUM)('backups from Settings', () => {
  beforeAll(async () => {
    requireBuild();
    [agent, browser] = await Promise.all([startAgent(), launch()]);
    page = await openApp(browser, agent.url, agent.token);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await agent?.dispose();
  });

  it('backs up now, then restores that backup from the keyboard; the agent comes back with its data', async () => {
    await page.goto(`${agent.url}/#/settings`);
    const panel = page.getByRole('region', { name: 'Backups' });
    await panel.waitFor();
    // The daily backup of the first start may still be writing: "Back up now" then says so; wait for its line.
    await panel
      .getByTestId('backups-last-result')
      .waitFor({ timeout: 15_000 })
      .catch(() => undefined);
    await panel.getByRole('button', { name: 'Back up now' }).click();
    await panel.getByText(/Backup written: depot-remote-manual-/).waitFor({ timeout: 15_000 });
    const table = panel.getByRole('table', { name: 'Backups in the folder' });
    const manualRow = table.getByRole('row').filter({ hasText: 'By hand' });
    await manualRow.waitFor();
    await screenshot(page, 'backups-01-panel');

    const later = await agent.api<{ id: string }>(
      'POST',
      '/api/v1/callbacks',
      callbackBody({ label: 'later' }),
    );
    expect(later.status).toBe(201);

    const restore = manualRow.getByRole('button', { name: /Restore the backup taken/ });
    await restore.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/kept aside/);
    await screenshot(page, 'backups-02-confirm');
    await dialog.getByRole('button', { name: 'Stop and restore' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('backups-restarting').waitFor();

    // The same process, listening again on the same port after the restore; the page reloads by itself.
    await expect.poll(() => agent.output(), { timeout: 20_000 }).toMatch(/listening on .* again/);
    // Reloaded (nothing of the dialog left) and signed out.
    await page.getByLabel('API token').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('backups-restarting').count()).toBe(0);
    expect(agent.process.child.exitCode).toBeNull();
    expect((await agent.api('GET', `/api/v1/callbacks/${later.body.id}`)).status).toBe(404);
    const audit = await agent.api<{ items: { operator: string; detail: { ok: boolean } }[] }>(
      'GET',
      '/api/v1/audit?action=backup.restore',
    );
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ operator: 'machine token', detail: { ok: true } });
    await screenshot(page, 'backups-03-back');
    expect(pageErrors(page)).toEqual([]);
  }, 60_000);
});
