// app://depot-remote/ serves the renderer build and nothing else: every way out of the folder is refused.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  createAppProtocolHandler,
  isAppUrl,
  registerAppScheme,
  resolveRendererFile,
  serveAppProtocol,
} from '../../main/shell/app-protocol.js';
import { DESKTOP_CSP } from '../../main/shell/content-security.js';
import { tempDir } from '../helpers/temp-dir.js';
import { protocol, resetElectronFake } from './electron-fake.js';

const dir = tempDir('depot-remote-protocol-');
const renderer = join(dir.path, 'renderer');
mkdirSync(join(renderer, 'assets'), { recursive: true });
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Depot Remote</title>');
writeFileSync(join(renderer, 'assets', 'app-1.js'), 'console.log(1)');
writeFileSync(join(dir.path, 'secret.key'), 'not for the page');
afterAll(() => dir.remove());

beforeEach(() => resetElectronFake());

describe('the app:// scheme', () => {
  it('is registered as a standard, secure scheme, with no CSP bypass, CORS or service workers', () => {
    registerAppScheme();
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('recognises only our own host', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://depot-remote/index.html')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});

describe('path-traversal guard', () => {
  it('maps app URLs to files inside the build', () => {
    expect(resolveRendererFile(renderer, 'app://depot-remote/index.html')).toBe(join(renderer, 'index.html'));
    expect(resolveRendererFile(renderer, 'app://depot-remote/')).toBe(join(renderer, 'index.html'));
    expect(resolveRendererFile(renderer, 'app://depot-remote/assets/app-1.js?v=1#x')).toBe(
      join(renderer, 'assets', 'app-1.js'),
    );
  });

  it.each([
    ['encoded slashes', 'app://depot-remote/..%2f..%2fsecret.key'],
    ['encoded slash after assets', 'app://depot-remote/assets/..%2f..%2fsecret.key'],
    ['backslashes', 'app://depot-remote/..%5c..%5csecret.key'],
    ['NUL byte', 'app://depot-remote/index.html%00.png'],
    ['bad escape', 'app://depot-remote/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
  ])('refuses %s', (_what, url) => {
    expect(resolveRendererFile(renderer, url)).toBeNull();
  });

  it.each([
    ['dot-dot', 'app://depot-remote/../../secret.key'],
    ['encoded dot-dot', 'app://depot-remote/%2e%2e/%2E%2E/secret.key'],
  ])('keeps %s segments inside the build (the URL parser resolves them first)', (_what, url) => {
    // WHATWG parsing turns /../../secret.key into /secret.key: it stays inside (and is simply not found there).
    expect(resolveRendererFile(renderer, url)).toBe(join(renderer, 'secret.key'));
  });
});

describe('the protocol handler', () => {
  const handler = createAppProtocolHandler(renderer);
  const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

  it('serves the build with its type and the security headers', async () => {
    const res = await get('app://depot-remote/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(DESKTOP_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('Depot Remote');
    expect((await get('app://depot-remote/assets/app-1.js')).headers.get('content-type')).toContain(
      'text/javascript',
    );
  });

  it('answers 404 for traversal and missing files, 405 for anything but GET and HEAD', async () => {
    const escape = await get('app://depot-remote/..%2fsecret.key');
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('not for the page');
    expect((await get('app://depot-remote/nope.js')).status).toBe(404);
    expect((await get('app://depot-remote/index.html', 'POST')).status).toBe(405);
    const head = await get('app://depot-remote/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('is installed for the app scheme', () => {
    serveAppProtocol(renderer);
    expect(protocol.handlers.has('app')).toBe(true);
  });
});
