// "Test connection": every step between this machine and the fleet API, checked in order and named plainly
// (settings and certificate files, certificate dates, host, TLS in both directions, password, fleet, budget).
// A step that cannot run because an earlier one failed is reported as skipped rather than as a second problem.
// Each sentence goes out twice: in English (`message`) and as a code with its values (`sentences`, issue 17), which
// the interface words in its reader's language; the sentences themselves are made in connection-findings.ts.
// Past 300 lines: the steps run as one sequence, each deciding whether the next can run.
import { lookup } from 'node:dns/promises';
import { isIP, connect as netConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
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
import {
  certificateCheck,
  configurationProblems,
  credentialsOk,
  networkSaid,
  said,
  type Said,
  SETTINGS_FIRST,
} from './connection-findings.js';
import { fleetSchema } from './hal-schemas.js';
import { readBody } from './paging.js';
import type { FileReader, StellantisConfig } from './stellantis-config.js';
import { parseStellantisConfig, STELLANTIS_ENV } from './stellantis-config.js';
import { classifyNetworkError, isHttpStatus, type NetworkProblem } from './stellantis-errors.js';
import { createStellantisHttp } from './stellantis-http.js';

const TITLES: Record<ConnectionCheckName, string> = {
  configuration: 'Settings and certificate files',
  certificate: 'Client certificate validity',
  host: 'Stellantis host reachable',
  tls: 'Secure connection (mutual TLS)',
  credentials: 'User name and password',
  fleet: 'Fleet',
  'rate-limit': 'Rate-limit budget',
};

/** A check: its sentences in English, one after the other, and as codes. */
function checkOf(
  name: ConnectionCheckName,
  status: ConnectionCheckDto['status'],
  sentences: readonly Said[],
): ConnectionCheckDto {
  return {
    name,
    title: TITLES[name],
    status,
    message: sentences.map((s) => s.english).join(' '),
    sentences: sentences.map(({ code, params }) => ({ code, params })),
  };
}

export interface ConnectionCheckOptions {
  /** Time for certificate dates; the system clock by default. */
  clock?: Clock;
  logger?: Logger;
  /** Per network step. Default 10 s. */
  timeoutMs?: number;
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
  const add = (name: ConnectionCheckName, status: ConnectionCheckDto['status'], ...sentences: Said[]) =>
    checks.push(checkOf(name, status, sentences));
  const skip = (names: ConnectionCheckName[], because: Said) => {
    for (const n of names) add(n, 'skipped', { ...because, english: `Not checked: ${because.english}` });
  };
  const ref = (e: ConnectorError): Said[] =>
    e.details.reference
      ? [
          said(
            'support.reference',
            { reference: e.details.reference },
            `Reference for support: ${e.details.reference}.`,
          ),
        ]
      : [];
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
      add('configuration', 'problem', ...problems);
      skip(['certificate', 'host', 'tls', 'credentials', 'fleet', 'rate-limit'], SETTINGS_FIRST);
      return report();
    }
    add(
      'configuration',
      'ok',
      said(
        'configuration.ok',
        {},
        'All settings are present and the certificate, key and CA are readable PEM.',
      ),
    );
  }

  const cert = certificateCheck(config.cert, clock.now());
  add('certificate', cert.status, cert.said);

  const url = new URL(config.baseUrl);
  const port = Number(url.port || 443);
  const host = url.host;
  try {
    await reachHost(url.hostname, port, timeoutMs);
    add('host', 'ok', said('host.ok', { host, port: String(port) }, `${host} answers on port ${port}.`));
  } catch (err) {
    add('host', 'problem', networkSaid(classifyNetworkError(err), host, err));
    skip(
      ['tls', 'credentials', 'fleet', 'rate-limit'],
      said('skipped.hostUnreachable', { host }, `${host} cannot be reached.`),
    );
    return report();
  }

  const tls = await handshake(config, url, timeoutMs);
  if (tls) {
    const keys = { host, certEnv: STELLANTIS_ENV.cert, keyEnv: STELLANTIS_ENV.key };
    const problem =
      tls === 'client-rejected'
        ? said(
            cert.status === 'problem' ? 'tls.clientRejectedInvalid' : 'tls.clientRejected',
            keys,
            `The server at ${host} refused our client certificate${cert.status === 'problem' ? ' (it is expired or not yet valid)' : ''}: check that ${STELLANTIS_ENV.cert} is the certificate Stellantis signed for this account and ${STELLANTIS_ENV.key} its key.`,
          )
        : tls === 'server-untrusted'
          ? said(
              'tls.serverUntrusted',
              { host, env: STELLANTIS_ENV.ca },
              `We refuse the server's certificate: the CA in ${STELLANTIS_ENV.ca} does not vouch for ${host}. Check the CA file Stellantis delivered, and the base URL.`,
            )
          : networkSaid(tls, host);
    add('tls', 'problem', problem);
    skip(
      ['credentials', 'fleet', 'rate-limit'],
      said('skipped.tlsFailed', {}, 'the secure connection failed.'),
    );
    return report();
  }
  add(
    'tls',
    'ok',
    said('tls.ok', {}, `The server's certificate is trusted and it accepted our client certificate.`),
  );

  const http = createStellantisHttp({ ...config, timeoutMs }, { clock, logger });
  try {
    const res = await http.send({
      method: 'GET',
      path: `/fleets/${encodeURIComponent(config.fleetId)}`,
      operation: 'read the fleet',
    });
    rateLimit = http.rateLimit();
    add('credentials', 'ok', credentialsOk(config.user));
    const fleet = readBody(fleetSchema, res.body ?? {}, 'read the fleet');
    const fleetId = config.fleetId;
    add(
      'fleet',
      'ok',
      fleet.name
        ? said(
            'fleet.okNamed',
            { fleetId, name: fleet.name },
            `Fleet ${fleetId} ("${fleet.name}") is known to Stellantis.`,
          )
        : said('fleet.ok', { fleetId }, `Fleet ${fleetId} is known to Stellantis.`),
    );
  } catch (err) {
    rateLimit = http.rateLimit();
    const e = err instanceof ConnectorError ? err : new ConnectorError('unreachable', String(err));
    if (isHttpStatus(e, 404)) {
      add('credentials', 'ok', credentialsOk(config.user));
      add(
        'fleet',
        'problem',
        said(
          'fleet.unknown',
          { fleetId: config.fleetId, env: STELLANTIS_ENV.fleetId },
          `Stellantis does not know fleet ${config.fleetId} for this account: check ${STELLANTIS_ENV.fleetId}.`,
        ),
        ...ref(e),
      );
    } else if (isHttpStatus(e, 401)) {
      add(
        'credentials',
        'problem',
        said(
          'credentials.refused',
          { userEnv: STELLANTIS_ENV.user, passwordEnv: STELLANTIS_ENV.password },
          `Stellantis refused the user name or password (HTTP 401): check ${STELLANTIS_ENV.user} and ${STELLANTIS_ENV.password}.`,
        ),
        ...ref(e),
      );
      skip(['fleet'], said('skipped.credentialsRefused', {}, 'the credentials were refused.'));
    } else if (isHttpStatus(e, 403)) {
      add(
        'credentials',
        'problem',
        said(
          'credentials.forbidden',
          { env: STELLANTIS_ENV.clientId },
          `Stellantis refused access (HTTP 403): the account or the application id in ${STELLANTIS_ENV.clientId} is not allowed to use this fleet.`,
        ),
        ...ref(e),
      );
      skip(['fleet'], said('skipped.accessRefused', {}, 'access was refused.'));
    } else if (e.kind === 'rate-limited') {
      skip(['credentials', 'fleet'], said('skipped.rateLimited', {}, 'the rate limit is reached.'));
    } else {
      // The connector's own sentence (English) is the detail: it names what failed on the way.
      add(
        'credentials',
        'problem',
        said(
          'credentials.unverified',
          { detail: e.message },
          `The credentials could not be verified: ${e.message}`,
        ),
        ...ref(e),
      );
      skip(['fleet'], said('skipped.credentialsUnverified', {}, 'the credentials could not be verified.'));
    }
    if (e.kind === 'rate-limited') {
      const seconds = e.details.retryAfterSeconds;
      const english = `Stellantis' rate limit is reached; requests are allowed again in ${seconds ?? '?'} s.`;
      add(
        'rate-limit',
        'problem',
        seconds === undefined
          ? said('rateLimit.reachedUnknown', {}, english)
          : said('rateLimit.reached', { seconds }, english),
      );
      await http.close();
      return report();
    }
  }
  await http.close();

  const daily = rateLimit?.daily;
  if (!daily || daily.limit === null || daily.remaining === null) {
    add(
      'rate-limit',
      'ok',
      said('rateLimit.none', {}, 'Stellantis reported no rate-limit budget on this answer.'),
    );
  } else if (daily.remaining < daily.limit * 0.1) {
    add(
      'rate-limit',
      'warning',
      said(
        'rateLimit.low',
        { remaining: daily.remaining, limit: daily.limit },
        `Only ${daily.remaining} of ${daily.limit} requests are left in the current 24 hours.`,
      ),
    );
  } else {
    const budget = { remaining: daily.remaining, limit: daily.limit };
    const burst = rateLimit?.burst.limit;
    const english = `${daily.remaining} of ${daily.limit} requests are left in the current 24 hours`;
    add(
      'rate-limit',
      'ok',
      burst
        ? said('rateLimit.okBurst', { ...budget, burst }, `${english}; up to ${burst} per second.`)
        : said('rateLimit.ok', budget, `${english}.`),
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
    const problems = parsed.errors.map((e) => said(e.rule, e.params, e.message));
    const notChecked = { ...SETTINGS_FIRST, english: `Not checked: ${SETTINGS_FIRST.english}` };
    return {
      ok: false,
      checkedAt: clock.nowIso(),
      baseUrl: env[STELLANTIS_ENV.baseUrl] ?? null,
      fleetId: env[STELLANTIS_ENV.fleetId] ?? null,
      checks: [
        checkOf('configuration', 'problem', problems),
        ...names.map((name) => checkOf(name, 'skipped', [notChecked])),
      ],
      rateLimit: null,
    };
  }
  return checkConnection(parsed.value, opts, [
    checkOf('configuration', 'ok', [
      said(
        'configuration.okFiles',
        {},
        'All settings are present and the certificate, key and CA files are readable PEM.',
      ),
    ]),
  ]);
}
