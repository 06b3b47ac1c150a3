// The agent's options in layers: a flag wins over its environment variable, which wins over the settings
// saved from the UI, which win over the defaults. The data folder (where saved settings live) comes from
// the first two layers only.
import { parseAgentOptions, type AgentOptions } from '../core/config/agent-options.js';
import { OptionsError } from '../core/config/agent-options.js';
import { optionLayer, stellantisEnvLayer } from '../core/config/stored-settings.js';
import type { SecretBox } from '../core/ports/secret-box.js';
import { createKeyFileSecretBox } from '../core/secrets/key-file-secret-box.js';
import type { StartContext } from './settings-port.js';
import { loadSavedSettings } from './saved-settings.js';
import { prepareDataFolder } from './data-folder.js';

export interface AgentContext extends StartContext {
  /** DEPOT_REMOTE_STELLANTIS_* as the connector reads them: saved settings under the environment. */
  stellantisEnv: NodeJS.ProcessEnv;
}

/**
 * `openSecrets` opens the box the saved Stellantis password was sealed with: the key file headless; the desktop
 * passes its safeStorage box.
 */
export async function resolveAgentOptions(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  openSecrets: (dataDir: string) => SecretBox | Promise<SecretBox> = createKeyFileSecretBox,
): Promise<{ help: true } | { help: false; options: AgentOptions; context: AgentContext }> {
  const first = parseAgentOptions(argv, env);
  if (first.help) return first;
  const { dataDir } = first.options;
  // Checked before anything is read or written there: a bad folder is told in one line, never as ENOTDIR.
  prepareDataFolder(dataDir);
  const saved = await loadSavedSettings(dataDir, await openSecrets(dataDir));
  let options: AgentOptions;
  try {
    const layered = parseAgentOptions(argv, env, optionLayer(saved.stored));
    options = layered.help ? first.options : layered.options;
  } catch (err) {
    if (!(err instanceof OptionsError)) throw err;
    throw new OptionsError(
      `The saved settings are not valid (${err.message.split('\n')[0]}). Fix them with a flag.`,
    );
  }
  return {
    help: false,
    options,
    context: {
      argv,
      env,
      startStored: saved.stored,
      stellantisEnv: { ...stellantisEnvLayer(saved.stored, saved.password), ...env },
    },
  };
}
