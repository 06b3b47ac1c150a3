// The hardened window: its options, and the guards every web contents gets (navigation, redirects, new windows,
// webviews), plus the session-wide defences (CSP header, permissions, blocked schemes, downloads).
import { beforeEach, describe, expect, it } from 'vitest';
import {
  applySessionSecurity,
  BLOCKED_REQUEST_URLS,
  DESKTOP_CSP,
} from '../../main/shell/content-security.js';
import { isSafeExternalUrl } from '../../main/shell/open-external.js';
import { createMainWindow, hardenWebContents } from '../../main/shell/window.js';
import {
  FakeBrowserWindow,
  FakeEvent,
  FakeWebContents,
  resetElectronFake,
  session,
  shell,
} from './electron-fake.js';

const warnings: string[] = [];
const logger = { warn: (m: string) => void warnings.push(m) };

beforeEach(() => {
  resetElectronFake();
  warnings.length = 0;
});

describe('the main window', () => {
  it('is created hardened: isolated, sandboxed, no Node, web security on, our preload only', () => {
    createMainWindow({ preload: '/app/out/preload/index.cjs', icon: '/app/icon.png' });
    const [win] = FakeBrowserWindow.instances;
    expect(win!.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: true,
    });
    expect(win!.options).toMatchObject({ show: false, icon: '/app/icon.png', title: 'Depot Remote' });
  });

  it('has no developer tools in the packaged app', async () => {
    const { app } = await import('./electron-fake.js');
    app.isPackaged = true;
    createMainWindow({ preload: '/p.cjs' });
    expect(FakeBrowserWindow.instances[0]!.options.webPreferences!.devTools).toBe(false);
  });
});

describe('navigation guards', () => {
  let contents: FakeWebContents;
  beforeEach(() => {
    contents = new FakeWebContents();
    hardenWebContents(contents as never, logger);
  });

  it('lets the app move between its own app:// pages', () => {
    expect(
      contents.attempt('will-navigate', 'app://depot-remote/index.html#/actions/1').defaultPrevented,
    ).toBe(false);
    expect(contents.attempt('will-redirect', 'app://depot-remote/index.html').defaultPrevented).toBe(false);
  });

  it('stops navigation away from the app; an https link opens in the browser instead', () => {
    expect(contents.attempt('will-navigate', 'https://docs.example.com/help').defaultPrevented).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://docs.example.com/help');
    expect(warnings).toContain('refused navigation');
  });

  it('never hands file:, http: or custom schemes to the OS', () => {
    for (const url of [
      'file:///etc/passwd',
      'http://example.com/',
      'ms-settings:privacy',
      'javascript:alert(1)',
      'app://other-host/index.html',
    ]) {
      expect(contents.attempt('will-navigate', url).defaultPrevented).toBe(true);
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('stops redirects and subframe navigations that leave the app', () => {
    expect(contents.attempt('will-redirect', 'https://evil.example/').defaultPrevented).toBe(true);
    expect(contents.attempt('will-frame-navigate', 'https://evil.example/').defaultPrevented).toBe(true);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window; only https links go to the browser', () => {
    const open = contents.windowOpenHandler!;
    expect(open({ url: 'https://example.com/a' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///tmp/x' })).toEqual({ action: 'deny' });
    expect(open({ url: 'app://depot-remote/index.html' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/a');
  });

  it('never attaches a webview', () => {
    const event = new FakeEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.defaultPrevented).toBe(true);
    expect(warnings).toContain('refused webview');
  });

  it('opens only plain https URLs without credentials', () => {
    expect(isSafeExternalUrl('https://example.com/x?y=1')).toBe(true);
    expect(isSafeExternalUrl('https://user:pw@example.com/')).toBe(false);
    expect(isSafeExternalUrl('http://example.com/')).toBe(false);
    expect(isSafeExternalUrl('not a url')).toBe(false);
  });
});

describe('session defences', () => {
  it('adds the strict CSP to every response, refuses permissions, requests to other schemes and downloads', () => {
    const s = session.defaultSession;
    const blocked: string[] = [];
    applySessionSecurity(s as never, (what) => blocked.push(what));

    let headers: Record<string, string[]> = {};
    s.headersHook!(
      { url: 'app://depot-remote/index.html', responseHeaders: { 'x-a': ['1'] } },
      (r: { responseHeaders: Record<string, string[]> }) => {
        headers = r.responseHeaders;
      },
    );
    expect(headers).toEqual({ 'x-a': ['1'], 'Content-Security-Policy': [DESKTOP_CSP] });
    let devtools: unknown;
    s.headersHook!(
      { url: 'devtools://devtools/bundled/x.html', responseHeaders: {} },
      (r: unknown) => (devtools = r),
    );
    expect(devtools).toEqual({});

    let granted: boolean | undefined;
    s.permissionRequest!({}, 'notifications', (ok: boolean) => (granted = ok));
    expect(granted).toBe(false);
    expect(s.permissionCheck!({}, 'media')).toBe(false);

    expect(s.beforeRequest!.filter.urls).toEqual(BLOCKED_REQUEST_URLS);
    let cancelled: boolean | undefined;
    s.beforeRequest!.hook(
      { url: 'https://tracker.example/' },
      (r: { cancel: boolean }) => (cancelled = r.cancel),
    );
    expect(cancelled).toBe(true);

    const download = new FakeEvent();
    s.emit('will-download', download, { getURL: () => 'app://depot-remote/x' });
    expect(download.defaultPrevented).toBe(true);
    expect(blocked).toEqual(['permission request', 'request', 'download']);
  });

  it('has a CSP with no inline or eval script and no network origin', () => {
    expect(DESKTOP_CSP).toContain("script-src 'self'");
    expect(DESKTOP_CSP).toContain("default-src 'none'");
    expect(DESKTOP_CSP).toContain("frame-ancestors 'none'");
    expect(DESKTOP_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(DESKTOP_CSP.match(/script-src[^;]*/)![0]).not.toContain('unsafe-inline');
  });
});
