// The plain-Node check (what the headless agent runs, and update-info prints): a real feed served on 127.0.0.1 by
// the test, its channel file naming a real file by its sha512. Newer, same, malformed, missing and unreachable feeds
// each get their answer or their code.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  channelFileName,
  checkFeed,
  normaliseFeedUrl,
  readFeed,
  UpdateError,
} from '../../../main/core/updates/index.js';
import { ServiceError } from '../../../main/core/kernel/service-error.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { deadFeedUrl, publishRelease, serveFeed, sha512Base64, type FeedServer } from './update-feed.js';

let dir: ReturnType<typeof tempDir>;
let server: FeedServer;

beforeEach(async () => {
  dir = tempDir('depot-remote-feed-');
  server = await serveFeed(dir.path);
});
afterEach(async () => {
  await server.close();
  dir.remove();
});

async function codeOf(p: Promise<unknown>): Promise<{ code: string; params: unknown }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UpdateError);
  return { code: (err as UpdateError).code, params: (err as UpdateError).params };
}

describe('checking an HTTP feed', () => {
  it('finds a newer version with its files, sha512, date and notes', async () => {
    const { installer, bytes } = publishRelease(dir.path, { version: '1.2.0', notes: 'Faster fleet list.' });
    const found = await checkFeed(server.url, '1.1.9');
    expect(found.kind).toBe('available');
    if (found.kind !== 'available') return;
    expect(found.offer).toEqual({
      version: '1.2.0',
      releaseDate: '2026-11-30T09:00:00.000Z',
      notes: 'Faster fleet list.',
      files: [{ url: installer, sha512: sha512Base64(bytes), size: bytes.length }],
    });
    expect(server.requests).toEqual([`/${channelFileName()}`]);
  });

  it('says up to date when the feed offers the running version or an older one', async () => {
    publishRelease(dir.path, { version: '1.2.0' });
    await expect(checkFeed(server.url, '1.2.0')).resolves.toEqual({ kind: 'up-to-date', latest: '1.2.0' });
    await expect(checkFeed(server.url, '1.10.0')).resolves.toEqual({ kind: 'up-to-date', latest: '1.2.0' });
  });

  it('compares as semver: 1.10.0 is newer than 1.9.3, a release newer than its pre-release', async () => {
    publishRelease(dir.path, { version: '1.10.0' });
    expect((await checkFeed(server.url, '1.9.3')).kind).toBe('available');
    expect((await checkFeed(server.url, '1.10.0-rc.1')).kind).toBe('available');
  });

  it('refuses a channel file that is not one (not YAML, no version, no files) as UPDATE_FEED_NOT_A_FEED', async () => {
    const file = join(dir.path, channelFileName());
    for (const text of [
      '<html>Welcome</html>',
      'version: 1.2.0\n',
      'files: []\nversion: 2.0.0\n',
      '{{{',
      'version: banana\nfiles:\n  - url: a.deb\n    sha512: x\n',
    ]) {
      writeFileSync(file, text);
      expect(await codeOf(checkFeed(server.url, '1.0.0'))).toEqual({
        code: 'UPDATE_FEED_NOT_A_FEED',
        params: { file: channelFileName() },
      });
    }
  });

  it('says a server without the channel file is not a feed', async () => {
    expect((await codeOf(readFeed(server.url))).code).toBe('UPDATE_FEED_NOT_A_FEED');
  });

  it('refuses an unreachable feed as UPDATE_FEED_UNREACHABLE, naming it', async () => {
    const dead = await deadFeedUrl();
    const { code, params } = await codeOf(checkFeed(dead, '1.0.0'));
    expect(code).toBe('UPDATE_FEED_UNREACHABLE');
    expect(params).toMatchObject({ feed: dead, detail: 'ECONNREFUSED' });
  });
});

describe('checking a shared folder (file://)', () => {
  it('reads the channel file straight from the folder', async () => {
    publishRelease(dir.path, { version: '3.0.0' });
    const feed = normaliseFeedUrl(pathToFileURL(dir.path).href)!;
    const found = await checkFeed(feed, '2.0.0');
    expect(found).toMatchObject({ kind: 'available', offer: { version: '3.0.0' } });
  });

  it('tells an empty folder (not a feed) from a missing one (unreachable)', async () => {
    const empty = normaliseFeedUrl(pathToFileURL(dir.path).href)!;
    expect((await codeOf(checkFeed(empty, '1.0.0'))).code).toBe('UPDATE_FEED_NOT_A_FEED');
    const missing = normaliseFeedUrl(pathToFileURL(join(dir.path, 'not-mounted')).href)!;
    expect((await codeOf(checkFeed(missing, '1.0.0'))).code).toBe('UPDATE_FEED_UNREACHABLE');
  });
});

describe('the feed setting', () => {
  const reasonOf = (text: string) => {
    try {
      normaliseFeedUrl(text);
      return null;
    } catch (err) {
      expect(err).toBeInstanceOf(ServiceError);
      expect((err as ServiceError).code).toBe('UPDATE_FEED_INVALID');
      return (err as ServiceError).params.reason;
    }
  };

  it('keeps http, https and file addresses, ending them with a slash; empty turns updates off', () => {
    expect(normaliseFeedUrl(' http://updates.depot.lan/depot-remote ')).toBe(
      'http://updates.depot.lan/depot-remote/',
    );
    expect(normaliseFeedUrl('https://10.0.0.5:8443/feed/')).toBe('https://10.0.0.5:8443/feed/');
    expect(normaliseFeedUrl('file:///mnt/share/depot-remote')).toBe('file:///mnt/share/depot-remote/');
    expect(normaliseFeedUrl('   ')).toBeNull();
  });

  it('refuses other schemes, credentials and what is not an address, with the reason', () => {
    expect(reasonOf('ftp://updates.depot.lan/')).toBe('scheme');
    expect(reasonOf('javascript:alert(1)')).toBe('scheme');
    expect(reasonOf('http://admin:s3cret@updates.depot.lan/')).toBe('credentials');
    expect(reasonOf('https://token@updates.depot.lan/')).toBe('credentials');
    expect(reasonOf('updates.depot.lan/feed')).toBe('malformed');
    expect(reasonOf('http://updates.depot.lan/feed?key=1')).toBe('malformed');
  });
});
