// The headless agent as a process runs it: startAgent, plus the restart a restore from the UI asks for. On
// POST /api/v1/backups/{name}/restore (proved, answered 202), it stops the running agent (listeners closed, core
// closed), restores in place (restore-in-place.ts), and starts again in this process on the same options and
// ports, so clients find it where it was. Tests start it in-process too.
import type { AgentOptions } from '../core/config/agent-options.js';
import type { AgentLifecycle } from '../core/operations/ports.js';
import { systemClock, type Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import type { AgentContext } from './resolve-options.js';
import { RESTORE_AFTER_MS, restoreInPlace, type RestoreRequest } from './restore-in-place.js';
import { startAgent, type AgentAdapters } from './start-agent.js';

export type Agent = Awaited<ReturnType<typeof startAgent>>;

export interface RestartableAgent {
  /** The agent running now (another object after each restart). */
  readonly current: Agent;
  /** Resolves with the agent once the next restart is over (rejects if it could not start again). */
  restarted(): Promise<Agent>;
  stop(): Promise<void>;
}

const portOf = (url: string | null) => (url ? Number(new URL(url).port) || null : null);

export async function startRestartableAgent(
  options: AgentOptions,
  logger: Logger,
  clock: Clock = systemClock(),
  context?: AgentContext,
  adapters: AgentAdapters = {},
  /** Called when the agent cannot start again after a restore (the process should exit). */
  onFatal: (error: unknown) => void = () => {},
): Promise<RestartableAgent> {
  let busy: Promise<void> | null = null;
  let stopped = false;
  const waiters: { resolve: (agent: Agent) => void; reject: (error: unknown) => void }[] = [];

  const lifecycle: AgentLifecycle = {
    restoreAndRestart(request) {
      if (busy || stopped) return false;
      let release!: () => void;
      busy = new Promise<void>((resolve) => (release = resolve));
      setTimeout(() => {
        restart(request)
          .then((agent) => waiters.splice(0).forEach((w) => w.resolve(agent)))
          .catch((error: unknown) => {
            waiters.splice(0).forEach((w) => w.reject(error));
            onFatal(error);
          })
          .finally(() => {
            busy = null;
            release();
          });
      }, RESTORE_AFTER_MS);
      return true;
    },
  };

  const launch = (opts: AgentOptions) => startAgent(opts, logger, clock, context, { ...adapters, lifecycle });
  let current = await launch(options);

  async function restart(request: RestoreRequest): Promise<Agent> {
    // The ports it listens on now (an option of 0 chose one): the restarted agent answers where clients look.
    const pinned: AgentOptions = {
      ...options,
      apiPort: current.port,
      receiverPort: portOf(current.receiverUrl) ?? options.receiverPort,
    };
    logger.info('restore requested: stopping the agent');
    await current.stop();
    await restoreInPlace(options.dataDir, request, logger);
    current = await launch(pinned);
    logger.info(`Depot Remote agent listening on ${current.url} again`);
    return current;
  }

  return {
    get current() {
      return current;
    },
    restarted: () => new Promise<Agent>((resolve, reject) => waiters.push({ resolve, reject })),
    async stop() {
      stopped = true;
      await busy;
      await current.stop();
    },
  };
}
