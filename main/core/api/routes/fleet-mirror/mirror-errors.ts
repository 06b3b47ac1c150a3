// Errors on the mirror's paths leave in the fleet API's xError shape ({code: 40400, uuid, message, timestamp}),
// whoever produced them: a service refusal, a validation failure, the authentication hook, an unknown path. The
// agent's own {code, message, errors} becomes `depotCode`, `message` and `errors` beside them.
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '../../../../../preload/contract/dto.js';
import type { MirrorError } from './mirror-schemas.js';

function isAgentError(payload: unknown): payload is ErrorBody {
  const p = payload as Partial<ErrorBody> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.code === 'string' &&
    typeof p.message === 'string' &&
    Array.isArray(p.errors)
  );
}

export function toMirrorError(status: number, body: ErrorBody, at: Date): MirrorError {
  return {
    code: status * 100,
    uuid: randomUUID(),
    message: body.message,
    timestamp: at.toISOString(),
    depotCode: body.code,
    errors: body.errors,
  };
}

/** A preSerialization hook: runs before the route's response schema is applied, so that schema is xError's. */
export function mirrorErrorShape(now: () => number) {
  return async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) =>
    reply.statusCode >= 400 && isAgentError(payload)
      ? toMirrorError(reply.statusCode, payload, new Date(now()))
      : payload;
}
