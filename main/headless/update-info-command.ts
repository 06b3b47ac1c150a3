// `npm run agent -- update-info [--data-dir D]`: the version this build is, the update feed saved in the data
// folder, and what that feed offers, with the steps to update the agent when it offers something newer. It only
// reads (the database read-only), so it works while the agent runs.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { databaseFile } from '../core/create-core.js';
import { peekDatabase } from '../core/db/peek-database.js';
import { checkFeed, UPDATE_FEED_KEY, UpdateError } from '../core/updates/index.js';
import type { AgentCommand } from './commands.js';
import { packageVersion } from './package-version.js';
import { updateSteps } from './update-notice.js';
import { dataDirFrom } from './data-folder.js';

const USAGE =
  'npm run agent -- update-info [--data-dir <path>]   the version, the update feed and what it offers';

/** The saved feed, read without migrating or writing the database (the agent may run on it). */
function savedFeed(dataDir: string): string | null {
  const file = databaseFile(dataDir);
  if (!existsSync(file)) return null;
  const { setting } = peekDatabase(file, UPDATE_FEED_KEY);
  return typeof setting === 'string' ? setting : null;
}

/** One line for a check that could not answer. */
export function updateFaultLine(err: UpdateError): string {
  switch (err.code) {
    case 'UPDATE_FEED_UNREACHABLE':
      return `The update feed ${String(err.params.feed)} cannot be reached: check the address and that the server or shared folder is available.`;
    case 'UPDATE_FEED_NOT_A_FEED':
      return `${String(err.params.file)} at the update feed is not an update channel file: publish the folder electron-builder wrote.`;
    default:
      return `The update check failed (${err.code}).`;
  }
}

async function run(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' } }, allowPositionals: false });
  } catch (err) {
    console.error(`${(err as Error).message}. Usage: ${USAGE}`);
    return 2;
  }
  const dataDir = dataDirFrom(parsed.values['data-dir'], env);
  const version = packageVersion();
  console.log(`Depot Remote ${version}`);
  const feed = savedFeed(dataDir);
  if (!feed) {
    console.log('No update feed is set: an admin sets one in Settings, Updates.');
    return 0;
  }
  console.log(`Update feed: ${feed}`);
  try {
    const found = await checkFeed(feed, version);
    if (found.kind === 'up-to-date') {
      console.log(`Up to date: the feed offers ${found.latest}.`);
      return 0;
    }
    console.log(updateSteps(found.offer, feed));
    return 0;
  } catch (err) {
    if (!(err instanceof UpdateError)) throw err;
    console.error(updateFaultLine(err));
    return 1;
  }
}

export const updateInfoCommand: AgentCommand & {
  run(argv: string[], env?: NodeJS.ProcessEnv): Promise<number>;
} = { usage: USAGE, run };
