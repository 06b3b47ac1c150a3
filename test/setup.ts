// Shared test setup. No Electron binary exists on these machines (it cannot be downloaded here), so any test
// that reaches `electron` gets the fakes of test/shell/electron-fake.ts instead of the real module: this is
// the one mock of electron in the project. The core never imports electron.
import { vi } from 'vitest';

vi.mock('electron', async () => (await import('./shell/electron-fake.js')).electronModule);
