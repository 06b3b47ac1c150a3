// Settings as the running agent sees them: what it started with, what is saved for the next start, and
// which values a flag or environment variable fixes. Saving validates with the very rules used at start.
import { readFileSync } from 'node:fs';
import type { SettingsPort } from '../core/operations/ports.js';
import {
  type AgentOptions,
  lockedOptions,
  OptionsError,
  parseAgentOptions,
} from '../core/config/agent-options.js';
import {
  optionLayer,
  queueExpiryMinutesOf,
  retentionOf,
  routinesOf,
  stellantisEnvLayer,
  wakeUpBudgetOf,
  type StoredSettings,
} from '../core/config/stored-settings.js';
import { parseStellantisConfig, STELLANTIS_ENV } from '../core/connector/stellantis/stellantis-config.js';
import type { Core } from '../core/create-core.js';
import type { FieldError } from '../core/domain/field-error.js';
import { invalid } from '../core/kernel/service-error.js';
import { settingsInputSchema, type SettingsDto } from '../../preload/contract/settings.js';

export interface StartContext {
  argv: string[];
  env: NodeJS.ProcessEnv;
  /** The saved settings the agent started with. */
  startStored: StoredSettings | null;
}

const FLAG_FIELDS: Record<string, string> = {
  connector: 'connector',
  'receiver-port': 'receiver.port',
  'receiver-bind': 'receiver.bind',
  'receiver-tls-cert': 'receiver.tls.certFile',
  'receiver-tls-key': 'receiver.tls.keyFile',
  'public-receiver-url': 'publicReceiverUrl',
};
const STELLANTIS_FIELDS: Record<string, string> = {
  [STELLANTIS_ENV.baseUrl]: 'stellantis.baseUrl',
  [STELLANTIS_ENV.fleetId]: 'stellantis.fleetId',
  [STELLANTIS_ENV.clientId]: 'stellantis.clientId',
  [STELLANTIS_ENV.user]: 'stellantis.user',
  [STELLANTIS_ENV.password]: 'stellantis.password',
  [STELLANTIS_ENV.cert]: 'stellantis.certFile',
  [STELLANTIS_ENV.key]: 'stellantis.keyFile',
  [STELLANTIS_ENV.ca]: 'stellantis.caFile',
};

function running(options: AgentOptions, env: NodeJS.ProcessEnv): StoredSettings {
  return {
    connector: options.connector,
    stellantis: {
      baseUrl: env[STELLANTIS_ENV.baseUrl] ?? '',
      fleetId: env[STELLANTIS_ENV.fleetId] ?? '',
      clientId: env[STELLANTIS_ENV.clientId] ?? '',
      user: env[STELLANTIS_ENV.user] ?? '',
      certFile: env[STELLANTIS_ENV.cert] ?? '',
      keyFile: env[STELLANTIS_ENV.key] ?? '',
      caFile: env[STELLANTIS_ENV.ca] ?? '',
    },
    publicReceiverUrl: options.publicReceiverUrl,
    receiver: { port: options.receiverPort, bind: options.receiverBind, tls: options.receiverTls },
    notifications: { desktop: true },
  };
}

const relevant = (o: AgentOptions) =>
  JSON.stringify([o.connector, o.receiverPort, o.receiverBind, o.receiverTls, o.publicReceiverUrl]);

export function createSettingsPort(core: Core, options: AgentOptions, ctx: StartContext): SettingsPort {
  const port: SettingsPort = {
    async get(): Promise<SettingsDto> {
      const { stored, password } = await core.services.settings.load();
      let restartRequired =
        JSON.stringify(stored?.stellantis) !== JSON.stringify(ctx.startStored?.stellantis);
      try {
        const next = parseAgentOptions(ctx.argv, ctx.env, optionLayer(stored));
        if (!next.help) restartRequired ||= relevant(next.options) !== relevant(options);
      } catch {
        restartRequired = true;
      }
      const view = stored ?? running(options, ctx.env);
      const lockedBy = [
        ...lockedOptions(ctx.argv, ctx.env),
        ...Object.entries(STELLANTIS_FIELDS)
          .filter(([variable]) => ctx.env[variable])
          .map(([variable, setting]) => ({ setting, source: variable })),
      ];
      return {
        ...view,
        stellantis: {
          ...view.stellantis,
          hasPassword: password !== null || !!ctx.env[STELLANTIS_ENV.password],
        },
        wakeUps: { monthlyBudget: wakeUpBudgetOf(view) },
        queueExpiryMinutes: queueExpiryMinutesOf(view),
        routines: routinesOf(view),
        retention: retentionOf(view),
        restartRequired,
        lockedBy,
        secretStorage: core.secretStorage,
      };
    },

    async put(input, actor) {
      const parsed = settingsInputSchema.safeParse(input);
      if (!parsed.success) {
        throw invalid('errors:invalid.settings', [
          { field: '', rule: 'settings.detail', params: { detail: parsed.error.issues[0]?.message ?? '' } },
        ]);
      }
      const { password: newPassword, ...stellantis } = parsed.data.stellantis;
      const candidate: StoredSettings = { ...parsed.data, stellantis };
      try {
        parseAgentOptions([], {}, optionLayer(candidate));
      } catch (err) {
        if (!(err instanceof OptionsError)) throw err;
        const flag = /--([a-z-]+)/.exec(err.message)?.[1] ?? '';
        throw invalid('errors:invalid.settings', [
          {
            field: FLAG_FIELDS[flag] ?? '',
            rule: 'settings.detail',
            params: { detail: err.message.split('\n')[0]! },
          },
        ]);
      }
      if (candidate.connector === 'stellantis') {
        const password = newPassword || (await core.services.settings.load()).password;
        const check = parseStellantisConfig(stellantisEnvLayer(candidate, password), (f) =>
          readFileSync(f, 'utf8'),
        );
        if (!check.ok) {
          // The check's code and values go along (its words are the settings screen's connection.says.<code>).
          const errors: FieldError[] = check.errors.map((e) => ({
            field: STELLANTIS_FIELDS[e.field] ?? e.field,
            rule: 'settings.detail',
            params: { ...e.params, code: e.rule, detail: e.message },
          }));
          throw invalid('errors:invalid.stellantis', errors);
        }
      }
      await core.services.settings.save(parsed.data, actor);
      return port.get();
    },
  };
  return port;
}
