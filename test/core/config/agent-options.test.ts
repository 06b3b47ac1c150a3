import { describe, expect, it } from 'vitest';
import {
  defaultDataDir,
  OptionsError,
  parseAgentOptions,
  USAGE,
} from '../../../main/core/config/agent-options.js';

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  const r = parseAgentOptions(argv, env);
  if (r.help) throw new Error('help');
  return r.options;
};

describe('agent options', () => {
  it('has sensible defaults: simulator, 127.0.0.1, 5780/5781, the per-user data folder', () => {
    const o = parse([]);
    expect(o).toMatchObject({
      apiPort: 5780,
      receiverPort: 5781,
      bind: '127.0.0.1',
      receiverBind: '127.0.0.1',
      receiverTls: null,
      connector: 'simulator',
      simSpeed: 1,
      simSeed: 42,
      simVehicles: 25,
      publicReceiverUrl: null,
      receiverRateLimit: 100,
      deliveryRetentionDays: 30,
    });
    expect(o.dataDir).toBe(defaultDataDir());
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' })).toBe('/x/Depot Remote');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' })).toMatch(/Depot Remote$/);
  });

  it('reads every option from its environment variable; a flag wins over it', () => {
    const env = {
      DEPOT_REMOTE_DATA_DIR: '/env/data',
      DEPOT_REMOTE_API_PORT: '6000',
      DEPOT_REMOTE_BIND: '0.0.0.0',
      DEPOT_REMOTE_RECEIVER_PORT: '6001',
      DEPOT_REMOTE_CONNECTOR: 'stellantis',
      DEPOT_REMOTE_RECEIVER_BIND: '0.0.0.0',
      DEPOT_REMOTE_RECEIVER_TLS_CERT: '/etc/c.pem',
      DEPOT_REMOTE_RECEIVER_TLS_KEY: '/etc/k.pem',
      DEPOT_REMOTE_SIM_SPEED: '50',
      DEPOT_REMOTE_SIM_SEED: '7',
      DEPOT_REMOTE_SIM_VEHICLES: '2000',
      DEPOT_REMOTE_PUBLIC_RECEIVER_URL: 'https://depot.example/recv',
      DEPOT_REMOTE_RECEIVER_RATE_LIMIT: '500',
      DEPOT_REMOTE_DELIVERY_RETENTION_DAYS: '90',
      DEPOT_REMOTE_ALLOWED_HOSTS: 'depot-ws.lan, Kiosk.LAN:8443',
      DEPOT_REMOTE_API_TLS_CERT: '/etc/api.pem',
      DEPOT_REMOTE_API_TLS_KEY: '/etc/api.key',
      DEPOT_REMOTE_ALLOW_INSECURE_LAN: '1',
      DEPOT_REMOTE_QUARANTINE_MAX_MB: '250',
      DEPOT_REMOTE_DEBUG: 'true',
    };
    expect(parse([], env)).toEqual({
      dataDir: '/env/data',
      apiPort: 6000,
      bind: '0.0.0.0',
      receiverPort: 6001,
      receiverBind: '0.0.0.0',
      receiverTls: { certFile: '/etc/c.pem', keyFile: '/etc/k.pem' },
      connector: 'stellantis',
      simSpeed: 50,
      simSeed: 7,
      simVehicles: 2000,
      publicReceiverUrl: 'https://depot.example/recv',
      receiverRateLimit: 500,
      deliveryRetentionDays: 90,
      allowedHosts: ['depot-ws.lan', 'kiosk.lan:8443'],
      apiTls: { certFile: '/etc/api.pem', keyFile: '/etc/api.key' },
      allowInsecureLan: true,
      forgetSecrets: false,
      debug: true,
      quarantineMaxMb: 250,
    });
    expect(
      parse(
        [
          '--data-dir',
          '/flag',
          '--api-port',
          '7000',
          '--bind',
          '::1',
          '--receiver-port',
          '7001',
          '--connector',
          'simulator',
          '--sim-vehicles',
          '5000',
        ],
        env,
      ),
    ).toMatchObject({
      dataDir: '/flag',
      apiPort: 7000,
      bind: '::1',
      receiverPort: 7001,
      connector: 'simulator',
      simVehicles: 5000,
    });
  });

  it.each([
    [['--api-port', 'abc'], /--api-port must be a port number/],
    [['--api-port', '70000'], /--api-port must be a port number/],
    [['--connector', 'tesla'], /--connector must be one of simulator, stellantis/],
    [['--api-port', '6000', '--receiver-port', '6000'], /must differ/],
    [['--bind', 'a b'], /--bind/],
    [['--receiver-tls-cert', '/c.pem'], /go together/],
    [['--sim-speed', 'fast'], /--sim-speed must be a number/],
    [['--sim-seed', '4.5'], /--sim-seed must be a whole number/],
    [['--public-receiver-url', 'http://depot.example'], /must be an https URL/],
    [['--receiver-rate-limit', '0'], /--receiver-rate-limit must be a whole number/],
    [['--delivery-retention-days', 'forever'], /--delivery-retention-days must be a whole number/],
    [['--sim-vehicles', '0'], /--sim-vehicles must be a whole number from 1 to 5000, got "0"/],
    [['--sim-vehicles', '5001'], /--sim-vehicles must be a whole number from 1 to 5000, got "5001"/],
    [['--sim-vehicles', 'abc'], /--sim-vehicles must be a whole number from 1 to 5000, got "abc"/],
    [['--sim-vehicles', '2.5'], /--sim-vehicles must be a whole number from 1 to 5000/],
    [['--unknown'], /Unknown option/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parse(argv)).toThrowError(OptionsError);
    expect(() => parse(argv)).toThrowError(message);
  });

  it('--help asks for the usage', () => {
    expect(parseAgentOptions(['--help'], {})).toEqual({ help: true });
    expect(USAGE).toMatch(/--sim-vehicles <n> .*1 to 5000, default 25 .*DEPOT_REMOTE_SIM_VEHICLES/);
  });

  it('refuses a bad DEPOT_REMOTE_SIM_VEHICLES as it refuses the flag', () => {
    expect(() => parse([], { DEPOT_REMOTE_SIM_VEHICLES: 'lots' })).toThrow(
      /--sim-vehicles must be a whole number from 1 to 5000, got "lots"/,
    );
    expect(parse(['--sim-vehicles', '1'], { DEPOT_REMOTE_SIM_VEHICLES: 'lots' }).simVehicles).toBe(1);
  });

  it('takes --allowed-host again and again (the flag replaces the variable), and checks each name', () => {
    const env = { DEPOT_REMOTE_ALLOWED_HOSTS: 'from-env.lan' };
    expect(
      parse(['--allowed-host', 'a.lan', '--allowed-host', 'B.lan:8443', '--allowed-host', 'a.lan'], env)
        .allowedHosts,
    ).toEqual(['a.lan', 'b.lan:8443']);
    expect(parse([], env).allowedHosts).toEqual(['from-env.lan']);
    expect(() => parse(['--allowed-host', 'http://x.lan/'])).toThrow(/--allowed-host must be a host name/);
    expect(() => parse(['--allowed-host', 'a b'])).toThrow(/--allowed-host/);
  });

  it('wants the API certificate and key together, and a clear 1 or 0 for the switches', () => {
    expect(() => parse(['--api-tls-cert', '/c.pem'])).toThrow(/--api-tls-cert and --api-tls-key go together/);
    expect(parse(['--allow-insecure-lan']).allowInsecureLan).toBe(true);
    expect(parse([], { DEPOT_REMOTE_ALLOW_INSECURE_LAN: '0' }).allowInsecureLan).toBe(false);
    expect(() => parse([], { DEPOT_REMOTE_ALLOW_INSECURE_LAN: 'maybe' })).toThrow(
      /DEPOT_REMOTE_ALLOW_INSECURE_LAN must be 1 or 0/,
    );
    expect(parse(['--forget-secrets']).forgetSecrets).toBe(true);
    expect(() => parse(['--quarantine-max-mb', '0'])).toThrow(/--quarantine-max-mb must be a whole number/);
  });
});
