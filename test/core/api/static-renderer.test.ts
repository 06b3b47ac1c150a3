// Web mode: the API port serves the renderer build at / with an SPA fallback and strict security headers, and
// never lets the fallback swallow an API route or a missing asset.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_CSP, staticRenderer } from '../../../main/core/api/static-renderer.js';
import { tempDir } from '../../helpers/temp-dir.js';

const dir = tempDir();
const app = Fastify();

beforeAll(async () => {
  mkdirSync(join(dir.path, 'assets'));
  writeFileSync(
    join(dir.path, 'index.html'),
    '<!doctype html><div id="root"></div><script type="module" src="/assets/app.js"></script>',
  );
  writeFileSync(join(dir.path, 'assets', 'app.js'), 'console.log(1)');
  app.get('/api/v1/health', async () => ({ status: 'ok' }));
  await app.register(staticRenderer(dir.path));
  await app.ready();
});
afterAll(async () => {
  await app.close();
  dir.remove();
});

describe('static renderer', () => {
  it('serves index.html at / with strict headers and no caching', async () => {
    const r = await app.inject({ url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.headers['content-security-policy']).toBe(RENDERER_CSP);
    expect(RENDERER_CSP).toContain("default-src 'self'");
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.headers['cache-control']).toBe('no-cache');
  });

  it('caches hashed assets for good', async () => {
    const r = await app.inject({ url: '/assets/app.js' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toContain('immutable');
  });

  it('answers a page path with the app (SPA fallback), but not a missing file or an API route', async () => {
    const page = await app.inject({ url: '/vehicles/VR3/doors' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="root"');
    expect((await app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/v1/nothing' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/v1/health' })).json()).toEqual({ status: 'ok' });
  });

  it('refuses to start without a build', async () => {
    const empty = tempDir();
    const other = Fastify();
    await expect(other.register(staticRenderer(empty.path)).ready()).rejects.toThrow(/npm run build/);
    empty.remove();
  });
});
