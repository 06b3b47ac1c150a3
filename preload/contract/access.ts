// Who uses the agent and what they may do: operators (people signing in with a PIN or a password), scoped tokens
// (site systems' scripts), the access policy (the lowest role allowed for each remote and its risky variants),
// and the session a client holds. Secrets (PINs, passwords, tokens) go in, never out — except a new token, once.
import { z } from 'zod';
import {
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PIN_MAX_LENGTH,
  PIN_MIN_LENGTH,
  POLICY_KEYS,
  ROLES,
  type ActorRef,
} from './vocabulary.js';

export const roleSchema = z.enum(ROLES).meta({ id: 'Role' });

const name = z
  .string()
  .trim()
  .min(1, 'Give a name.')
  .max(NAME_MAX_LENGTH, `At most ${NAME_MAX_LENGTH} characters.`)
  .regex(/^[^\p{Cc}]*$/u, 'No control characters.');

export const pinSchema = z
  .string()
  .regex(
    new RegExp(`^\\d{${PIN_MIN_LENGTH},${PIN_MAX_LENGTH}}$`),
    `A PIN is ${PIN_MIN_LENGTH} to ${PIN_MAX_LENGTH} digits.`,
  );
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `A password has at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `At most ${PASSWORD_MAX_LENGTH} characters.`);

/** Who did something, as the audit log, the actions and the session name them. */
export const actorRefSchema = z
  .object({
    kind: z.enum(['operator', 'token', 'machine', 'system']),
    /** The operator's or token's id; null for the machine token and the agent itself. */
    id: z.string().nullable(),
    /** The operator's name, the token's label, "machine token", or the agent's part ("outbox"). */
    name: z.string(),
    role: roleSchema,
    /** A token's X-Depot-Operator: the person it says it acts for (not verified). */
    onBehalfOf: z.string().nullable().optional(),
  })
  .meta({ id: 'ActorRef' }) satisfies z.ZodType<ActorRef>;
export type ActorRefDto = ActorRef;

/** The supervisor (or admin) who approved a command on someone else's screen with their own PIN. */
export const approverRefSchema = z
  .object({ id: z.string(), name: z.string(), role: roleSchema })
  .meta({ id: 'ApproverRef' });

export const operatorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: roleSchema,
    /** How they sign in. */
    credential: z.enum(['pin', 'password']),
    enabled: z.boolean(),
    /** Locked after repeated wrong PINs, until `lockedUntil` or an admin unlocks. */
    lockedUntil: z.string().nullable(),
    failedAttempts: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    lastSignInAt: z.string().nullable(),
  })
  .meta({ id: 'Operator' });
export type OperatorDto = z.infer<typeof operatorSchema>;

export const operatorCreateSchema = z
  .strictObject({
    name,
    role: roleSchema,
    pin: pinSchema.optional(),
    password: passwordSchema.optional(),
  })
  .refine((b) => (b.pin === undefined) !== (b.password === undefined), {
    message: 'Give a PIN or a password (one of them).',
    path: ['pin'],
  });

export const operatorUpdateSchema = z
  .strictObject({
    name: name.optional(),
    role: roleSchema.optional(),
    enabled: z.boolean().optional(),
    /** An admin sets a new PIN (a forgotten one) or password; the operator's failures are cleared. */
    pin: pinSchema.optional(),
    password: passwordSchema.optional(),
  })
  .refine((b) => b.pin === undefined || b.password === undefined, {
    message: 'Give a PIN or a password, not both.',
    path: ['pin'],
  });

export const tokenSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    role: roleSchema,
    createdAt: z.string(),
    createdBy: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
export type TokenDto = z.infer<typeof tokenSchema>;

export const tokenCreatedSchema = tokenSchema
  .extend({ token: z.string().describe('The secret, shown this once: store it in the calling system.') })
  .meta({ id: 'ApiTokenCreated' });

export const tokenCreateSchema = z.strictObject({
  label: name,
  role: roleSchema,
  expiresAt: z.iso
    .datetime({ offset: true, error: 'Give an RFC 3339 date-time, e.g. 2027-01-05T08:00:00Z.' })
    .optional(),
});

const policyRules = z.object(
  Object.fromEntries(POLICY_KEYS.map((key) => [key, roleSchema])) as Record<
    (typeof POLICY_KEYS)[number],
    typeof roleSchema
  >,
);

export const policySchema = z
  .object({
    /** The lowest role allowed to send each remote (or variant). */
    rules: policyRules,
    /** Minutes without input after which the UI locks to the operator picker (0 = never). */
    idleLockMinutes: z.number().int(),
  })
  .meta({ id: 'AccessPolicy' });
export type PolicyDto = z.infer<typeof policySchema>;

export const policyInputSchema = z.strictObject({
  /** Rules not given keep their defaults. */
  rules: policyRules.partial().strict().optional(),
  idleLockMinutes: z.number().int().min(0).max(720).optional(),
});

export const sessionSchema = z
  .object({
    signedIn: z.boolean(),
    /** Who the session acts as (null when signed out). */
    actor: actorRefSchema.nullable(),
    /** This browser may sign operators in with a PIN (always true in the desktop app). */
    enrolled: z.boolean(),
    /** No operator exists yet: an admin should create the first one. */
    firstAdminNeeded: z.boolean(),
    /** Minutes without input before the UI locks (0 = never). */
    idleLockMinutes: z.number().int(),
    /** The lowest role for each remote (the policy's rules), so the UI can say who may; empty when signed out. */
    rules: policyRules.partial(),
  })
  .meta({ id: 'Session' });
export type SessionDto = z.infer<typeof sessionSchema>;

export const signInSchema = z.union([
  z.strictObject({ token: z.string().min(1).max(512) }),
  z.strictObject({
    operator: z.string().min(1).max(200).describe("The operator's name or id"),
    pin: z.string().min(1).max(PASSWORD_MAX_LENGTH).describe('Their PIN (or password)'),
  }),
]);

export const pinChangeSchema = z
  .strictObject({
    current: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    pin: pinSchema.optional(),
    password: passwordSchema.optional(),
  })
  .refine((b) => (b.pin === undefined) !== (b.password === undefined), {
    message: 'Give the new PIN or the new password (one of them).',
    path: ['pin'],
  });

export const signInOperatorSchema = z
  .object({ id: z.string(), name: z.string(), role: roleSchema, credential: z.enum(['pin', 'password']) })
  .meta({ id: 'SignInOperator' });
