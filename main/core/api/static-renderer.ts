// Web mode: the renderer build (out/renderer) served on the API port, so a browser gets the same UI as the desktop
// app. Hashed assets are cached for good; index.html never is. Every answer from here carries strict security
// headers: scripts only from this origin (the build has no inline script), no framing, no referrer.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';

/** Styles allow 'unsafe-inline' because the component library sets style attributes; scripts never do. */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': RENDERER_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The path as the router may understand it: percent escapes decoded until nothing changes (double encoding),
 * backslashes as slashes, dot segments and repeated slashes removed, lower case. Used to keep API-looking paths
 * away from the UI's fallback page, however they are spelled.
 */
export function canonicalPath(rawPath: string): string {
  let path = rawPath;
  for (let i = 0; i < 5; i += 1) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      break;
    }
    if (decoded === path) break;
    path = decoded;
  }
  const segments: string[] = [];
  for (const segment of path.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join('/')}`.toLowerCase();
}

/** A path the SPA may own (a page), as opposed to a missing file or an API route. */
function isPagePath(rawPath: string): boolean {
  const path = canonicalPath(rawPath);
  if (path === '/api' || path.startsWith('/api/')) return false;
  const last = path.split('/').at(-1) ?? '';
  return !last.includes('.');
}

export function staticRenderer(dir: string): FastifyPluginAsync {
  const rendererDir = resolve(dir);
  return async (app: FastifyInstance) => {
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new Error(`No renderer build in ${rendererDir} (index.html is missing): run "npm run build".`);
    }
    app.addHook('onSend', async (request, reply, payload) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
      const path = request.url.split('?')[0] ?? '';
      reply.header('cache-control', path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
      return payload;
    });
    await app.register(fastifyStatic, {
      root: rendererDir,
      prefix: '/',
      // Routes for the files present at start: the build does not change under a running agent.
      wildcard: false,
      index: 'index.html',
      cacheControl: false,
      serveDotFiles: false,
    });
    // SPA fallback: a page path the browser asks for directly (a bookmark, a reload) gets the app.
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      if (!isPagePath(path)) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  };
}
