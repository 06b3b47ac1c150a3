// Answers only to the names this agent is reached by: loopback names and addresses, the address it is bound to,
// and the names a site adds with --allowed-host. A web page that rebinds its own name to 127.0.0.1 (DNS
// rebinding) sends its own name as Host, so it is refused before it can talk to the API as same-origin.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../api-error.js';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const ANY_ADDRESS = new Set(['0.0.0.0', '::', '[::]']);

/** `[::1]:5780` → {name: '[::1]', port: '5780'}; `Example.com` → {name: 'example.com', port: null}. */
export function splitHost(host: string): { name: string; port: string | null } | null {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(host.trim());
  if (!m) return null;
  const name = m[1]!.toLowerCase().replace(/\.$/, '');
  return { name, port: m[2] ?? null };
}

export interface HostRules {
  /** Names accepted with the listening port (or any of them without a port on 80/443). */
  names: Set<string>;
  /** Exact `name:port` entries given with a port. */
  exact: Set<string>;
}

export function hostRules(allowedHosts: readonly string[], bind?: string): HostRules {
  const names = new Set(LOOPBACK_NAMES);
  const exact = new Set<string>();
  if (bind && !ANY_ADDRESS.has(bind))
    names.add(bind.includes(':') && !bind.startsWith('[') ? `[${bind}]` : bind);
  for (const entry of allowedHosts) {
    const parsed = splitHost(entry);
    if (!parsed) continue;
    if (parsed.port) exact.add(`${parsed.name}:${parsed.port}`);
    else names.add(parsed.name);
  }
  return { names, exact };
}

export function isAllowedHost(
  host: string,
  rules: HostRules,
  listeningPort: number | undefined,
  tls: boolean,
) {
  const parsed = splitHost(host);
  if (!parsed) return false;
  if (parsed.port && rules.exact.has(`${parsed.name}:${parsed.port}`)) return true;
  if (!rules.names.has(parsed.name)) return false;
  // inject() in tests has no socket: the name is what matters there (nothing on the network reaches it).
  if (listeningPort === undefined) return true;
  const defaultPort = tls ? 443 : 80;
  const port = parsed.port === null ? defaultPort : Number(parsed.port);
  return port === listeningPort;
}

function hostHeaders(request: FastifyRequest): number {
  const raw = request.raw.rawHeaders;
  let count = 0;
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() === 'host') count += 1;
  return count;
}

export function createHostGuard(rules: HostRules, tls: boolean) {
  return async function guardHost(request: FastifyRequest, reply: FastifyReply) {
    const count = hostHeaders(request);
    // HTTP/2 carries :authority instead; inject() may send none. Node keeps only the first of several Host
    // headers, so a second one is refused here rather than silently ignored (RFC 9112 section 3.2: 400).
    if (count > 1) {
      return reply.status(400).send(errorBody(request, 'DUPLICATE_HOST'));
    }
    const host = request.headers.host;
    if (!host) {
      return reply.status(400).send(errorBody(request, 'MISSING_HOST'));
    }
    if (!isAllowedHost(host, rules, request.socket?.localPort, tls)) {
      return reply
        .status(421)
        .send(errorBody(request, 'HOST_NOT_ALLOWED', { params: { host: host.slice(0, 100) } }));
    }
  };
}
