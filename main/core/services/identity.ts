// What a session or a credential stands for, resolved at each request: an operator (as they are now: a role
// change or a disabling applies to open sessions at once), a scoped token (revoked or expired: nothing), or the
// machine token. Both transports keep principals, never actors, so nothing stale is trusted.
import { machineActor, type Actor } from '../kernel/actor.js';
import { operatorActor, type OperatorsService } from './operators-service.js';
import type { TokensService } from './tokens-service.js';

export type Principal =
  { kind: 'operator'; id: string } | { kind: 'token'; id: string } | { kind: 'machine' };

export interface Identity {
  /** The actor a principal stands for now; null when it no longer may act (disabled, revoked, expired). */
  resolve(principal: Principal, onBehalfOf?: string | null): Actor | null;
  /** The principal of an actor (to keep in a session). */
  principalOf(actor: Actor): Principal | null;
}

export function createIdentity(operators: OperatorsService, tokens: TokensService): Identity {
  return {
    resolve(principal, onBehalfOf = null) {
      switch (principal.kind) {
        case 'machine':
          return machineActor(onBehalfOf);
        case 'token':
          return tokens.live(principal.id, onBehalfOf);
        case 'operator': {
          const record = operators.live(principal.id);
          return record ? operatorActor(record) : null;
        }
      }
    },
    principalOf(actor) {
      if (actor.kind === 'machine') return { kind: 'machine' };
      if ((actor.kind === 'operator' || actor.kind === 'token') && actor.id)
        return { kind: actor.kind, id: actor.id };
      return null;
    },
  };
}
