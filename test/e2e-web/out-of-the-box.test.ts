// Out of the box, in Debian's Chromium against the built headless agent on a fresh data folder (the simulator, no
// configuration, no callback created): sign in, open the horn on "Van 01", and the send form already has "This
// workstation" selected; the horn reaches Done and the workstation is notified. The callbacks page shows it as built
// in, with its notifications staying here, and its page offers only its name and pause.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VehicleDto } from '../../preload/contract/dto.js';
import { requireBuild, type RunningAgent, startAgent } from './helpers/agent.js';
import { HAS_CHROMIUM, launch, openApp, pageErrors, screenshot } from './helpers/browser.js';

let agent: RunningAgent;
let browser: Browser;
let page: Page;

describe.skipIf(!HAS_CHROMIUM)('a newcomer on a fresh agent', () => {
  beforeAll(async () => {
    requireBuild();
    [agent, browser] = await Promise.all([startAgent(), launch()]);
    page = await openApp(browser, agent.url, agent.token);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await agent?.dispose();
  });

  it('sends a horn to Van 01 through "This workstation", picked by default, and it reaches Done', async () => {
    const { body } = await agent.api<{ items: VehicleDto[] }>('GET', '/api/v1/vehicles?search=Van%2001');
    const van = body.items.find((v) => v.label === 'Van 01')!;
    await page.goto(`${agent.url}/#/vehicles/${van.id}/horn`);
    const picker = page.getByRole('combobox', { name: 'Callback' });
    await expect.poll(() => picker.inputValue()).toBe('This workstation');
    expect(await page.getByText('Notifications stay on this workstation: the history').count()).toBe(1);
    await screenshot(page, 'oob-01-horn-form');

    await page.getByRole('button', { name: 'Honk', exact: true }).click();
    const timeline = page.getByTestId('sent-action').getByTestId('action-timeline');
    await timeline.and(page.locator('[data-phase="Done"]')).waitFor({ timeout: 15_000 });
    expect(await timeline.getAttribute('data-outcome')).toBe('Success');
    // The workstation is told (the browser's notification, recorded by helpers/browser.ts).
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as { __notifications: { title: string }[] }).__notifications.map((n) => n.title),
        ),
      )
      .toContain('Horn · Van 01: Done');
    await screenshot(page, 'oob-02-horn-done');
    // Nothing went anywhere else.
    expect((await agent.api<{ total: number }>('GET', '/api/v1/deliveries')).body.total).toBe(0);
  }, 30_000);

  it('lists it as built in, and its page has its name and pause only', async () => {
    await page.goto(`${agent.url}/#/callbacks`);
    const row = page.getByTestId('callback-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.getByTestId('built-in-badge').textContent()).toBe('Built in');
    expect(await row.getByText('Notifications stay on this workstation').count()).toBe(1);
    await screenshot(page, 'oob-03-callbacks');

    await row.getByRole('link', { name: 'This workstation' }).click();
    const form = page.getByRole('form', { name: 'Edit callback' });
    await form.waitFor();
    expect(await form.getByRole('textbox', { name: /^Target URL/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Send test notification' }).count()).toBe(0);
    await form.getByRole('textbox', { name: /^Name/ }).fill('Front desk');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Front desk' }).waitFor();
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await screenshot(page, 'oob-04-built-in-page');
    expect(pageErrors(page)).toEqual([]);
  }, 30_000);
});
