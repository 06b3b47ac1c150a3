// Depot routines (issue 16), done through the UI in Debian's Chromium against the built headless agent and its fleet
// simulator: ten vehicles are ticked in the fleet list and made a group; the group gets a doors lock that is
// previewed first (the two vehicles that cannot lock their doors are skipped with the reason, nothing sent), then
// confirmed; the bulk's page follows each vehicle to its result — the same the API reports — and a browser
// notification says it finished; the CSV report downloads as bulk-<id>.csv with one row per vehicle.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VehicleDto } from '../../preload/contract/dto.js';
import type { BulkDto, GroupDto } from '../../preload/contract/routines.js';
import { requireBuild, type RunningAgent, startAgent } from './helpers/agent.js';
import { HAS_CHROMIUM, launch, openApp, pageErrors, screenshot } from './helpers/browser.js';

// The simulated fleet (main/core/connector/simulator/README.md): Loaner 09 and City 24 have no remote doors.
const INCAPABLE = ['Loaner 09', 'City 24'];
const TEN = [
  'Van 01', // doors start locked: AlreadyDone
  'Pool 02', // asleep: woken first
  'Van 03',
  'Pool 04',
  'Pool 05', // driver door open: Failed DoorsOpen
  'Van 06', // key inside: Failed CidInside
  'Loaner 09',
  'Van 11',
  'City 24',
  'Van 21', // unlocked: the lock succeeds
];
const GROUP_NAME = 'Closing ten';

let agent: RunningAgent;
let browser: Browser;
let page: Page;
let fleet: VehicleDto[] = [];
let bulkId = '';

const idOf = (label: string) => {
  const found = fleet.find((v) => v.label === label);
  if (!found) throw new Error(`no vehicle "${label}" in the simulated fleet`);
  return found.id;
};

/** The lines of the bulk's vehicle list as shown: vehicle id → state, outcome, why. */
interface ShownLine {
  state: string | null;
  outcome: string;
  why: string;
}

const shownLines = (): Promise<Record<string, ShownLine>> =>
  page.getByTestId('bulk-item').evaluateAll((rows) =>
    Object.fromEntries(
      rows.map((r) => [
        r.getAttribute('data-vehicle-id'),
        {
          state: r.getAttribute('data-state'),
          outcome: r.querySelector('[data-testid="item-outcome"]')?.textContent ?? '',
          why: r.querySelector('[data-testid="item-why"]')?.textContent ?? '',
        },
      ]),
    ),
  );

