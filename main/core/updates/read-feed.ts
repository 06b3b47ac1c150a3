// Reads the feed's channel file: over HTTP(S) from a server on the site's LAN, or straight from a shared folder
// (file://). Plain Node, so the headless agent checks exactly as the desktop does. An unreachable feed and a file
// that is not a channel file are told apart with their codes: the first is the network's, the second the publisher's.
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { channelFileName, parseChannelFile, type UpdateOffer } from './channel-file.js';
import { UpdateError } from './update-error.js';

export interface ReadFeedOptions {
  platform?: NodeJS.Platform;
  arch?: string;
  /** How long the server may take to answer (default 15 s). */
  timeoutMs?: number;
}

/** A channel file is a few KiB: anything past this is not one (and must not fill the memory). */
const MAX_CHANNEL_BYTES = 1024 * 1024;

async function readOverHttp(url: URL, feed: string, timeoutMs: number): Promise<string> {
  let answer;
  try {
    answer = await request(url, {
      method: 'GET',
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      headers: { accept: 'application/x-yaml, text/yaml, text/plain, */*', 'cache-control': 'no-cache' },
    });
  } catch (err) {
    throw new UpdateError('UPDATE_FEED_UNREACHABLE', {
      feed,
      detail: (err as NodeJS.ErrnoException).code ?? '',
    });
  }
  if (answer.statusCode === 404) {
    await answer.body.dump();
    throw new UpdateError('UPDATE_FEED_NOT_A_FEED', { file: url.pathname.split('/').pop() ?? '' });
  }
  if (answer.statusCode !== 200) {
    await answer.body.dump();
    throw new UpdateError('UPDATE_FEED_UNREACHABLE', { feed, detail: String(answer.statusCode) });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of answer.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_CHANNEL_BYTES) {
        answer.body.destroy();
        throw new UpdateError('UPDATE_FEED_NOT_A_FEED', { file: url.pathname.split('/').pop() ?? '' });
      }
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof UpdateError) throw err;
    throw new UpdateError('UPDATE_FEED_UNREACHABLE', {
      feed,
      detail: (err as NodeJS.ErrnoException).code ?? '',
    });
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function isFolder(url: URL): Promise<boolean> {
  try {
    return (await stat(fileURLToPath(url))).isDirectory();
  } catch {
    return false;
  }
}

async function readFromFolder(url: URL, feed: string, file: string): Promise<string> {
  let text: Buffer;
  try {
    text = await readFile(fileURLToPath(url));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // The folder is there but holds no channel file: published wrongly, not unreachable.
    if (code === 'ENOENT' && (await isFolder(new URL('.', url))))
      throw new UpdateError('UPDATE_FEED_NOT_A_FEED', { file });
    throw new UpdateError('UPDATE_FEED_UNREACHABLE', { feed, detail: code ?? '' });
  }
  if (text.length > MAX_CHANNEL_BYTES) throw new UpdateError('UPDATE_FEED_NOT_A_FEED', { file });
  return text.toString('utf8');
}

/** The offer of the feed (a normalised feed URL, see feed-url.ts) for this platform. */
export async function readFeed(feed: string, options: ReadFeedOptions = {}): Promise<UpdateOffer> {
  const file = channelFileName(options.platform, options.arch);
  const url = new URL(file, feed);
  const text =
    url.protocol === 'file:'
      ? await readFromFolder(url, feed, file)
      : await readOverHttp(url, feed, options.timeoutMs ?? 15_000);
  return parseChannelFile(text, file, url);
}
