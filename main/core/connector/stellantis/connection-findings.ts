// What each step of "Test connection" found, as sentences: a code with its values (what the interface words in its
// reader's language, issue 17) and the same sentence in English (the report's `message`, for scripts and logs).
import { X509Certificate } from 'node:crypto';
import type { ConnectionCheckDto, ConnectionSentenceDto } from '../../../../preload/contract/connection.js';
import type { ConnectionMessageCode } from '../../../../preload/contract/connection-messages.js';
import type { MessageParams } from '../../../../preload/contract/dto.js';
import type { StellantisConfig } from './stellantis-config.js';
import {
  keyMatchesCertificate,
  parseCertificates,
  privateKeyProblem,
  STELLANTIS_ENV,
} from './stellantis-config.js';
import { describeNetworkProblem, type NetworkProblem } from './stellantis-errors.js';

export const EXPIRY_WARNING_DAYS = 30;

/** One sentence of a check: its code and values, and the same in English. */
export interface Said extends ConnectionSentenceDto {
  english: string;
}
export const said = (code: ConnectionMessageCode, params: MessageParams, english: string): Said => ({
  code,
  params,
  english,
});

export const SETTINGS_FIRST = said('skipped.settings', {}, 'the settings must be fixed first.');

export const credentialsOk = (user: string) =>
  said('credentials.ok', { user }, `Stellantis accepted the user ${user} and the client_id.`);

const DAY_MS = 24 * 60 * 60_000;
const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

export function certificateCheck(
  cert: string | Buffer,
  now: Date,
): { status: ConnectionCheckDto['status']; said: Said } {
  const x = new X509Certificate(cert);
  const from = new Date(x.validFrom);
  const to = new Date(x.validTo);
  const who = x.subject.split('\n').find((l) => l.startsWith('CN=')) ?? 'your certificate';
  // The subject as the certificate names it (no English words), and the instant the reader sees in their format.
  const subject = x.subject.split('\n').find((l) => l.startsWith('CN=')) ?? x.subject.split('\n')[0] ?? '';
  if (to.getTime() <= now.getTime()) {
    return {
      status: 'problem',
      said: said(
        'certificate.expired',
        { subject, date: to.toISOString(), env: STELLANTIS_ENV.cert },
        `The client certificate (${who}) expired on ${dateOnly(to)}: Stellantis refuses it. Ask Stellantis for a renewed certificate (send a new CSR) and point ${STELLANTIS_ENV.cert} at it.`,
      ),
    };
  }
  if (from.getTime() > now.getTime()) {
    return {
      status: 'problem',
      said: said(
        'certificate.notYetValid',
        { subject, date: from.toISOString() },
        `The client certificate (${who}) is not valid before ${dateOnly(from)}: check this machine's date and time.`,
      ),
    };
  }
  const days = Math.floor((to.getTime() - now.getTime()) / DAY_MS);
  if (days < EXPIRY_WARNING_DAYS) {
    return {
      status: 'warning',
      said: said(
        'certificate.expiresSoon',
        { subject, days, date: to.toISOString() },
        `The client certificate (${who}) expires in ${days} day${days === 1 ? '' : 's'}, on ${dateOnly(to)}: ask Stellantis for a renewed one now.`,
      ),
    };
  }
  return {
    status: 'ok',
    said: said(
      'certificate.valid',
      { subject, days, date: to.toISOString() },
      `The client certificate (${who}) is valid until ${dateOnly(to)} (${days} days).`,
    ),
  };
}

/** PEM checks of a config given inline (the env path checks them while reading the files). */
export function configurationProblems(config: StellantisConfig): Said[] {
  const text = (v: string | Buffer) => (typeof v === 'string' ? v : v.toString('utf8'));
  const problems: Said[] = [];
  const cert = parseCertificates(text(config.cert));
  if ('problem' in cert)
    problems.push(
      said(`inline.certificate.${cert.code}`, { file: 'cert' }, `Client certificate: ${cert.problem}.`),
    );
  const key = privateKeyProblem(text(config.key), config.keyPassphrase);
  if (key)
    problems.push(
      said(`inline.key.${key.code}`, { env: STELLANTIS_ENV.keyPassphrase }, `Private key: ${key.problem}.`),
    );
  const ca = parseCertificates(text(config.ca));
  if ('problem' in ca)
    problems.push(said(`inline.certificate.${ca.code}`, { file: 'ca' }, `Stellantis CA: ${ca.problem}.`));
  if (
    problems.length === 0 &&
    keyMatchesCertificate(config.cert, config.key, config.keyPassphrase) === false
  ) {
    problems.push(
      said('inline.keyMismatch', {}, 'The private key does not belong to the client certificate.'),
    );
  }
  return problems;
}

/** A network problem as a sentence; the English is the connector's own (describeNetworkProblem). */
export function networkSaid(problem: NetworkProblem, host: string, err?: unknown): Said {
  const english = describeNetworkProblem(problem, host, err);
  const code = (err as { code?: unknown } | undefined)?.code;
  const message = (err as Error | undefined)?.message;
  switch (problem) {
    case 'dns':
      return said('network.dns', { host }, english);
    case 'refused':
      return said('network.refused', { host }, english);
    case 'timeout':
      return said('network.timeout', { host }, english);
    case 'server-untrusted':
      return said('network.serverUntrusted', { host }, english);
    case 'client-rejected':
      return said('network.clientRejected', { host }, english);
    case 'tls':
      return typeof code === 'string'
        ? said('network.tls', { host, detail: code }, english)
        : said('network.tlsUnknown', { host }, english);
    case 'closed':
      return said('network.closed', { host }, english);
    default:
      return message
        ? said('network.other', { host, detail: message }, english)
        : said('network.unknown', { host }, english);
  }
}
