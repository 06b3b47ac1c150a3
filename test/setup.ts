// Shared test setup. No Electron binary exists on these machines (docs: environment §3), so any test
// that reaches `electron` gets this factory instead of the real module; the core never imports it.
import { vi } from 'vitest';

vi.mock('electron', () => ({
  app: { getPath: vi.fn(() => '/tmp'), requestSingleInstanceLock: vi.fn(() => true), on: vi.fn() },
  BrowserWindow: vi.fn(),
}));
