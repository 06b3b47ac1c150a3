// The mirror in a real agent started in-process with the built-in simulator (the default connector): {fid} is
// the simulator's fleet id, given by GET /fleets, and its 25 vehicles page through the generated client.
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAgentOptions } from '../../../main/core/config/agent-options.js';
import { silentLogger } from '../../../main/core/ports/logger.js';
import { startAgent } from '../../../main/headless/start-agent.js';
import { tempDir } from '../../helpers/temp-dir.js';
import type { paths } from '../../stellantis-client/api-b2b.js';

/** The simulator's fleet id with the default seed (42), as the README says. */
const SIMULATOR_FLEET = 'simff4f07608bd7c4228434b';

const dir = tempDir();
let agent: Awaited<ReturnType<typeof startAgent>>;
let client: ReturnType<typeof createClient<paths>>;

beforeAll(async () => {
  const parsed = parseAgentOptions(
    ['--data-dir', dir.path, '--api-port', '0', '--receiver-port', '0', '--sim-speed', '100'],
    {},
  );
  if (parsed.help) throw new Error('unexpected help');
  agent = await startAgent(parsed.options, silentLogger);
  client = createClient<paths>({
    baseUrl: `${agent.url}/api/v1`,
    headers: { Authorization: `Bearer ${agent.token.token}` },
  });
});
afterAll(async () => {
  await agent?.stop();
  dir.remove();
});

describe('the mirror over the simulator', () => {
  it('GET /fleets names the simulator’s fleet', async () => {
    const res = await client.GET('/fleets');
    expect(res.response.status).toBe(200);
    expect(res.data!._embedded!.fleets!.map((f) => f.id)).toEqual([SIMULATOR_FLEET]);
  });

  it('pages through the 25 vehicles five at a time, each seen once', async () => {
    const seen: string[] = [];
    let pageToken: string | undefined;
    const currentPages: number[] = [];
    do {
      const page = await client.GET('/fleets/{fid}/vehicles', {
        params: {
          path: { fid: SIMULATOR_FLEET },
          query: { pageSize: 5, ...(pageToken ? { pageToken } : {}) },
        },
      });
      expect(page.response.status).toBe(200);
      expect(page.data).toMatchObject({ total: 25, totalPage: 5 });
      currentPages.push(page.data!.currentPage);
      seen.push(...page.data!._embedded!.vehicles!.map((v) => v.vin!));
      const next = page.data!._links.next?.href;
      pageToken = next ? (new URL(next, agent.url).searchParams.get('pageToken') ?? undefined) : undefined;
    } while (pageToken);
    expect(currentPages).toEqual([1, 2, 3, 4, 5]);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
  });
});
