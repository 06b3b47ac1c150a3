// Configuration of the Stellantis fleet API connector (stellantis-api-notes.md N1), read from the
// environment. Pure: the files are read through the reader passed in, and every problem is returned as a
// FieldError named after the variable, in words a technician can act on. Secrets (password, key, passphrase)
// never appear in a message.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { FieldError, Result } from '../../domain/field-error.js';
import { fail, ok } from '../../domain/field-error.js';

export const DEFAULT_BASE_URL = 'https://api-cert.groupe-psa.com/connectedcar/v3';
export const DEFAULT_TIMEOUT_MS = 30_000;
/** No Done this long after acceptance → read the remote by id (stellantis-api-notes.md N9). */
export const DEFAULT_POLL_AFTER_MS = 3 * 60_000;

export interface StellantisConfig {
  baseUrl: string;
  fleetId: string;
  clientId: string;
  user: string;
  password: string;
  /** The partner's client certificate (PEM), as signed by Stellantis. */
  cert: string | Buffer;
  key: string | Buffer;
  keyPassphrase?: string;
  /** The Stellantis CA certificate(s) (PEM) the server is verified against. */
  ca: string | Buffer;
  timeoutMs: number;
  /** Where the certificate files came from, for messages; absent when given inline. */
  files?: { cert?: string; key?: string; ca?: string };
}

export const STELLANTIS_ENV = {
  baseUrl: 'DEPOT_REMOTE_STELLANTIS_BASE_URL',
  fleetId: 'DEPOT_REMOTE_STELLANTIS_FLEET_ID',
  clientId: 'DEPOT_REMOTE_STELLANTIS_CLIENT_ID',
  user: 'DEPOT_REMOTE_STELLANTIS_USER',
  password: 'DEPOT_REMOTE_STELLANTIS_PASSWORD',
  cert: 'DEPOT_REMOTE_STELLANTIS_CERT',
  key: 'DEPOT_REMOTE_STELLANTIS_KEY',
  keyPassphrase: 'DEPOT_REMOTE_STELLANTIS_KEY_PASSPHRASE',
  ca: 'DEPOT_REMOTE_STELLANTIS_CA',
  timeoutSeconds: 'DEPOT_REMOTE_STELLANTIS_TIMEOUT_SECONDS',
} as const;

/** Reads a file; throws as fs.readFileSync does (err.code ENOENT, EACCES, EISDIR …). */
export type FileReader = (path: string) => Buffer | string;

const CERT_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const HAS_CERT = /-----BEGIN CERTIFICATE-----/;
const KEY_BLOCK = /-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----[\s\S]+?-----END \1-----/;

function readProblem(err: unknown): string {
  switch ((err as NodeJS.ErrnoException)?.code) {
    case 'ENOENT':
      return 'there is no such file';
    case 'EACCES':
    case 'EPERM':
      return 'the agent is not allowed to read it (check the file permissions)';
    case 'EISDIR':
      return 'it is a folder, not a file';
    default:
      return `it could not be read (${(err as Error)?.message ?? String(err)})`;
  }
}

/** The certificates in a PEM text, parsed; a message when there is none or one is broken. */
export function parseCertificates(pem: string): { certs: X509Certificate[] } | { problem: string } {
  const blocks = pem.match(CERT_BLOCK) ?? [];
  if (blocks.length === 0) {
    return {
      problem: KEY_BLOCK.test(pem)
        ? 'it holds a private key, not a certificate (were the certificate and key swapped?)'
        : 'it is not a PEM certificate (expected a "-----BEGIN CERTIFICATE-----" block)',
    };
  }
  try {
    return { certs: blocks.map((b) => new X509Certificate(b)) };
  } catch {
    return { problem: 'its "-----BEGIN CERTIFICATE-----" block is damaged and cannot be read' };
  }
}

/** Checks a private key PEM (and its passphrase); a message when it cannot be used. */
export function privateKeyProblem(pem: string, passphrase: string | undefined): string | null {
  const block = KEY_BLOCK.exec(pem);
  if (!block) {
    return HAS_CERT.test(pem)
      ? 'it holds a certificate, not a private key (were the certificate and key swapped?)'
      : 'it is not a PEM private key (expected a "-----BEGIN PRIVATE KEY-----" block)';
  }
  const encrypted = block[1] === 'ENCRYPTED PRIVATE KEY' || /Proc-Type: 4,ENCRYPTED/.test(pem);
  if (encrypted && !passphrase) {
    return `the key is protected by a passphrase: set ${STELLANTIS_ENV.keyPassphrase}`;
  }
  try {
    createPrivateKey({ key: block[0], format: 'pem', ...(passphrase ? { passphrase } : {}) });
    return null;
  } catch {
    return encrypted
      ? `the key cannot be opened with the passphrase in ${STELLANTIS_ENV.keyPassphrase}`
      : 'the key block is damaged and cannot be read';
  }
}

/** Whether the private key belongs to the certificate; null when either cannot be read. */
export function keyMatchesCertificate(
  cert: string | Buffer,
  key: string | Buffer,
  passphrase?: string,
): boolean | null {
  try {
    const x509 = new X509Certificate(cert);
    const privateKey = createPrivateKey({
      key,
      format: 'pem',
      ...(passphrase ? { passphrase } : {}),
    });
    return x509.checkPrivateKey(privateKey);
  } catch {
    return null;
  }
}

function baseUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${raw}" is not a URL; expected e.g. ${DEFAULT_BASE_URL}`;
  }
  if (url.protocol !== 'https:') return `it must start with https:// (got ${url.protocol}//)`;
  if (url.search || url.hash) return 'it must not carry a query (?…) or a fragment (#…)';
  return null;
}

/**
 * Reads and checks the connector's settings from the environment. Certificate, key and CA are file paths
 * (PEM); they are read and checked here, so a wrong path or a swapped file is reported at start.
 */
export function parseStellantisConfig(
  env: Record<string, string | undefined>,
  readFile: FileReader,
): Result<StellantisConfig> {
  const errors: FieldError[] = [];
  const value = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const required = (name: string, what: string): string => {
    const v = value(name);
    if (v === undefined) errors.push({ field: name, message: `Set ${name} to ${what}.` });
    return v ?? '';
  };

  const baseUrl = (value(STELLANTIS_ENV.baseUrl) ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const urlProblem = baseUrlProblem(baseUrl);
  if (urlProblem) {
    errors.push({ field: STELLANTIS_ENV.baseUrl, message: `${STELLANTIS_ENV.baseUrl}: ${urlProblem}.` });
  }
  const fleetId = required(STELLANTIS_ENV.fleetId, 'the fleet id Stellantis gave you (e.g. 0a123bc5d1e8…)');
  const clientId = required(STELLANTIS_ENV.clientId, 'the application id (client_id) of your subscription');
  const user = required(STELLANTIS_ENV.user, 'your MZP login (the user of the fleet API)');
  const password = required(STELLANTIS_ENV.password, 'the password of your MZP login');
  if (user.includes(':')) {
    errors.push({
      field: STELLANTIS_ENV.user,
      message: `${STELLANTIS_ENV.user} must not contain ":" (Basic authentication cannot carry it).`,
    });
  }
  const keyPassphrase = value(STELLANTIS_ENV.keyPassphrase);

  let timeoutMs = DEFAULT_TIMEOUT_MS;
  const timeout = value(STELLANTIS_ENV.timeoutSeconds);
  if (timeout !== undefined) {
    const n = Number(timeout);
    if (!/^\d+$/.test(timeout) || n < 1 || n > 600) {
      errors.push({
        field: STELLANTIS_ENV.timeoutSeconds,
        message: `${STELLANTIS_ENV.timeoutSeconds} must be a number of seconds between 1 and 600, got "${timeout}".`,
      });
    } else timeoutMs = n * 1000;
  }

  const file = (name: string, what: string): { path: string; text: string } | null => {
    const path = required(name, `the path of ${what} (PEM file)`);
    if (!path) return null;
    try {
      const raw = readFile(path);
      return { path, text: typeof raw === 'string' ? raw : raw.toString('utf8') };
    } catch (err) {
      errors.push({ field: name, message: `${name}: cannot use ${path}: ${readProblem(err)}.` });
      return null;
    }
  };

  const cert = file(STELLANTIS_ENV.cert, 'your client certificate signed by Stellantis');
  if (cert) {
    const parsed = parseCertificates(cert.text);
    if ('problem' in parsed) {
      errors.push({
        field: STELLANTIS_ENV.cert,
        message: `${STELLANTIS_ENV.cert}: ${cert.path}: ${parsed.problem}.`,
      });
    }
  }
  const key = file(STELLANTIS_ENV.key, 'the private key of your client certificate');
  let keyOk = false;
  if (key) {
    const problem = privateKeyProblem(key.text, keyPassphrase);
    if (problem)
      errors.push({ field: STELLANTIS_ENV.key, message: `${STELLANTIS_ENV.key}: ${key.path}: ${problem}.` });
    else keyOk = true;
  }
  const ca = file(STELLANTIS_ENV.ca, 'the Stellantis CA certificate delivered with your certificate');
  if (ca) {
    const parsed = parseCertificates(ca.text);
    if ('problem' in parsed) {
      errors.push({
        field: STELLANTIS_ENV.ca,
        message: `${STELLANTIS_ENV.ca}: ${ca.path}: ${parsed.problem}.`,
      });
    }
  }
  if (cert && key && keyOk && errors.every((e) => e.field !== STELLANTIS_ENV.cert)) {
    if (keyMatchesCertificate(cert.text, key.text, keyPassphrase) === false) {
      errors.push({
        field: STELLANTIS_ENV.key,
        message: `${STELLANTIS_ENV.key}: ${key.path} is not the private key of the certificate in ${cert.path}.`,
      });
    }
  }

  if (errors.length > 0 || !cert || !key || !ca) return fail(errors);
  return ok({
    baseUrl,
    fleetId,
    clientId,
    user,
    password,
    cert: cert.text,
    key: key.text,
    ...(keyPassphrase ? { keyPassphrase } : {}),
    ca: ca.text,
    timeoutMs,
    files: { cert: cert.path, key: key.path, ca: ca.path },
  });
}
