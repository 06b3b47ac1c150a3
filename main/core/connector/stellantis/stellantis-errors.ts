// How failures of the fleet API become the port's ConnectorError (stellantis-api-notes.md N8): HTTP answers
// by status with the xError body's code and uuid kept for support, and network failures (DNS, refused,
// timeout, TLS) in a plain sentence. 5xx is treated as network trouble: retryable, nothing was decided
// upstream.
import { z } from 'zod';
import type { ConnectorErrorKind } from '../connector.js';
import { ConnectorError } from '../connector.js';

/** The fleet xError {code, uuid, message, timestamp}, or the end-user {code, debug, message}: all optional. */
const xErrorSchema = z
  .object({
    code: z.union([z.number(), z.string()]).optional().catch(undefined),
    uuid: z.string().optional().catch(undefined),
    message: z.string().optional().catch(undefined),
    timestamp: z.string().optional().catch(undefined),
    debug: z.unknown().optional(),
  })
  .loose();

export interface XError {
  code?: string;
  uuid?: string;
  message?: string;
  timestamp?: string;
}

export function parseXError(body: unknown): XError {
  const parsed = xErrorSchema.safeParse(body);
  if (!parsed.success) return {};
  const { code, uuid, message, timestamp } = parsed.data;
  return {
    ...(code !== undefined && { code: String(code) }),
    ...(uuid && { uuid }),
    ...(message && { message }),
    ...(timestamp && { timestamp }),
  };
}

export interface HttpFailure {
  status: number;
  body: unknown;
  /** What was asked, in words: "register the callback", "send the remote" … */
  operation: string;
  /** Whether the path named a vehicle: a 403 then means "no access to that vehicle". */
  vehicleScoped: boolean;
  retryAfterSeconds?: number;
}

/** A refusal with the HTTP status it came with (the port's error carries no status). */
export class StellantisApiError extends ConnectorError {
  constructor(
    kind: ConnectorErrorKind,
    message: string,
    details: ConnectorError['details'],
    readonly status: number,
  ) {
    super(kind, message, details);
  }
}

export const isHttpStatus = (err: unknown, status: number): boolean =>
  err instanceof StellantisApiError && err.status === status;

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/** Maps a non-success HTTP answer to the port's error. */
export function httpError(f: HttpFailure): ConnectorError {
  const x = parseXError(f.body);
  const details = {
    code: x.code ?? String(f.status),
    ...(x.uuid && { reference: x.uuid }),
    ...(f.retryAfterSeconds !== undefined && { retryAfterSeconds: f.retryAfterSeconds }),
  };
  const said = x.message ? ` Stellantis says: ${sentence(x.message)}` : '';
  const what = `Stellantis refused to ${f.operation}`;
  switch (true) {
    case f.status === 401:
      return new StellantisApiError(
        'authentication',
        `${what}: the user name or password was not accepted (HTTP 401).${said}`,
        details,
        f.status,
      );
    case f.status === 403 && f.vehicleScoped:
      return new StellantisApiError(
        'refused',
        `${what}: this fleet has no access to that vehicle (HTTP 403; often a wrong vehicle id).${said}`,
        details,
        f.status,
      );
    case f.status === 403:
      return new StellantisApiError(
        'authentication',
        `${what}: the account or application (client_id) is not allowed to do this (HTTP 403).${said}`,
        details,
        f.status,
      );
    case f.status === 400 || f.status === 422:
      return new StellantisApiError(
        'invalid',
        `${what}: the request was invalid (HTTP ${f.status}).${said}`,
        details,
        f.status,
      );
    case f.status === 404:
      return new StellantisApiError('refused', `${what}: not found (HTTP 404).${said}`, details, f.status);
    case f.status === 429:
      return new StellantisApiError(
        'rate-limited',
        `Stellantis' rate limit is reached${
          f.retryAfterSeconds !== undefined ? `; requests are allowed again in ${f.retryAfterSeconds} s` : ''
        }.${said}`,
        details,
        f.status,
      );
    case f.status >= 500:
      return new StellantisApiError(
        'unreachable',
        `Stellantis had a server error while asked to ${f.operation} (HTTP ${f.status}); try again later.${said}`,
        details,
        f.status,
      );
    default:
      return new StellantisApiError('refused', `${what} (HTTP ${f.status}).${said}`, details, f.status);
  }
}

export type NetworkProblem =
  'dns' | 'refused' | 'timeout' | 'server-untrusted' | 'client-rejected' | 'tls' | 'closed' | 'other';

const SERVER_UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

function codesOf(err: unknown): string[] {
  const codes: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e && depth < 6; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    for (const inner of (e as { errors?: unknown[] }).errors ?? []) {
      const c = (inner as { code?: unknown })?.code;
      if (typeof c === 'string') codes.push(c);
    }
    e = (e as { cause?: unknown }).cause;
  }
  return codes;
}

/** What went wrong on the way to the server, from a Node/undici error and its causes. */
export function classifyNetworkError(err: unknown): NetworkProblem {
  const codes = codesOf(err);
  const has = (...c: string[]) => codes.some((code) => c.includes(code));
  if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL')) return 'dns';
  if (has('ECONNREFUSED')) return 'refused';
  if (
    has(
      'UND_ERR_CONNECT_TIMEOUT',
      'UND_ERR_HEADERS_TIMEOUT',
      'UND_ERR_BODY_TIMEOUT',
      'ETIMEDOUT',
      'ABORT_ERR',
    ) ||
    (codes.length === 0 && (err as Error)?.name === 'TimeoutError')
  ) {
    return 'timeout';
  }
  if (codes.some((c) => SERVER_UNTRUSTED.has(c))) return 'server-untrusted';
  if (
    codes.some((c) =>
      /^ERR_SSL_.*ALERT_(CERTIFICATE|BAD_CERTIFICATE|UNKNOWN_CA|ACCESS_DENIED|HANDSHAKE)/.test(c),
    ) ||
    has('ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE')
  ) {
    return 'client-rejected';
  }
  if (codes.some((c) => c.startsWith('ERR_SSL_') || c.startsWith('ERR_TLS_'))) return 'tls';
  if (has('UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED')) return 'closed';
  return 'other';
}

/** A plain sentence for a network problem, naming the host. */
export function describeNetworkProblem(problem: NetworkProblem, host: string, err?: unknown): string {
  switch (problem) {
    case 'dns':
      return `The host ${host} could not be found (DNS): check the base URL and this machine's internet access.`;
    case 'refused':
      return `${host} refused the connection: check the base URL and port, or whether a firewall blocks it.`;
    case 'timeout':
      return `${host} did not answer in time: the network is slow or a firewall drops the connection.`;
    case 'server-untrusted':
      return `The server at ${host} presented a certificate that the configured Stellantis CA does not vouch for: check the CA file (or the base URL).`;
    case 'client-rejected':
      return `The server at ${host} refused our client certificate: check that the certificate is the one Stellantis signed, is not expired, and matches the key.`;
    case 'tls':
      return `The secure connection to ${host} failed (${codesOf(err)[0] ?? 'TLS error'}).`;
    case 'closed':
      return `${host} closed the connection before answering; if this persists, the server may be refusing our client certificate.`;
    default:
      return `${host} could not be reached: ${(err as Error)?.message || 'unknown network error'}.`;
  }
}

export function networkError(err: unknown, host: string): ConnectorError {
  const problem = classifyNetworkError(err);
  const code = codesOf(err)[0];
  return new ConnectorError('unreachable', describeNetworkProblem(problem, host, err), {
    ...(code && { code }),
  });
}
