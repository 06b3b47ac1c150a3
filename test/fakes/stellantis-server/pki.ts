// A throwaway public-key infrastructure for tests, made with the system's openssl: a test CA standing in for
// the Stellantis CA, a server certificate for 127.0.0.1/localhost, the partner's client certificate, and
// whatever else a test needs (an expired client certificate, one from another CA, one expiring soon).
// `openssl ca` is used rather than `x509 -req` because only it can set a start and end date (OpenSSL 3.0).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp-dir.js';

export interface Pem {
  cert: string;
  key: string;
  certFile: string;
  keyFile: string;
}

export interface IssueOptions {
  /** Subject common name. */
  cn: string;
  /** Server certificates get a subjectAltName for 127.0.0.1 and localhost. */
  server?: boolean;
  notBefore?: Date;
  notAfter?: Date;
}

export interface CertificateAuthority extends Pem {
  issue(name: string, opts: IssueOptions): Pem;
}

export interface TestPki {
  dir: string;
  /** The test CA, in the role of the Stellantis CA: it signs the server and the partner's certificates. */
  ca: CertificateAuthority;
  server: Pem;
  client: Pem;
  /** Another CA nobody trusts: for "untrusted server" and "client certificate from the wrong CA". */
  otherCa: CertificateAuthority;
  /** Writes text to a file in the PKI folder, e.g. a deliberately broken PEM. */
  writeFile(name: string, content: string): string;
  remove(): void;
}

const openssl = (args: string[], cwd: string) =>
  execFileSync('/usr/bin/openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });

const asn1Time = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, 'Z');

function newKey(dir: string, name: string): string {
  const file = join(dir, `${name}.key`);
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file], dir);
  return file;
}

function createCa(root: string, name: string): CertificateAuthority {
  const dir = join(root, name);
  mkdirSync(join(dir, 'issued'), { recursive: true });
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  const config = join(dir, 'ca.cnf');
  writeFileSync(
    config,
    [
      '[ca]',
      'default_ca = test_ca',
      '[test_ca]',
      `dir = ${dir}`,
      'database = $dir/index.txt',
      'new_certs_dir = $dir/issued',
      'serial = $dir/serial',
      `certificate = $dir/${name}.crt`,
      `private_key = $dir/${name}.key`,
      'default_md = sha256',
      'policy = any_policy',
      'unique_subject = no',
      'copy_extensions = none',
      'email_in_dn = no',
      '[any_policy]',
      'commonName = supplied',
      'organizationalUnitName = optional',
      '[client_ext]',
      'basicConstraints = CA:FALSE',
      'keyUsage = digitalSignature, keyEncipherment',
      'extendedKeyUsage = clientAuth',
      '[server_ext]',
      'basicConstraints = CA:FALSE',
      'keyUsage = digitalSignature, keyEncipherment',
      'extendedKeyUsage = serverAuth',
      'subjectAltName = IP:127.0.0.1, DNS:localhost',
      '',
    ].join('\n'),
  );
  const keyFile = newKey(dir, name);
  const certFile = join(dir, `${name}.crt`);
  openssl(
    [
      'req',
      '-x509',
      '-new',
      '-key',
      keyFile,
      '-days',
      '3650',
      '-subj',
      `/CN=${name} test CA`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-out',
      certFile,
    ],
    dir,
  );
  return {
    cert: readFileSync(certFile, 'utf8'),
    key: readFileSync(keyFile, 'utf8'),
    certFile,
    keyFile,
    issue(leaf, opts) {
      const keyFile = newKey(dir, leaf);
      const csr = join(dir, `${leaf}.csr`);
      const subj = opts.server ? `/CN=${opts.cn}` : `/CN=${opts.cn}/OU=Programs Partners`;
      openssl(['req', '-new', '-key', keyFile, '-subj', subj, '-out', csr], dir);
      const certFile = join(dir, `${leaf}.crt`);
      const notBefore = opts.notBefore ?? new Date(Date.now() - 60 * 60_000);
      const notAfter = opts.notAfter ?? new Date(Date.now() + 365 * 24 * 60 * 60_000);
      openssl(
        [
          'ca',
          '-batch',
          '-config',
          config,
          '-notext',
          '-extensions',
          opts.server ? 'server_ext' : 'client_ext',
          '-startdate',
          asn1Time(notBefore),
          '-enddate',
          asn1Time(notAfter),
          '-in',
          csr,
          '-out',
          certFile,
        ],
        dir,
      );
      return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8'), certFile, keyFile };
    },
  };
}

/** Builds a fresh PKI in a temporary folder (about a quarter of a second). */
export function createTestPki(): TestPki {
  const tmp = tempDir('depot-remote-pki-');
  const ca = createCa(tmp.path, 'stellantis');
  const otherCa = createCa(tmp.path, 'other');
  return {
    dir: tmp.path,
    ca,
    otherCa,
    server: ca.issue('server', { cn: 'api-cert.test', server: true }),
    client: ca.issue('client', { cn: 'MZP-PARTNER' }),
    writeFile(name, content) {
      const file = join(tmp.path, name);
      writeFileSync(file, content);
      return file;
    },
    remove: tmp.remove,
  };
}
