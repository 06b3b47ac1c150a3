// The headless agent and updates: a real agent started in process checks its saved feed at start and logs ONE line
// with the version, where it is and the steps (it never installs itself); `npm run agent -- update-info` prints the
// version, the feed and what it offers, reading the data folder while the agent runs on it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseAgentOptions, type AgentOptions } from '../../../main/core/config/agent-options.js';
import type { Logger } from '../../../main/core/ports/logger.js';
import { commandOf } from '../../../main/headless/commands.js';
import { packageVersion } from '../../../main/headless/package-version.js';
import { startAgent } from '../../../main/headless/start-agent.js';
import { adminActor } from '../../helpers/actors.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { deadFeedUrl, publishRelease, serveFeed, type FeedServer } from './update-feed.js';

const VERSION = packageVersion();

let dataDir: ReturnType<typeof tempDir>;
let feedDir: ReturnType<typeof tempDir>;
let feed: FeedServer;
let agent: Awaited<ReturnType<typeof startAgent>> | null = null;
let lines: string[];
let printed: string[];
let failed: string[];

const logger: Logger = {
  debug() {},
  info: (m) => lines.push(`info ${m}`),
  warn: (m) => lines.push(`warn ${m}`),
  error: (m) => lines.push(`error ${m}`),
};

function options(): AgentOptions {
  const parsed = parseAgentOptions(
    ['--data-dir', dataDir.path, '--api-port', '0', '--receiver-port', '0', '--sim-speed', '100'],
    {},
  );
  if (parsed.help) throw new Error('unexpected help');
  return parsed.options;
}

/** Starts the agent once to save the feed (as an admin would from Settings), then again so it checks at start. */
async function agentWithFeed(url: string) {
  const first = await startAgent(options(), logger);
  first.core.services.updateFeed.set(url, adminActor('Ana'));
  await first.stop();
  lines = [];
  agent = await startAgent(options(), logger);
}

async function until(predicate: () => boolean) {
  for (let i = 0; i < 200 && !predicate(); i += 1) await new Promise((r) => setTimeout(r, 20));
}

async function updateInfo(): Promise<number> {
  const load = commandOf(['update-info']);
  expect(load).not.toBeNull();
  const command = (await load!()) as { run(argv: string[], env?: NodeJS.ProcessEnv): Promise<number> };
  return command.run(['--data-dir', dataDir.path], {});
}

beforeEach(async () => {
  dataDir = tempDir('depot-remote-agent-');
  feedDir = tempDir('depot-remote-feed-');
  feed = await serveFeed(feedDir.path);
  lines = [];
  printed = [];
  failed = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void failed.push(line));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await agent?.stop();
  agent = null;
  await feed.close();
  feedDir.remove();
  dataDir.remove();
});

const STEPS =
  'To update this agent: stop it, install the new build (replace its folder with the new one, or for a source ' +
  'install check out the new version and run `npm ci`), then start it again; its database is backed up and ' +
  'migrated at its first start.';

describe('the headless agent', () => {
  it('checks its feed at start and logs one line saying how to update when a newer version is there', async () => {
    publishRelease(feedDir.path, { version: '99.0.0' });
    await agentWithFeed(feed.url);
    await until(() => agent!.updates.status().state.kind === 'available');
    expect(agent!.updates.status()).toMatchObject({
      currentVersion: VERSION,
      runtime: 'tell',
      state: { kind: 'available', version: '99.0.0' },
    });
    const notices = lines.filter((l) => l.includes('is available'));
    expect(notices).toEqual([`warn Depot Remote 99.0.0 is available at ${feed.url}. ${STEPS}`]);
  });

  it('says nothing when the feed offers nothing newer', async () => {
    publishRelease(feedDir.path, { version: VERSION });
    await agentWithFeed(feed.url);
    await until(() => agent!.updates.status().state.kind === 'up-to-date');
    expect(lines.filter((l) => l.includes('is available'))).toEqual([]);
  });

  it('does not read any feed when none is set', async () => {
    agent = await startAgent(options(), logger);
    expect(agent.updates.status()).toMatchObject({ feedUrl: null, state: { kind: 'idle' } });
    expect(feed.requests).toEqual([]);
  });
});

describe('npm run agent -- update-info', () => {
  it('prints the version, the feed and the steps for what it offers, while the agent runs', async () => {
    publishRelease(feedDir.path, { version: '99.0.0' });
    await agentWithFeed(feed.url);
    expect(await updateInfo()).toBe(0);
    expect(printed).toEqual([
      `Depot Remote ${VERSION}`,
      `Update feed: ${feed.url}`,
      `Depot Remote 99.0.0 is available at ${feed.url}. ${STEPS}`,
    ]);
  });

  it('says up to date, or that no feed is set', async () => {
    publishRelease(feedDir.path, { version: VERSION });
    expect(await updateInfo()).toBe(0);
    expect(printed).toEqual([
      `Depot Remote ${VERSION}`,
      'No update feed is set: an admin sets one in Settings, Updates.',
    ]);
    printed.length = 0;
    await agentWithFeed(feed.url);
    expect(await updateInfo()).toBe(0);
    expect(printed.at(-1)).toBe(`Up to date: the feed offers ${VERSION}.`);
  });

  it('says in one line when the feed cannot be reached, with exit code 1', async () => {
    const dead = await deadFeedUrl();
    await agentWithFeed(dead);
    expect(await updateInfo()).toBe(1);
    expect(failed).toEqual([
      `The update feed ${dead} cannot be reached: check the address and that the server or shared folder is available.`,
    ]);
  });
});
