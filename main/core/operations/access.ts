// Session, operators, tokens and the policy. Signing in is the one place a transport's session is started: the
// checks (machine token, scoped token, enrolment, PIN and its lock) are here, the same over HTTP and the bridge;
// the transport only keeps what it is told to keep (SessionPort).
import type { SessionDto } from '../../../preload/contract/access.js';
import { actorRef, type Actor } from '../kernel/actor.js';
import { safeEqual } from '../kernel/safe-equal.js';
import { ServiceError, tooManyWrongTokens } from '../kernel/service-error.js';
import type { AccessGuard } from '../kernel/access-guard.js';
import type { EnrolmentsService } from '../services/enrolments-service.js';
import type { Principal } from '../services/identity.js';
import type { OperatorsService } from '../services/operators-service.js';
import type { TokensService } from '../services/tokens-service.js';
import type { OperationContext, OperationHandlers } from './ports.js';

type AccessOperations =
  | 'getSession'
  | 'signIn'
  | 'signOut'
  | 'listSignInOperators'
  | 'enrolBrowser'
  | 'changeOwnPin'
  | 'listOperators'
  | 'createOperator'
  | 'getOperator'
  | 'updateOperator'
  | 'deleteOperator'
  | 'unlockOperator'
  | 'listTokens'
  | 'createToken'
  | 'revokeToken'
  | 'getPolicy'
  | 'putPolicy';

export interface AccessHandlerDeps {
  access: AccessGuard;
  operators: OperatorsService;
  tokens: TokensService;
  enrolments: EnrolmentsService;
  /** The machine token (the api-token file), which signs in as admin; null where there is none. */
  machineToken: string | null;
}

export function accessHandlers({
  access,
  operators,
  tokens,
  enrolments,
  machineToken,
}: AccessHandlerDeps): Pick<OperationHandlers, AccessOperations> {
  const enrolled = (ctx: OperationContext) =>
    ctx.session.transport === 'bridge' || enrolments.has(ctx.session.enrolmentSecret);

  function view(actor: Actor | null, ctx: OperationContext): SessionDto {
    const signedIn = actor !== null && actor.kind !== 'anonymous';
    const policy = access.policy();
    return {
      signedIn,
      actor: signedIn ? actorRef(actor) : null,
      enrolled: enrolled(ctx),
      firstAdminNeeded: !operators.any(),
      idleLockMinutes: policy.idleLockMinutes,
      rules: signedIn ? policy.rules : {},
    };
  }

  function tokenRefused(ctx: OperationContext): never {
    const wait = ctx.session.tokenFailed();
    if (wait !== null) throw tooManyWrongTokens(wait);
    throw new ServiceError(401, 'UNAUTHORIZED', {
      errors: [{ field: 'token', rule: 'token.notValid' }],
      key: 'errors:code.UNAUTHORIZED.notMachineToken',
    });
  }

  return {
    getSession: (_input, ctx) => view(ctx.authenticated ? ctx.actor : null, ctx),

    signIn: async ({ body }, ctx) => {
      let principal: Principal;
      let actor: Actor;
      if ('token' in body) {
        const scoped = tokens.authenticate(body.token, null);
        if (machineToken !== null && safeEqual(body.token, machineToken)) {
          principal = { kind: 'machine' };
          actor = { operator: 'machine token', kind: 'machine', id: null, role: 'admin' };
        } else if (scoped) {
          principal = { kind: 'token', id: scoped.id! };
          actor = scoped;
        } else {
          tokenRefused(ctx);
        }
        operators.signedIn(actor, 'token');
      } else {
        if (!enrolled(ctx)) {
          throw new ServiceError(403, 'NOT_ENROLLED', { key: 'errors:code.NOT_ENROLLED.signIn' });
        }
        const record = await operators.verify(body.operator, body.pin, 'sign-in');
        principal = { kind: 'operator', id: record.id };
        actor = { operator: record.name, kind: 'operator', id: record.id, role: record.role };
        operators.signedIn(actor, 'pin');
      }
      ctx.session.start(principal);
      return view(actor, ctx);
    },

    signOut: (_input, ctx) => {
      ctx.session.end();
    },

    listSignInOperators: (_input, ctx) => {
      if (!ctx.authenticated && !enrolled(ctx)) {
        throw new ServiceError(403, 'NOT_ENROLLED');
      }
      return { items: operators.signInList() };
    },

    enrolBrowser: (_input, ctx) => {
      access.require(ctx.actor, 'admin', 'session.enrol');
      if (ctx.session.transport === 'bridge') return;
      ctx.session.setEnrolment(enrolments.create(ctx.actor));
    },

    changeOwnPin: async ({ body }, { actor }) => {
      await operators.changeOwn(actor, body.current, { pin: body.pin, password: body.password });
    },

    listOperators: (_input, { actor }) => ({ items: operators.list(actor) }),
    createOperator: ({ body }, { actor }) => operators.create(actor, body),
    getOperator: ({ id }, { actor }) => operators.get(actor, id),
    updateOperator: ({ id, body }, { actor }) => operators.update(actor, id, body),
    deleteOperator: ({ id }, { actor }) => operators.remove(actor, id),
    unlockOperator: ({ id }, { actor }) => operators.unlock(actor, id),

    listTokens: (_input, { actor }) => ({ items: tokens.list(actor) }),
    createToken: ({ body }, { actor }) => tokens.create(actor, body),
    revokeToken: ({ id }, { actor }) => tokens.revoke(actor, id),

    getPolicy: (_input, { actor }) => {
      access.require(actor, 'admin', 'policy.read');
      return access.policy();
    },
    putPolicy: ({ body }, { actor }) => access.putPolicy(actor, body),
  };
}
