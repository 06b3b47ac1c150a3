// A local update feed for the tests, as electron-builder publishes one: a real installer-sized file and the channel
// file naming it with its real sha512 and size, in a folder served over HTTP on 127.0.0.1 by a plain Node server
// (not the app's own code), so every check, download and verification reads real bytes.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { channelFileName } from '../../../main/core/updates/index.js';

export interface FeedRelease {
  version: string;
  /** Bytes of the "installer" (a .deb for Linux: what electron-updater's DebUpdater downloads). */
  size?: number;
  notes?: string | null;
  /** Write a wrong sha512 into the channel file (the bytes served differ from what the feed promises). */
  wrongSha512?: boolean;
}

export const sha512Base64 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

/** Writes the installer and the channel file of this platform into `dir`; returns the installer's name. */
export function publishRelease(dir: string, release: FeedRelease): { installer: string; bytes: Buffer } {
  mkdirSync(dir, { recursive: true });
  const installer = `depot-remote_${release.version}_amd64.deb`;
  const bytes = randomBytes(release.size ?? 256 * 1024);
  writeFileSync(join(dir, installer), bytes);
  const sha512 = release.wrongSha512 ? sha512Base64(randomBytes(64)) : sha512Base64(bytes);
  const lines = [
    `version: ${release.version}`,
    'files:',
    `  - url: ${installer}`,
    `    sha512: ${sha512}`,
    `    size: ${bytes.length}`,
    `path: ${installer}`,
    `sha512: ${sha512}`,
    "releaseDate: '2026-11-30T09:00:00.000Z'",
  ];
  if (release.notes !== undefined && release.notes !== null)
    lines.push(`releaseNotes: ${JSON.stringify(release.notes)}`);
  writeFileSync(join(dir, channelFileName()), `${lines.join('\n')}\n`);
  return { installer, bytes };
}

export interface FeedServer {
  url: string;
  /** Paths asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves `dir` over HTTP on 127.0.0.1 (GET only, files directly in it); `chunkDelayMs` sends big files 64 KiB at a
 * time with that pause between chunks, so a download lasts long enough to report progress on the way.
 */
export async function serveFeed(dir: string, options: { chunkDelayMs?: number } = {}): Promise<FeedServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    requests.push(path);
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir) || path.includes('..')) {
      res.writeHead(403).end();
      return;
    }
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-length': size, 'content-type': 'application/octet-stream' });
    const delay = options.chunkDelayMs;
    if (!delay || file.endsWith('.yml')) {
      createReadStream(file).pipe(res);
      return;
    }
    const bytes = readFileSync(file);
    let at = 0;
    const next = () => {
      if (res.destroyed) return;
      res.write(bytes.subarray(at, at + 64 * 1024));
      at += 64 * 1024;
      if (at >= bytes.length) res.end();
      else setTimeout(next, delay);
    };
    next();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An address nothing listens on (a server opened, its port noted, closed). */
export async function deadFeedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}
