// The Updates panel in the headless agent's browser (Debian's Chromium against the built agent, a real process):
// from the keyboard, an admin sets the feed to a LAN feed served by this test and checks it; the panel shows what
// is new (as plain text) and how the agent is updated, and offers no restart (the agent never installs itself).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishRelease, serveFeed, type FeedServer } from '../core/updates/update-feed.js';
import { tempDir } from '../helpers/temp-dir.js';
import { requireBuild, type RunningAgent, startAgent } from './helpers/agent.js';
import { HAS_CHROMIUM, launch, openApp, pageErrors, screenshot } from './helpers/browser.js';

let agent: RunningAgent;
let browser: Browser;
let page: Page;
let feedDir: ReturnType<typeof tempDir>;
let feed: FeedServer;

describe.skipIf(!HAS_CHROMIUM)('updates from Settings, in the agent’s browser', () => {
  beforeAll(async () => {
    requireBuild();
    feedDir = tempDir('depot-remote-feed-');
    publishRelease(feedDir.path, { version: '99.0.0', notes: '<b>Faster</b> fleet list\nAudit export' });
    feed = await serveFeed(feedDir.path);
    [agent, browser] = await Promise.all([startAgent(), launch()]);
    page = await openApp(browser, agent.url, agent.token);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await agent?.dispose();
    await feed?.close();
    feedDir?.remove();
  });

  it('sets the feed and checks it from the keyboard, then says what is new and how to update the agent', async () => {
    await page.goto(`${agent.url}/#/settings`);
    const panel = page.getByRole('region', { name: 'Updates' });
    await panel.waitFor();
    expect(await panel.textContent()).toContain('This agent does not install updates itself.');

    const input = panel.getByRole('textbox', { name: /Update feed/ });
    await input.focus();
    await page.keyboard.type(feed.url);
    await page.keyboard.press('Enter');
    await panel.getByText('Update feed saved.').waitFor();

    const check = panel.getByRole('button', { name: 'Check now' });
    await check.focus();
    await page.keyboard.press('Enter');
    await panel.getByText(/Version 99\.0\.0 is available/).waitFor({ timeout: 15_000 });
    const notes = panel.getByTestId('updates-notes');
    expect(await notes.textContent()).toBe('<b>Faster</b> fleet list\nAudit export');
    expect(await panel.locator('b').count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Restart now to install' }).count()).toBe(0);
    expect(feed.requests.filter((p) => p.endsWith('.yml')).length).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'updates-01-available');

    expect(pageErrors(page)).toEqual([]);
  });
});
