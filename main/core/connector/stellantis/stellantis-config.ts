// Configuration of the Stellantis fleet API connector (stellantis-api-notes.md N1), read from the
// environment. Pure: the files are read through the reader passed in, and every problem is returned named after
// the variable, in words a technician can act on, and as a code with its values (`rule`,
// `params`: the connection test shows them in the reader's language). Secrets (password, key, passphrase) never
// appear in a message nor in a value.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { ConnectionMessageCode } from '../../../../preload/contract/connection-messages.js';
import type { MessageParams } from '../../../../preload/contract/dto.js';

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

/**
 * A setting's problem, named after its variable (`field`): the sentence in English (the agent's start-up message,
 * logs), and the same as a code with its values, worded by the connection test in its reader's language.
 */
export interface ConfigProblem {
  field: string;
  message: string;
  rule: ConnectionMessageCode;
  params: MessageParams;
}

export type ConfigResult = { ok: true; value: StellantisConfig } | { ok: false; errors: ConfigProblem[] };

/** What is wrong with a PEM file: the code names it, the phrase says it in English. */
export type CertificateProblem = 'holdsKey' | 'notPem' | 'damaged';
export type KeyProblem = 'holdsCertificate' | 'notPem' | 'needsPassphrase' | 'wrongPassphrase' | 'damaged';

const CERT_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const HAS_CERT = /-----BEGIN CERTIFICATE-----/;
const KEY_BLOCK = /-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----[\s\S]+?-----END \1-----/;

function readProblem(err: unknown): { rule: ConnectionMessageCode; phrase: string; detail?: string } {
  switch ((err as NodeJS.ErrnoException)?.code) {
    case 'ENOENT':
      return { rule: 'env.file.missing', phrase: 'there is no such file' };
    case 'EACCES':
    case 'EPERM':
      return {
        rule: 'env.file.denied',
        phrase: 'the agent is not allowed to read it (check the file permissions)',
      };
    case 'EISDIR':
      return { rule: 'env.file.folder', phrase: 'it is a folder, not a file' };
    default: {
      const detail = (err as Error)?.message ?? String(err);
      return { rule: 'env.file.unreadable', phrase: `it could not be read (${detail})`, detail };
    }
  }
}

/** The certificates in a PEM text, parsed; a message (and its code) when there is none or one is broken. */
export function parseCertificates(
  pem: string,
): { certs: X509Certificate[] } | { problem: string; code: CertificateProblem } {
  const blocks = pem.match(CERT_BLOCK) ?? [];
  if (blocks.length === 0) {
    return KEY_BLOCK.test(pem)
      ? {
          code: 'holdsKey',
          problem: 'it holds a private key, not a certificate (were the certificate and key swapped?)',
        }
      : {
          code: 'notPem',
          problem: 'it is not a PEM certificate (expected a "-----BEGIN CERTIFICATE-----" block)',
        };
  }
  try {
    return { certs: blocks.map((b) => new X509Certificate(b)) };
  } catch {
    return {
      code: 'damaged',
      problem: 'its "-----BEGIN CERTIFICATE-----" block is damaged and cannot be read',
    };
  }
}

/** Checks a private key PEM (and its passphrase); a message (and its code) when it cannot be used. */
export function privateKeyProblem(
  pem: string,
  passphrase: string | undefined,
): { problem: string; code: KeyProblem } | null {
  const block = KEY_BLOCK.exec(pem);
  if (!block) {
    return HAS_CERT.test(pem)
      ? {
          code: 'holdsCertificate',
          problem: 'it holds a certificate, not a private key (were the certificate and key swapped?)',
        }
      : {
          code: 'notPem',
          problem: 'it is not a PEM private key (expected a "-----BEGIN PRIVATE KEY-----" block)',
        };
  }
  const encrypted = block[1] === 'ENCRYPTED PRIVATE KEY' || /Proc-Type: 4,ENCRYPTED/.test(pem);
  if (encrypted && !passphrase) {
    return {
      code: 'needsPassphrase',
      problem: `the key is protected by a passphrase: set ${STELLANTIS_ENV.keyPassphrase}`,
    };
  }
  try {
    createPrivateKey({ key: block[0], format: 'pem', ...(passphrase ? { passphrase } : {}) });
    return null;
  } catch {
    return encrypted
      ? {
          code: 'wrongPassphrase',
          problem: `the key cannot be opened with the passphrase in ${STELLANTIS_ENV.keyPassphrase}`,
        }
      : { code: 'damaged', problem: 'the key block is damaged and cannot be read' };
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

function baseUrlProblem(
  raw: string,
): { rule: ConnectionMessageCode; params: MessageParams; phrase: string } | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return {
      rule: 'env.baseUrl.notUrl',
      params: { value: raw, example: DEFAULT_BASE_URL },
      phrase: `"${raw}" is not a URL; expected e.g. ${DEFAULT_BASE_URL}`,
    };
  }
  if (url.protocol !== 'https:')
    return {
      rule: 'env.baseUrl.notHttps',
      params: { protocol: url.protocol },
      phrase: `it must start with https:// (got ${url.protocol}//)`,
    };
  if (url.search || url.hash)
    return {
      rule: 'env.baseUrl.queryOrFragment',
      params: {},
      phrase: 'it must not carry a query (?…) or a fragment (#…)',
    };
  return null;
}

/** What each required variable is, for "Set X to …" (the code names it; the words are the English message's). */
const REQUIRED: Record<
  'fleetId' | 'clientId' | 'user' | 'password' | 'cert' | 'key' | 'ca',
  { rule: ConnectionMessageCode; what: string }
