// The page's head announces the app's chunks (electron.vite.config.ts, preloadApp), so the browser fetches them while
// the entry loads instead of once the entry has run and sent its early reads: in Chromium against the built agent,
// each of the app's four chunks (React, Mantine, the i18n libraries, the rest: appChunks) is asked for before the
// session read, and they are the same files the entry then imports (no second fetch). The theme's CSS variables
// are in the head, computed at build time (themeVariables), and the provider adds them no second time.
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, type RunningAgent, startAgent } from './helpers/agent.js';
import { HAS_CHROMIUM, launch } from './helpers/browser.js';

let agent: RunningAgent;
let browser: Browser;

describe.skipIf(!HAS_CHROMIUM)('the app chunk at page load', () => {
  beforeAll(async () => {
    requireBuild();
    [agent, browser] = await Promise.all([startAgent(), launch()]);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await agent?.dispose();
  });

  it('is fetched once, before the entry sends the session read', async () => {
    const page = await browser.newPage();
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    await page.goto(`${agent.url}/`);
    await page.getByLabel('API token').waitFor();
    const paths = requests.map((r) => new URL(r.url()).pathname);
    const session = paths.indexOf('/api/v1/session');
    expect(session).toBeGreaterThan(-1);
    for (const chunk of ['start', 'react', 'mantine', 'intl']) {
      const app = paths.filter((p) => new RegExp(`/assets/${chunk}-[\\w-]+\\.js$`).test(p));
      expect(app, chunk).toHaveLength(1);
      expect(paths.indexOf(app[0]!), chunk).toBeLessThan(session);
    }
    await page.close();
  });

  it("reads the theme's CSS variables from the page's head, once, after Mantine's own styles", async () => {
    const page = await browser.newPage();
    await page.goto(`${agent.url}/`);
    await page.getByLabel('API token').waitFor();
    const found = await page.evaluate(() => {
      const themed = [...document.querySelectorAll('style')].filter((s) =>
        s.textContent?.includes('--mantine-color-indigo-8:'),
      );
      const sheet = document.querySelector('head link[rel="stylesheet"]');
      return {
        count: themed.length,
        inHead: themed[0]?.parentElement === document.head,
        afterStylesheet: Boolean(sheet && themed[0] && sheet.compareDocumentPosition(themed[0]) & 4),
        // The theme's darker indigo 8 (readable-colors.ts), not Mantine's default #3b5bdb.
        indigo8: getComputedStyle(document.documentElement)
          .getPropertyValue('--mantine-color-indigo-8')
          .trim(),
      };
    });
    expect(found).toEqual({ count: 1, inHead: true, afterStylesheet: true, indigo8: '#3958d4' });
    await page.close();
  });
});
