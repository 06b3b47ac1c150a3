// --quarantine-max-mb reaches the receiver's quarantine: a real agent, started in-process on real sockets.
import { describe, expect, it } from 'vitest';
import { parseAgentOptions } from '../../../main/core/config/agent-options.js';
import { silentLogger } from '../../../main/core/ports/logger.js';
import { startAgent } from '../../../main/headless/start-agent.js';
import { tempDir } from '../../helpers/temp-dir.js';

async function capOf(args: string[]): Promise<number> {
  const dir = tempDir();
  const parsed = parseAgentOptions(
    ['--data-dir', dir.path, '--api-port', '0', '--receiver-port', '0', ...args],
    {},
  );
  if (parsed.help) throw new Error('unexpected help');
  const agent = await startAgent(parsed.options, silentLogger);
  try {
    return agent.core.services.quarantine.list({ limit: 1, offset: 0 }).capacity.capBytes;
  } finally {
    await agent.stop();
    dir.remove();
  }
}

describe('the quarantine size cap of the agent', () => {
  it('is 100 MiB by default and --quarantine-max-mb MiB when set', async () => {
    expect(await capOf([])).toBe(100 * 1024 * 1024);
    expect(await capOf(['--quarantine-max-mb', '7'])).toBe(7 * 1024 * 1024);
  }, 30_000);
});
