// The production build resolves the router's page table to pages.lazy.ts (most pages loaded as separate chunks);
// the tests and the dev server use pages.ts. This holds the two to the same pages: the same names, and each lazy
// entry loading the very component pages.ts imports.
import { describe, expect, it } from 'vitest';
import { PAGES } from '../../renderer/src/app/pages.js';
import { loadPage, PAGES as LAZY_PAGES } from '../../renderer/src/app/pages.lazy.js';

describe("the production build's page table", () => {
  it('names the same pages as the one the tests use', () => {
    expect(Object.keys(LAZY_PAGES).sort()).toEqual(Object.keys(PAGES).sort());
  });

  it('gives each page the same component, loaded with the app or when first opened', async () => {
    const lazy = Object.keys(PAGES).filter((name) => loadPage(name) !== null);
    // The fleet, a vehicle, a command and the history come with the app; the admin pages do not.
    expect(lazy).not.toContain('FleetView');
    expect(lazy).not.toContain('HistoryView');
    expect(lazy).toContain('SettingsView');
    for (const [name, page] of Object.entries(PAGES)) {
      const loaded = lazy.includes(name) ? await loadPage(name) : LAZY_PAGES[name as keyof typeof PAGES];
      expect([name, loaded]).toEqual([name, page]);
    }
  });
});
