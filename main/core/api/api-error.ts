// Every error leaves the API in one shape: {code, message, errors: [{field, message}]}.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../../preload/contract/dto.js';
import { isDiskFull } from '../db/index.js';
import type { Logger } from '../ports/logger.js';
import { ServiceError } from '../kernel/service-error.js';

/** A write refused for want of space (also said over the desktop bridge, main/shell/ipc/register-ipc.ts). */
export const DISK_FULL_MESSAGE =
  "The disk holding the agent's data is full, so nothing was changed. Free some space on it and try again; " +
  'the agent resumes by itself.';

export function errorBody(code: string, message: string, errors: ErrorBody['errors'] = []): ErrorBody {
  return { code, message, errors };
}

function fieldOf(context: string | undefined, instancePath: string): string {
  const path = instancePath.replace(/^\//, '').replace(/\//g, '.');
  // Body fields are named as in the body (like the domain's errors); query and path ones say where.
  const where = context === 'querystring' ? 'query' : context === 'params' ? 'path' : '';
  return [where, path].filter(Boolean).join('.');
}

export function createErrorHandler(logger: Logger) {
  return function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    if (error instanceof ServiceError) {
      if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
      if (error.status === 401) reply.header('www-authenticate', 'Bearer');
      return reply.status(error.status).send(errorBody(error.code, error.message, error.errors));
    }
    if (isDiskFull(error)) {
      // 507 Insufficient Storage: nothing was changed, and the same request succeeds once space is freed (not
      // logged per request: the log is on that full disk; the storage health logs the episode once).
      return reply.status(507).send(errorBody('DISK_FULL', DISK_FULL_MESSAGE));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => ({
        field: fieldOf(error.validationContext, v.instancePath),
        message: v.message ?? 'Not valid.',
      }));
      return reply.status(400).send(errorBody('VALIDATION_FAILED', 'The request is not valid.', errors));
    }
    if (isResponseSerializationError(error)) {
      logger.error('response did not match its schema', { url: request.url, error: String(error.cause) });
      return reply
        .status(500)
        .send(errorBody('INTERNAL', 'The agent produced an invalid answer; see the log.'));
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      logger.error('request failed', { method: request.method, url: request.url, error: error.message });
      return reply.status(500).send(errorBody('INTERNAL', 'Something went wrong in the agent; see the log.'));
    }
    const code =
      status === 413 ? 'BODY_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
    const message =
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
        ? 'The body is not valid JSON.'
        : error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? 'The body is empty; send a JSON object.'
          : status === 415
            ? 'Send the body as application/json.'
            : error.message;
    return reply.status(status).send(errorBody(code, message));
  };
}
