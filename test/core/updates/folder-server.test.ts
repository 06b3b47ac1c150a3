// A shared-folder feed served to electron-updater on loopback: the files of that folder, byte for byte (ranges
// too), and nothing else — no listing, no dot files, no way out of the folder (`..` plain or encoded, a symbolic
// link pointing outside), no writing.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  channelFileName,
  checkFeed,
  normaliseFeedUrl,
  serveFeedFolder,
  type FolderFeedServer,
} from '../../../main/core/updates/index.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { publishRelease } from './update-feed.js';

let outer: ReturnType<typeof tempDir>;
let feedDir: string;
let server: FolderFeedServer;

/** A raw request (the path sent as written: fetch would resolve `..` itself). */
function raw(path: string, method = 'GET', headers: Record<string, string> = {}) {
  const { port } = new URL(server.url);
  return new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeEach(async () => {
  outer = tempDir('depot-remote-share-');
  feedDir = join(outer.path, 'feed');
  mkdirSync(feedDir);
  writeFileSync(join(outer.path, 'secret.key'), 'outside the feed folder');
  server = await serveFeedFolder(normaliseFeedUrl(pathToFileURL(feedDir).href)!);
});
afterEach(async () => {
  await server.close();
  outer.remove();
});

describe('the loopback server of a file:// feed', () => {
  it('listens on 127.0.0.1 and serves the folder’s files byte for byte, ranges included', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const { installer, bytes } = publishRelease(feedDir, { version: '2.0.0' });
    const whole = await raw(`/${installer}`);
    expect(whole.status).toBe(200);
    expect(whole.body.equals(bytes)).toBe(true);
    const part = await raw(`/${installer}`, 'GET', { range: 'bytes=10-19' });
    expect(part.status).toBe(206);
    expect(part.body.equals(bytes.subarray(10, 20))).toBe(true);
  });

  it('is a feed the plain-Node check reads over HTTP', async () => {
    publishRelease(feedDir, { version: '2.0.0' });
    expect(await checkFeed(server.url, '1.0.0')).toMatchObject({
      kind: 'available',
      offer: { version: '2.0.0' },
    });
  });

  it('refuses every way out of the folder', async () => {
    for (const path of [
      '/../secret.key',
      '/%2e%2e/secret.key',
      '/%2e%2e%2fsecret.key',
      '/..%2fsecret.key',
      '/..%5csecret.key',
      '/sub/../../secret.key',
    ]) {
      const answer = await raw(path);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.body.toString(), path).not.toContain('outside the feed folder');
    }
  });

  it('does not follow a symbolic link that points outside the folder', async () => {
    symlinkSync(join(outer.path, 'secret.key'), join(feedDir, 'escape.yml'));
    const answer = await raw('/escape.yml');
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.body.toString()).not.toContain('outside the feed folder');
  });

  it('lists nothing, hides dot files and refuses to write', async () => {
    publishRelease(feedDir, { version: '2.0.0' });
    writeFileSync(join(feedDir, '.htpasswd'), 'admin:hash');
    const listing = await raw('/');
    expect([403, 404]).toContain(listing.status);
    expect(listing.body.toString()).not.toContain(channelFileName());
    expect((await raw('/.htpasswd')).status).toBeGreaterThanOrEqual(400);
    expect((await raw(`/${channelFileName()}`, 'PUT')).status).toBeGreaterThanOrEqual(400);
    expect((await raw(`/${channelFileName()}`, 'DELETE')).status).toBeGreaterThanOrEqual(400);
    expect((await raw(`/${channelFileName()}`)).status).toBe(200);
  });
});