describe.skipIf(!HAS_CHROMIUM)('depot routines in a browser', () => {
  beforeAll(async () => {
    requireBuild();
    [agent, browser] = await Promise.all([startAgent(), launch()]);
    fleet = (await agent.api<{ items: VehicleDto[] }>('GET', '/api/v1/vehicles?limit=500')).body.items;
    page = await openApp(browser, agent.url, agent.token);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await agent?.dispose();
  });

  it('ticks ten vehicles in the fleet list and makes them a group', async () => {
    await page.getByTestId('vehicle-row').first().waitFor();
    const search = page.getByLabel('Search');
    for (const label of TEN) {
      await search.fill(label);
      await expect.poll(() => page.getByTestId('vehicle-label').allTextContents()).toEqual([label]);
      // Space on the focused row ticks it, the keyboard way.
      await page.getByTestId('vehicle-row').first().focus();
      await page.keyboard.press('Space');
      expect(await page.getByRole('checkbox', { name: `Select ${label}` }).isChecked()).toBe(true);
    }
    await search.fill('');
    expect(await page.getByTestId('selection-count').textContent()).toBe('10 selected');
    await page.getByRole('button', { name: 'Add to group' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name of the new group' }).fill(GROUP_NAME);
    await dialog.getByRole('button', { name: 'Add to group' }).click();
    await expect
      .poll(() => page.getByTestId('selection-notice').textContent())
      .toBe(`10 vehicles in “${GROUP_NAME}” (10 in all).`);

    await page.getByRole('link', { name: 'Groups' }).click();
    const row = page.getByTestId('group-row').filter({ hasText: GROUP_NAME });
    expect(await row.getByTestId('group-count').textContent()).toBe('10');
    const groups = (await agent.api<{ items: GroupDto[] }>('GET', '/api/v1/groups')).body.items;
    expect(groups.map((g) => [g.name, [...g.vehicleIds].sort()])).toEqual([
      [GROUP_NAME, TEN.map(idOf).sort()],
    ]);
    await screenshot(page, 'routines-01-groups');
  });

  it('previews a doors lock for the group: the incapable vehicles skipped with the reason, nothing sent', async () => {
    await page.getByRole('link', { name: `Send a command to ${GROUP_NAME}` }).click();
    await page.getByRole('heading', { level: 1, name: `Send a command to “${GROUP_NAME}”` }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Command' }).inputValue()).toMatch(/^Doors/);
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('bulk-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('preview-summary').textContent()).toContain(
      '8 of 10 vehicles would be sent the command; 2 skipped.',
    );
    expect(await preview.getByTestId('skip-reasons').textContent()).toBe('Cannot do this command: 2');
    const lines = await shownLines();
    for (const label of INCAPABLE)
      expect(lines[idOf(label)]).toEqual({ state: 'skipped', outcome: '', why: 'Cannot do this command' });
    // A preview sends nothing and stores nothing.
    const bulks = await agent.api<{ items: unknown[] }>('GET', '/api/v1/bulk-remotes');
    expect(bulks.body.items).toHaveLength(0);
    await screenshot(page, 'routines-02-preview');
  });

  it('confirms it, and the bulk page shows each vehicle result as the API reports it', async () => {
    await page.getByRole('button', { name: 'Confirm: send to 8 vehicles' }).click();
    await page.waitForURL(/#\/bulks\/[^/]+$/);
    bulkId = decodeURIComponent(new URL(page.url()).hash.replace('#/bulks/', ''));
    await expect
      .poll(() => page.getByTestId('bulk-status').textContent(), { timeout: 30_000 })
      .toBe('Finished');
    expect(await page.getByTestId('count-total').textContent()).toBe('10');
    expect(await page.getByTestId('count-skipped').textContent()).toBe('2');
    expect(await page.getByText('10 of 10 vehicles settled (100%)').count()).toBe(1);

    const api = (await agent.api<BulkDto>('GET', `/api/v1/bulk-remotes/${encodeURIComponent(bulkId)}`)).body;
    expect(api.status).toBe('finished');
    await expect
      .poll(async () => Object.values(await shownLines()).filter((l) => l.state === 'done').length)
      .toBe(api.counts.done);
    const lines = await shownLines();
    for (const item of api.items) expect(lines[item.vehicleId]!.state).toBe(item.state);
    expect(lines[idOf('Van 01')]).toMatchObject({ state: 'done', outcome: 'Already done' });
    expect(lines[idOf('Van 21')]).toMatchObject({ state: 'done', outcome: 'Success' });
    // The network's failure cause in words (CidInside, DoorsOpen).
    expect(lines[idOf('Van 06')]).toMatchObject({
      state: 'failed',
      outcome: 'Failed',
      why: 'Key detected inside the vehicle',
    });
    expect(lines[idOf('Pool 05')]).toMatchObject({ state: 'failed', why: 'A door is open' });
    for (const label of INCAPABLE) expect(lines[idOf(label)]!.state).toBe('skipped');
    // Each vehicle sent links to its own command.
    const link = page.getByRole('link', { name: 'Open the command of Van 21' });
    const remoteActionId = api.items.find((i) => i.vehicleId === idOf('Van 21'))!.remoteActionId!;
    expect(await link.getAttribute('href')).toBe(`#/actions/${encodeURIComponent(remoteActionId)}`);

    const notified = await page.evaluate(() =>
      (window as unknown as { __notifications: { title: string; body: string }[] }).__notifications.map(
        (n) => n.title,
      ),
    );
    expect(notified.filter((t) => t.startsWith('Doors to 10 vehicles: finished'))).toHaveLength(1);
    // Told once for the bulk, not once per vehicle ("Doors · Van 01: Already done").
    expect(notified.filter((t) => t.startsWith('Doors · '))).toEqual([]);
    await screenshot(page, 'routines-03-bulk');
  });

  it('downloads the CSV report, one row per vehicle', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download report' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`bulk-${bulkId.replace(/[^\w.-]/g, '_')}.csv`);
    const text = readFileSync((await download.path())!, 'utf8');
    const rows = text.trim().split(/\r?\n/);
    expect(rows).toHaveLength(11);
    for (const label of INCAPABLE) {
      const vin = fleet.find((v) => v.label === label)!.vin;
      expect(rows.find((r) => r.includes(vin))).toMatch(/skipped/);
    }
    expect(pageErrors(page)).toEqual([]);
  });
});
