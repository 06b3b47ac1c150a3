import type { FastifyRequest } from 'fastify';
import { OPERATOR_MAX_LENGTH, REASON_MAX_LENGTH } from '../../../preload/contract/vocabulary.js';
import type { Actor } from '../kernel/actor.js';
import { invalid } from '../kernel/service-error.js';

const PRINTABLE = /^[^\p{Cc}]*$/u;

/** The operator and reason a client gives in X-Depot-Operator / X-Depot-Reason (URI-encoded allowed). */
export function actorOf(request: FastifyRequest): Actor {
  const read = (name: string, max: number): string | null => {
    const raw = request.headers[name];
    if (raw === undefined) return null;
    let value = (Array.isArray(raw) ? raw.join(', ') : raw).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      // not encoded: keep as sent
    }
    if (value.length > max || !PRINTABLE.test(value)) {
      throw invalid(`The ${name} header is not valid.`, [
        { field: name, message: `At most ${max} characters, without control characters.` },
      ]);
    }
    return value || null;
  };
  return {
    operator: read('x-depot-operator', OPERATOR_MAX_LENGTH) ?? 'api',
    reason: read('x-depot-reason', REASON_MAX_LENGTH),
  };
}
