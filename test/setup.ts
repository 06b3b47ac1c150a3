// Shared test setup. No Electron binary exists on these machines (it cannot be downloaded here), so any test
// that reaches `electron` gets the fakes of test/shell/electron-fake.ts instead of the real module: this is
// the one mock of electron in the project. The core never imports electron.
import { vi } from 'vitest';

vi.mock('electron', async () => (await import('./shell/electron-fake.js')).electronModule);

// The renderer's words come from the catalogs (issue 17): tests render in English, the source language, unless
// they choose another (chooseLanguage). Loaded only where a DOM exists: the core's tests never touch i18next.
if (typeof document !== 'undefined') {
  const { startI18n } = await import('../renderer/src/i18n/index.js');
  await startI18n('en');
}
