// Who may call what is decided by the route, never by how its URL is spelled: the hook below runs for the routes
// of the API plugin it is added to, whatever encoding, case or dot segments reached them, and lets through only
// routes that declare themselves public (`config: {public: true}`: health, the OpenAPI document, the session
// routes). Every other route needs a credential: the machine token or a scoped token as a bearer, or the session
// cookie a browser got by signing in (EventSource cannot send headers). What the caller may then do is the
// services' decision (kernel/access-guard.ts), by the role of the actor resolved here.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorKey } from '../domain/field-error.js';
import { machineActor, type Actor } from '../kernel/actor.js';
import { safeEqual } from '../kernel/safe-equal.js';
import { tooManyWrongTokens } from '../kernel/service-error.js';
import type { Identity } from '../services/identity.js';
import type { TokensService } from '../services/tokens-service.js';
import { errorBody } from './api-error.js';
import type { FailureLimiter } from './security/failure-limiter.js';
import { SESSION_COOKIE, type Sessions } from './security/sessions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers without a credential (it may still show more to an authenticated caller). */
    public?: boolean;
  }
  interface FastifyRequest {
    /** A valid credential came with the request. */
    authenticated: boolean;
    /** Who the credential stands for (without the request's reason or "on behalf of"); null when none. */
    caller: Actor | null;
  }
}

const unauthorized = (request: FastifyRequest, reply: FastifyReply, key: ErrorKey) =>
  reply
    .status(401)
    .header('www-authenticate', 'Bearer')
    .send(errorBody(request, 'UNAUTHORIZED', { key }));

export interface AuthDeps {
  /** The machine token (the api-token file): admin rights, for automation and recovery. */
  machineToken: string;
  limiter: FailureLimiter;
  sessions: Sessions;
  identity: Identity;
  tokens: Pick<TokensService, 'authenticate'>;
}

export function createAuthHook({ machineToken, limiter, sessions, identity, tokens }: AuthDeps) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply) {
    const isPublic = request.routeOptions.config.public === true;
    request.authenticated = false;
    request.caller = null;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const [scheme, value, extra] = header.split(' ');
      const bearer = scheme?.toLowerCase() === 'bearer' && value && extra === undefined ? value : null;
      if (bearer !== null) {
        const actor = safeEqual(bearer, machineToken) ? machineActor() : tokens.authenticate(bearer, null);
        if (actor) {
          request.authenticated = true;
          request.caller = actor;
          return;
        }
        const wait = limiter.fail(request.ip);
        // Answered by the API's error handler, with Retry-After.
        if (wait !== null) throw tooManyWrongTokens(wait);
      }
      if (isPublic) return;
      return unauthorized(request, reply, 'errors:code.UNAUTHORIZED.wrongToken');
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      const principal = sessions.get(cookie);
      const actor = principal ? identity.resolve(principal) : null;
      if (actor) {
        request.authenticated = true;
        request.caller = actor;
        return;
      }
      // A disabled operator or a revoked token: the session ends with it.
      if (principal) sessions.end(cookie);
    }
    if (isPublic) return;
    return unauthorized(request, reply, 'errors:code.UNAUTHORIZED');
  };
}
