// "Test connection": every step between this machine and the fleet API, checked in order and named plainly
// (settings and certificate files, certificate dates, host, TLS in both directions, password, fleet, budget).
// A step that cannot run because an earlier one failed is reported as skipped rather than as a second problem.
import { lookup } from 'node:dns/promises';
import { isIP, connect as netConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import type {
  ConnectionCheckDto,
  ConnectionCheckName,
  ConnectionReportDto,
} from '../../../../preload/contract/connection.js';
import type { Logger } from '../../ports/logger.js';
import { silentLogger } from '../../ports/logger.js';
import type { Clock } from '../../ports/clock.js';
import { systemClock } from '../../ports/clock.js';
import { ConnectorError } from '../connector.js';
import { fleetSchema } from './hal-schemas.js';
import { readBody } from './paging.js';
import type { FileReader, StellantisConfig } from './stellantis-config.js';
import {
  keyMatchesCertificate,
  parseCertificates,
  parseStellantisConfig,
  privateKeyProblem,
  STELLANTIS_ENV,
} from './stellantis-config.js';
import {
  classifyNetworkError,
  describeNetworkProblem,
  isHttpStatus,
  type NetworkProblem,
} from './stellantis-errors.js';
import { createStellantisHttp } from './stellantis-http.js';

export const EXPIRY_WARNING_DAYS = 30;

const TITLES: Record<ConnectionCheckName, string> = {
  configuration: 'Settings and certificate files',
  certificate: 'Client certificate validity',
  host: 'Stellantis host reachable',
  tls: 'Secure connection (mutual TLS)',
  credentials: 'User name and password',
  fleet: 'Fleet',
  'rate-limit': 'Rate-limit budget',
};

export interface ConnectionCheckOptions {
  /** Time for certificate dates; the system clock by default. */
  clock?: Clock;
  logger?: Logger;
  /** Per network step. Default 10 s. */
  timeoutMs?: number;
}

const DAY_MS = 24 * 60 * 60_000;
const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

function certificateCheck(cert: string | Buffer, now: Date): Pick<ConnectionCheckDto, 'status' | 'message'> {
  const x = new X509Certificate(cert);
  const from = new Date(x.validFrom);
  const to = new Date(x.validTo);
  const who = x.subject.split('\n').find((l) => l.startsWith('CN=')) ?? 'your certificate';
  if (to.getTime() <= now.getTime()) {
    return {
      status: 'problem',
      message: `The client certificate (${who}) expired on ${dateOnly(to)}: Stellantis refuses it. Ask Stellantis for a renewed certificate (send a new CSR) and point ${STELLANTIS_ENV.cert} at it.`,
    };
  }
  if (from.getTime() > now.getTime()) {
    return {
      status: 'problem',
      message: `The client certificate (${who}) is not valid before ${dateOnly(from)}: check this machine's date and time.`,
    };
  }
  const days = Math.floor((to.getTime() - now.getTime()) / DAY_MS);
  if (days < EXPIRY_WARNING_DAYS) {
    return {
      status: 'warning',
      message: `The client certificate (${who}) expires in ${days} day${days === 1 ? '' : 's'}, on ${dateOnly(to)}: ask Stellantis for a renewed one now.`,
    };
  }
  return {
    status: 'ok',
    message: `The client certificate (${who}) is valid until ${dateOnly(to)} (${days} days).`,
  };
}

/** PEM checks of a config given inline (the env path checks them while reading the files). */
function configurationProblems(config: StellantisConfig): string[] {
  const text = (v: string | Buffer) => (typeof v === 'string' ? v : v.toString('utf8'));
  const problems: string[] = [];
  const cert = parseCertificates(text(config.cert));
  if ('problem' in cert) problems.push(`Client certificate: ${cert.problem}.`);
  const key = privateKeyProblem(text(config.key), config.keyPassphrase);
  if (key) problems.push(`Private key: ${key}.`);
  const ca = parseCertificates(text(config.ca));
  if ('problem' in ca) problems.push(`Stellantis CA: ${ca.problem}.`);
  if (
    problems.length === 0 &&
    keyMatchesCertificate(config.cert, config.key, config.keyPassphrase) === false
  ) {
    problems.push('The private key does not belong to the client certificate.');
  }
  return problems;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

async function reachHost(hostname: string, port: number, timeoutMs: number): Promise<void> {
  if (!isIP(hostname)) await withTimeout(lookup(hostname), timeoutMs);
  await new Promise<void>((resolve, reject) => {
    const socket = netConnect({ host: hostname, port, timeout: timeoutMs });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }));
    });
    socket.once('error', reject);
  });
}