> = {
  fleetId: { rule: 'env.missing.fleetId', what: 'the fleet id Stellantis gave you (e.g. 0a123bc5d1e8…)' },
  clientId: { rule: 'env.missing.clientId', what: 'the application id (client_id) of your subscription' },
  user: { rule: 'env.missing.user', what: 'your MZP login (the user of the fleet API)' },
  password: { rule: 'env.missing.password', what: 'the password of your MZP login' },
  cert: {
    rule: 'env.missing.cert',
    what: 'the path of your client certificate signed by Stellantis (PEM file)',
  },
  key: { rule: 'env.missing.key', what: 'the path of the private key of your client certificate (PEM file)' },
  ca: {
    rule: 'env.missing.ca',
    what: 'the path of the Stellantis CA certificate delivered with your certificate (PEM file)',
  },
};

/**
 * Reads and checks the connector's settings from the environment. Certificate, key and CA are file paths
 * (PEM); they are read and checked here, so a wrong path or a swapped file is reported at start.
 */
export function parseStellantisConfig(
  env: Record<string, string | undefined>,
  readFile: FileReader,
): ConfigResult {
  const errors: ConfigProblem[] = [];
  /** A problem of the variable `name`; its params always name the variable (`env`). */
  const problem = (name: string, rule: ConnectionMessageCode, message: string, params: MessageParams = {}) =>
    errors.push({ field: name, message, rule, params: { env: name, ...params } });
  const value = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const required = (setting: keyof typeof REQUIRED): string => {
    const name = STELLANTIS_ENV[setting];
    const v = value(name);
    if (v === undefined) problem(name, REQUIRED[setting].rule, `Set ${name} to ${REQUIRED[setting].what}.`);
    return v ?? '';
  };

  const baseUrl = (value(STELLANTIS_ENV.baseUrl) ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const urlProblem = baseUrlProblem(baseUrl);
  if (urlProblem) {
    problem(
      STELLANTIS_ENV.baseUrl,
      urlProblem.rule,
      `${STELLANTIS_ENV.baseUrl}: ${urlProblem.phrase}.`,
      urlProblem.params,
    );
  }
  const fleetId = required('fleetId');
  const clientId = required('clientId');
  const user = required('user');
  const password = required('password');
  if (user.includes(':')) {
    problem(
      STELLANTIS_ENV.user,
      'env.user.colon',
      `${STELLANTIS_ENV.user} must not contain ":" (Basic authentication cannot carry it).`,
    );
  }
  const keyPassphrase = value(STELLANTIS_ENV.keyPassphrase);

  let timeoutMs = DEFAULT_TIMEOUT_MS;
  const timeout = value(STELLANTIS_ENV.timeoutSeconds);
  if (timeout !== undefined) {
    const n = Number(timeout);
    if (!/^\d+$/.test(timeout) || n < 1 || n > 600) {
      problem(
        STELLANTIS_ENV.timeoutSeconds,
        'env.timeout.range',
        `${STELLANTIS_ENV.timeoutSeconds} must be a number of seconds between 1 and 600, got "${timeout}".`,
        { value: timeout },
      );
    } else timeoutMs = n * 1000;
  }

  const file = (setting: 'cert' | 'key' | 'ca'): { path: string; text: string } | null => {
    const name = STELLANTIS_ENV[setting];
    const path = required(setting);
    if (!path) return null;
    try {
      const raw = readFile(path);
      return { path, text: typeof raw === 'string' ? raw : raw.toString('utf8') };
    } catch (err) {
      const why = readProblem(err);
      problem(name, why.rule, `${name}: cannot use ${path}: ${why.phrase}.`, {
        path,
        ...(why.detail === undefined ? {} : { detail: why.detail }),
      });
      return null;
    }
  };
  const certificateFile = (setting: 'cert' | 'ca') => {
    const read = file(setting);
    const parsed = read ? parseCertificates(read.text) : null;
    if (read && parsed && 'problem' in parsed) {
      const name = STELLANTIS_ENV[setting];
      problem(name, `env.certificate.${parsed.code}`, `${name}: ${read.path}: ${parsed.problem}.`, {
        path: read.path,
      });
    }
    return read;
  };

  const cert = certificateFile('cert');
  const key = file('key');
  let keyOk = false;
  if (key) {
    const bad = privateKeyProblem(key.text, keyPassphrase);
    if (bad)
      problem(
        STELLANTIS_ENV.key,
        `env.key.${bad.code}`,
        `${STELLANTIS_ENV.key}: ${key.path}: ${bad.problem}.`,
        {
          path: key.path,
          passphraseEnv: STELLANTIS_ENV.keyPassphrase,
        },
      );
    else keyOk = true;
  }
  const ca = certificateFile('ca');
  if (cert && key && keyOk && errors.every((e) => e.field !== STELLANTIS_ENV.cert)) {
    if (keyMatchesCertificate(cert.text, key.text, keyPassphrase) === false) {
      problem(
        STELLANTIS_ENV.key,
        'env.keyMismatch',
        `${STELLANTIS_ENV.key}: ${key.path} is not the private key of the certificate in ${cert.path}.`,
        { path: key.path, certPath: cert.path },
      );
    }
  }

  if (errors.length > 0 || !cert || !key || !ca) return { ok: false, errors };
  return {
    ok: true,
    value: {
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
    },
  };
}
