import type { FastifyRequest } from 'fastify';
import { OPERATOR_MAX_LENGTH, REASON_MAX_LENGTH } from '../../../preload/contract/vocabulary.js';
import { ANONYMOUS, type Actor } from '../kernel/actor.js';
import { invalid } from '../kernel/service-error.js';

const PRINTABLE = /^[^\p{Cc}]*$/u;

/** A header's value, URI-decoded when it is encoded; null when absent or blank; refused when too long. */
function readHeader(request: FastifyRequest, name: string, max: number): string | null {
  const raw = request.headers[name];
  if (raw === undefined) return null;
  let value = (Array.isArray(raw) ? raw.join(', ') : raw).trim();
  try {
    value = decodeURIComponent(value);
  } catch {
    // not encoded: keep as sent
  }
  if (value.length > max || !PRINTABLE.test(value)) {
    throw invalid('errors:invalid.header', [{ field: name, rule: 'header.text', params: { max } }], { name });
  }
  return value || null;
}

/**
 * The actor of a request: who its credential stands for (auth.ts), with X-Depot-Reason; X-Depot-Operator only as
 * "on behalf of" for tokens (a signed-in operator is who the session says); X-Depot-Approver and -Pin when the
 * operation reads them (a supervisor approving on this screen, checked by the service).
 */
export function actorOf(request: FastifyRequest, reads: { approval?: boolean } = {}): Actor {
  const caller = request.caller ?? ANONYMOUS;
  const reason = readHeader(request, 'x-depot-reason', REASON_MAX_LENGTH);
  const named = readHeader(request, 'x-depot-operator', OPERATOR_MAX_LENGTH);
  const onBehalfOf = caller.kind === 'token' || caller.kind === 'machine' ? named : null;
  let approval: Actor['approval'] = null;
  if (reads.approval) {
    const approver = readHeader(request, 'x-depot-approver', 200);
    const pin = request.headers['x-depot-approver-pin'];
    if (approver && typeof pin === 'string' && pin.length > 0) approval = { approver, pin };
  }
  return {
    ...caller,
    reason,
    ...(onBehalfOf ? { onBehalfOf } : {}),
    ...(approval ? { approval } : {}),
  };
}