/**
 * A TLS handshake with our certificate, then one HTTP request: a server that refuses the client certificate
 * (TLS 1.3 tells only after the handshake) closes or alerts instead of answering.
 */
function handshake(config: StellantisConfig, url: URL, timeoutMs: number): Promise<NetworkProblem | null> {
  return new Promise((resolve) => {
    let secured = false;
    let settled = false;
    const done = (result: NetworkProblem | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const port = Number(url.port || 443);
    const socket = tlsConnect({
      host: url.hostname,
      port,
      ...(isIP(url.hostname) ? {} : { servername: url.hostname }),
      cert: config.cert,
      key: config.key,
      ca: config.ca,
      ...(config.keyPassphrase ? { passphrase: config.keyPassphrase } : {}),
      rejectUnauthorized: true,
    });
    const timer = setTimeout(() => done('timeout'), timeoutMs);
    socket.once('secureConnect', () => {
      secured = true;
      socket.write(`HEAD ${url.pathname || '/'} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n\r\n`);
    });
    socket.once('data', () => done(null));
    socket.once('error', (err) => {
      const problem = classifyNetworkError(err);
      done(
        secured && (problem === 'closed' || problem === 'tls' || problem === 'other')
          ? 'client-rejected'
          : problem,
      );
    });
    socket.once('close', () => done(secured ? 'client-rejected' : 'closed'));
  });
}

/** Runs every check against an already-read configuration. */
export async function checkConnection(
  config: StellantisConfig,
  opts: ConnectionCheckOptions = {},
  preceding: ConnectionCheckDto[] = [],
): Promise<ConnectionReportDto> {
  const clock = opts.clock ?? systemClock();
  const logger = opts.logger ?? silentLogger;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const checks: ConnectionCheckDto[] = [...preceding];
  const add = (name: ConnectionCheckName, status: ConnectionCheckDto['status'], message: string) =>
    checks.push({ name, title: TITLES[name], status, message });
  const skip = (names: ConnectionCheckName[], because: string) => {
    for (const n of names) add(n, 'skipped', `Not checked: ${because}`);
  };
  let rateLimit: ConnectionReportDto['rateLimit'] = null;
  const report = (): ConnectionReportDto => ({
    ok: checks.every((c) => c.status !== 'problem'),
    checkedAt: clock.nowIso(),
    baseUrl: config.baseUrl,
    fleetId: config.fleetId,
    checks,
    rateLimit,
  });

  if (preceding.length === 0) {
    const problems = configurationProblems(config);
    if (problems.length > 0) {
      add('configuration', 'problem', problems.join(' '));
      skip(
        ['certificate', 'host', 'tls', 'credentials', 'fleet', 'rate-limit'],
        'the settings must be fixed first.',
      );
      return report();
    }
    add('configuration', 'ok', 'All settings are present and the certificate, key and CA are readable PEM.');
  }

  const cert = certificateCheck(config.cert, clock.now());
  add('certificate', cert.status, cert.message);

  const url = new URL(config.baseUrl);
  const port = Number(url.port || 443);
  try {
    await reachHost(url.hostname, port, timeoutMs);
    add('host', 'ok', `${url.host} answers on port ${port}.`);
  } catch (err) {
    add('host', 'problem', describeNetworkProblem(classifyNetworkError(err), url.host, err));
    skip(['tls', 'credentials', 'fleet', 'rate-limit'], `${url.host} cannot be reached.`);
    return report();
  }

  const tls = await handshake(config, url, timeoutMs);
  if (tls) {
    const message =
      tls === 'client-rejected'
        ? `The server at ${url.host} refused our client certificate${cert.status === 'problem' ? ' (it is expired or not yet valid)' : ''}: check that ${STELLANTIS_ENV.cert} is the certificate Stellantis signed for this account and ${STELLANTIS_ENV.key} its key.`
        : tls === 'server-untrusted'
          ? `We refuse the server's certificate: the CA in ${STELLANTIS_ENV.ca} does not vouch for ${url.host}. Check the CA file Stellantis delivered, and the base URL.`
          : describeNetworkProblem(tls, url.host);
    add('tls', 'problem', message);
    skip(['credentials', 'fleet', 'rate-limit'], 'the secure connection failed.');
    return report();
  }
  add('tls', 'ok', `The server's certificate is trusted and it accepted our client certificate.`);

  const http = createStellantisHttp({ ...config, timeoutMs }, { clock, logger });
  try {
    const res = await http.send({
      method: 'GET',
      path: `/fleets/${encodeURIComponent(config.fleetId)}`,
      operation: 'read the fleet',
    });
    rateLimit = http.rateLimit();
    add('credentials', 'ok', `Stellantis accepted the user ${config.user} and the client_id.`);
    const fleet = readBody(fleetSchema, res.body ?? {}, 'read the fleet');
    add(
      'fleet',
      'ok',
      `Fleet ${config.fleetId}${fleet.name ? ` ("${fleet.name}")` : ''} is known to Stellantis.`,
    );
  } catch (err) {
    rateLimit = http.rateLimit();
    const e = err instanceof ConnectorError ? err : new ConnectorError('unreachable', String(err));
    const ref = e.details.reference ? ` Reference for support: ${e.details.reference}.` : '';
    if (isHttpStatus(e, 404)) {
      add('credentials', 'ok', `Stellantis accepted the user ${config.user} and the client_id.`);
      add(
        'fleet',
        'problem',
        `Stellantis does not know fleet ${config.fleetId} for this account: check ${STELLANTIS_ENV.fleetId}.${ref}`,
      );
    } else if (isHttpStatus(e, 401)) {
      add(
        'credentials',
        'problem',
        `Stellantis refused the user name or password (HTTP 401): check ${STELLANTIS_ENV.user} and ${STELLANTIS_ENV.password}.${ref}`,
      );
      skip(['fleet'], 'the credentials were refused.');
    } else if (isHttpStatus(e, 403)) {
      add(
        'credentials',
        'problem',
        `Stellantis refused access (HTTP 403): the account or the application id in ${STELLANTIS_ENV.clientId} is not allowed to use this fleet.${ref}`,
      );
      skip(['fleet'], 'access was refused.');
    } else if (e.kind === 'rate-limited') {
      skip(['credentials', 'fleet'], 'the rate limit is reached.');
    } else {
      add('credentials', 'problem', `The credentials could not be verified: ${e.message}${ref}`);
      skip(['fleet'], 'the credentials could not be verified.');
    }
    if (e.kind === 'rate-limited') {
      add(
        'rate-limit',
        'problem',
        `Stellantis' rate limit is reached; requests are allowed again in ${e.details.retryAfterSeconds ?? '?'} s.`,
      );
      await http.close();
      return report();
    }
  }
  await http.close();

  const daily = rateLimit?.daily;
  if (!daily || daily.limit === null || daily.remaining === null) {
    add('rate-limit', 'ok', 'Stellantis reported no rate-limit budget on this answer.');
  } else if (daily.remaining < daily.limit * 0.1) {
    add(
      'rate-limit',
      'warning',
      `Only ${daily.remaining} of ${daily.limit} requests are left in the current 24 hours.`,
    );
  } else {
    const burst = rateLimit?.burst.limit ? `; up to ${rateLimit.burst.limit} per second` : '';
    add(
      'rate-limit',
      'ok',
      `${daily.remaining} of ${daily.limit} requests are left in the current 24 hours${burst}.`,
    );
  }
  return report();
}

/** Reads the settings from the environment first, so a missing variable or a bad file is its own check. */
export async function checkConnectionFromEnv(
  env: Record<string, string | undefined>,
  readFile: FileReader,
  opts: ConnectionCheckOptions = {},
): Promise<ConnectionReportDto> {
  const parsed = parseStellantisConfig(env, readFile);
  if (!parsed.ok) {
    const clock = opts.clock ?? systemClock();
    const names: ConnectionCheckName[] = ['certificate', 'host', 'tls', 'credentials', 'fleet', 'rate-limit'];
    return {
      ok: false,
      checkedAt: clock.nowIso(),
      baseUrl: env[STELLANTIS_ENV.baseUrl] ?? null,
      fleetId: env[STELLANTIS_ENV.fleetId] ?? null,
      checks: [
        {
          name: 'configuration',
          title: TITLES.configuration,
          status: 'problem',
          message: parsed.errors.map((e) => e.message).join(' '),
        },
        ...names.map((name) => ({
          name,
          title: TITLES[name],
          status: 'skipped' as const,
          message: 'Not checked: the settings must be fixed first.',
        })),
      ],
      rateLimit: null,
    };
  }
  return checkConnection(parsed.value, opts, [
    {
      name: 'configuration',
      title: TITLES.configuration,
      status: 'ok',
      message: 'All settings are present and the certificate, key and CA files are readable PEM.',
    },
  ]);
}
