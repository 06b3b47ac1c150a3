// Operators, scoped tokens, the access policy and the session: who may use the agent, and as whom a client acts.
// The session operations are public (signing in is how a client gets a session) but each says what it needs.
import { z } from 'zod';
import {
  operatorCreateSchema,
  operatorSchema,
  operatorUpdateSchema,
  pinChangeSchema,
  policyInputSchema,
  policySchema,
  sessionSchema,
  signInOperatorSchema,
  signInSchema,
  tokenCreatedSchema,
  tokenCreateSchema,
  tokenSchema,
} from '../access.js';
import { defineOperation, NO_CONTENT } from './define.js';
import { idParam } from './fields.js';

const operatorId = z.object({ id: idParam.describe('Operator id') });

export const getSession = defineOperation({
  name: 'getSession',
  summary: 'Who is signed in, with which role; whether this browser is enrolled for PIN sign-in',
  tags: ['session'],
  http: { method: 'GET', path: '/session', status: 200, public: true },
  output: sessionSchema,
  errors: [429],
});

export const signIn = defineOperation({
  name: 'signIn',
  summary: 'Sign in with the API token, or as an operator with a PIN (enrolled browsers and the desktop app)',
  description:
    'Sets an HttpOnly, SameSite=Strict session cookie. `{operator, pin}` needs an enrolled browser (403 ' +
    'NOT_ENROLLED otherwise). Repeated wrong PINs lock that operator (429 OPERATOR_LOCKED with Retry-After), ' +
    'the correct PIN included, until the lock ends or an admin unlocks; other operators are unaffected.',
  tags: ['session'],
  http: { method: 'POST', path: '/session', status: 200, public: true },
  input: { body: signInSchema },
  output: sessionSchema,
  errors: [400, 401, 403, 415, 429],
  events: ['audit.appended'],
});

export const signOut = defineOperation({
  name: 'signOut',
  summary: 'Sign out (the session ends; an enrolled browser stays enrolled)',
  tags: ['session'],
  http: { method: 'DELETE', path: '/session', status: 204, public: true },
  output: NO_CONTENT,
  errors: [403],
});

export const listSignInOperators = defineOperation({
  name: 'listSignInOperators',
  summary: 'Names and roles of the operators who may sign in here (the sign-in picker)',
  description:
    'Only for enrolled browsers, the desktop app and signed-in clients (403 NOT_ENROLLED otherwise).',
  tags: ['session'],
  http: { method: 'GET', path: '/session/operators', status: 200, public: true },
  output: z.object({ items: z.array(signInOperatorSchema) }),
  errors: [403, 429],
});

export const enrolBrowser = defineOperation({
  name: 'enrolBrowser',
  summary: 'Enrol this browser for PIN sign-in (admin session or the machine token)',
  description:
    'Sets a long-lived HttpOnly enrolment cookie. Over the desktop bridge there is nothing to enrol.',
  tags: ['session'],
  http: { method: 'POST', path: '/session/enrol', status: 204 },
  output: NO_CONTENT,
  errors: [401, 403],
  events: ['audit.appended'],
});

export const changeOwnPin = defineOperation({
  name: 'changeOwnPin',
  summary: "Change the signed-in operator's own PIN or password",
  tags: ['session'],
  http: { method: 'PUT', path: '/session/pin', status: 204 },
  input: { body: pinChangeSchema },
  output: NO_CONTENT,
  errors: [400, 401, 403, 429],
  events: ['audit.appended'],
});

export const listOperators = defineOperation({
  name: 'listOperators',
  summary: 'Every operator, disabled ones included (admin)',
  tags: ['operators'],
  http: { method: 'GET', path: '/operators', status: 200 },
  output: z.object({ items: z.array(operatorSchema) }),
  errors: [401, 403],
});

export const createOperator = defineOperation({
  name: 'createOperator',
  summary: 'Add an operator with a PIN (6+ digits) or a password (admin)',
  tags: ['operators'],
  http: { method: 'POST', path: '/operators', status: 201 },
  input: { body: operatorCreateSchema },
  output: operatorSchema,
  errors: [400, 401, 403, 409],
  events: ['audit.appended'],
});

export const getOperator = defineOperation({
  name: 'getOperator',
  summary: 'One operator (admin)',
  tags: ['operators'],
  http: { method: 'GET', path: '/operators/{id}', status: 200 },
  input: { params: operatorId },
  output: operatorSchema,
  errors: [400, 401, 403, 404],
});

export const updateOperator = defineOperation({
  name: 'updateOperator',
  summary: "Change an operator's name, role, enabled state, or set a new PIN (admin)",
  description:
    'Fields not given are kept. The last enabled admin cannot be disabled or lose the admin role (409).',
  tags: ['operators'],
  http: { method: 'PUT', path: '/operators/{id}', status: 200 },
  input: { params: operatorId, body: operatorUpdateSchema },
  output: operatorSchema,
  errors: [400, 401, 403, 404, 409],
  events: ['audit.appended'],
});

export const deleteOperator = defineOperation({
  name: 'deleteOperator',
  summary: 'Remove an operator (kept, disabled, in the audit log); never the last admin (admin)',
  tags: ['operators'],
  http: { method: 'DELETE', path: '/operators/{id}', status: 204 },
  input: { params: operatorId },
  output: NO_CONTENT,
  errors: [400, 401, 403, 404, 409],
  events: ['audit.appended'],
});

export const unlockOperator = defineOperation({
  name: 'unlockOperator',
  summary: 'Clear an operator locked by wrong PINs (admin)',
  tags: ['operators'],
  http: { method: 'POST', path: '/operators/{id}/unlock', status: 200 },
  input: { params: operatorId },
  output: operatorSchema,
  errors: [400, 401, 403, 404],
  events: ['audit.appended'],
});

export const listTokens = defineOperation({
  name: 'listTokens',
  summary: 'Scoped API tokens, without their secrets (admin)',
  tags: ['tokens'],
  http: { method: 'GET', path: '/tokens', status: 200 },
  output: z.object({ items: z.array(tokenSchema) }),
  errors: [401, 403],
});

export const createToken = defineOperation({
  name: 'createToken',
  summary: 'Create a token for a site system with a role; the secret is answered this once (admin)',
  tags: ['tokens'],
  http: { method: 'POST', path: '/tokens', status: 201 },
  input: { body: tokenCreateSchema },
  output: tokenCreatedSchema,
  errors: [400, 401, 403],
  events: ['audit.appended'],
});

export const revokeToken = defineOperation({
  name: 'revokeToken',
  summary: 'Revoke a token: it is refused (401) from now on (admin)',
  tags: ['tokens'],
  http: { method: 'DELETE', path: '/tokens/{id}', status: 204 },
  input: { params: z.object({ id: idParam.describe('Token id') }) },
  output: NO_CONTENT,
  errors: [400, 401, 403, 404],
  events: ['audit.appended'],
});

export const getPolicy = defineOperation({
  name: 'getPolicy',
  summary: 'The access policy: the lowest role allowed for each remote, and the idle lock (admin)',
  tags: ['policy'],
  http: { method: 'GET', path: '/policy', status: 200 },
  output: policySchema,
  errors: [401, 403],
});

export const putPolicy = defineOperation({
  name: 'putPolicy',
  summary: 'Change the access policy (admin); applies at once',
  description: 'Rules not given go back to their defaults. No remote can be given to viewers (422).',
  tags: ['policy'],
  http: { method: 'PUT', path: '/policy', status: 200 },
  input: { body: policyInputSchema },
  output: policySchema,
  errors: [400, 401, 403, 422],
  events: ['audit.appended'],
});
