// Every registry entry as a route of the /api/v1 plugin: method and path, its schemas (params, query, body,
// the X-Depot-* headers it reads, the answer per status) for validation and OpenAPI, operationId = the name,
// and public entries marked so the auth hook (auth.ts) lets them through. The handler is the core's, the same
// one the desktop bridge calls.
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type {
  FileStream,
  ObjectSchema,
  OperationRegistry,
  OperationSpec,
} from '../../../preload/contract/operations/define.js';
import { DOMAIN_BODY_SCHEMAS } from '../operations/domain-bodies.js';
import type { OperationHandler, OperationHandlers } from '../operations/ports.js';
import type { SessionPort } from '../operations/ports.js';
import type { FailureLimiter } from './security/failure-limiter.js';
import { ENROLMENT_COOKIE, ENROLMENT_MAX_AGE_S, SESSION_COOKIE, type Sessions } from './security/sessions.js';
import { OPERATOR_MAX_LENGTH, REASON_MAX_LENGTH } from '../../../preload/contract/vocabulary.js';
import { actorOf } from './request-actor.js';
import { domainValidatedBody, errors, MAPPED_ANSWERS, mappedAnswerSerializer } from './route-kit.js';

export interface OperationRoutesOptions<R extends OperationRegistry> {
  registry: R;
  handlers: OperationHandlers<R>;
}

/** What the HTTP transport keeps for a client's session: the cookies, and the wrong-token counter. */
export interface HttpSessionDeps {
  sessions: Sessions;
  limiter: FailureLimiter;
}

/** The session port over HTTP: the session and enrolment cookies (HttpOnly, SameSite=Strict, under /api). */
export function httpSession(req: FastifyRequest, reply: FastifyReply, deps: HttpSessionDeps): SessionPort {
  // Over TLS the cookies never travel in clear; on loopback there is no wire to protect.
  const base = {
    httpOnly: true,
    sameSite: 'strict' as const,
    path: '/api',
    secure: req.protocol === 'https',
  };
  const current = req.cookies[SESSION_COOKIE];
  return {
    transport: 'http',
    enrolmentSecret: req.cookies[ENROLMENT_COOKIE] ?? null,
    start(principal) {
      if (current) deps.sessions.end(current);
      reply.setCookie(SESSION_COOKIE, deps.sessions.start(principal), base);
    },
    end() {
      if (current) deps.sessions.end(current);
      reply.clearCookie(SESSION_COOKIE, { path: '/api' });
    },
    setEnrolment(secret) {
      reply.setCookie(ENROLMENT_COOKIE, secret, { ...base, maxAge: ENROLMENT_MAX_AGE_S });
    },
    tokenFailed: () => deps.limiter.fail(req.ip),
  };
}

/** '/callbacks/{cbid}' → '/callbacks/:cbid'. */
export const fastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

type Scalar = 'number' | 'boolean' | 'array';

/** The top-level fields of an object schema that are numbers, booleans or lists (behind optional, default…). */
function scalarFields(schema: ObjectSchema | undefined): [string, Scalar][] {
  if (!schema) return [];
  const kindOf = (field: z.ZodType): Scalar | null => {
    const def = field._zod.def as { type: string; innerType?: z.ZodType };
    if (def.type === 'number' || def.type === 'boolean' || def.type === 'array') return def.type;
    return def.innerType ? kindOf(def.innerType) : null;
  };
  return Object.entries(schema.shape).flatMap(([key, field]) => {
    const kind = kindOf(field as z.ZodType);
    return kind ? [[key, kind] as [string, Scalar]] : [];
  });
}

/**
 * Path and query values arrive as text: numbers are read as z.coerce.number() reads them, booleans from
 * "true"/"false", lists from repeated parameters, comma-separated values or both (`?state=A,B&state=C`); anything
 * else is left for the schema to refuse.
 */
function readScalars(values: unknown, fields: [string, Scalar][]): unknown {
  if (typeof values !== 'object' || values === null || fields.length === 0) return values;
  const out: Record<string, unknown> = { ...(values as Record<string, unknown>) };
  for (const [key, kind] of fields) {
    const value = out[key];
    if (kind === 'array') {
      const texts = typeof value === 'string' ? [value] : value;
      if (Array.isArray(texts) && texts.every((t) => typeof t === 'string'))
        out[key] = texts.flatMap((t: string) => t.split(',').map((part) => part.trim())).filter(Boolean);
      continue;
    }
    if (typeof value !== 'string') continue;
    if (kind === 'number') out[key] = Number(value);
    else if (value === 'true' || value === 'false') out[key] = value === 'true';
  }
  return out;
}

function actorHeaders(op: OperationSpec) {
  const headers = op.input?.headers;
  if (!headers) return undefined;
  // Documented, never refused here: request-actor.ts decodes and checks them (URI-encoded names are longer).
  return z.object({
    ...(headers.operator
      ? {
          'x-depot-operator': z
            .string()
            .optional()
            .describe(
              `For tokens: the person they act for, recorded beside the token's label (at most ${OPERATOR_MAX_LENGTH} ` +
                'characters; URI-encode non-ASCII). Ignored for signed-in operators.',
            ),
        }
      : {}),
    ...(headers.approval
      ? {
          'x-depot-approver': z
            .string()
            .optional()
            .describe('A supervisor (name or id) approving this one request on this session'),
          'x-depot-approver-pin': z.string().optional().describe("The approver's PIN (or password)"),
        }
      : {}),
    ...(headers.reason
      ? {
          'x-depot-reason': z
            .string()
            .optional()
            .describe(
              `Why, kept in the audit log (at most ${REASON_MAX_LENGTH} characters; URI-encode non-ASCII)`,
            ),
        }
      : {}),
  });
}

export function operationRoute(
  name: string,
  op: OperationSpec,
  handler: OperationHandler<OperationSpec>,
  session: HttpSessionDeps,
): RouteOptions {
  const input = op.input ?? {};
  const { status } = op.http;
  const hasBody = Boolean(input.body || input.domainBody);
  const queryFields = scalarFields(input.query);
  const paramFields = scalarFields(input.params);
  const headers = actorHeaders(op);
  const schema = {
    operationId: name,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [...op.tags],
    ...(op.http.public ? { security: [] } : {}),
    ...(input.params ? { params: input.params } : {}),
    ...(input.query ? { querystring: input.query } : {}),
    ...(input.body ? { body: input.body } : {}),
    ...(input.domainBody ? { body: DOMAIN_BODY_SCHEMAS[input.domainBody] } : {}),
    ...(headers ? { headers } : {}),
    response: {
      // A text answer (a CSV report) is documented under its own media type, not as JSON.
      [status]:
        status === 204
          ? z.null()
          : op.http.stream
            ? { content: Object.fromEntries(op.http.stream.map((type) => [type, { schema: op.output }])) }
            : op.http.produces
              ? { content: { [op.http.produces]: { schema: op.output } } }
              : op.output,
      ...(op.http.alternate ? { [op.http.alternate.status]: op.http.alternate.output } : {}),
      ...errors(...op.errors),
    },
    ...(op.events?.length ? { 'x-events': [...op.events] } : {}),
  };
  return {
    method: op.http.method,
    url: fastifyPath(op.http.path),
    config: op.http.public ? { public: true } : {},
    schema,
    ...(input.domainBody ? { validatorCompiler: domainValidatedBody } : {}),
    ...(MAPPED_ANSWERS.has(name) ? { serializerCompiler: mappedAnswerSerializer(status) } : {}),
    ...(queryFields.length + paramFields.length > 0
      ? {
          preValidation: async (req: FastifyRequest) => {
            if (queryFields.length > 0) req.query = readScalars(req.query, queryFields);
            if (paramFields.length > 0) req.params = readScalars(req.params, paramFields);
          },
        }
      : {}),
    handler: async (req: FastifyRequest, reply: FastifyReply) => {
      const value = await handler(
        {
          ...(input.params ? (req.params as object) : {}),
          ...(input.query ? (req.query as object) : {}),
          ...(hasBody ? { body: req.body } : {}),
        },
        {
          actor: actorOf(req, { approval: input.headers?.approval === true }),
          authenticated: req.authenticated === true,
          session: httpSession(req, reply, session),
        },
      );
      const { alternate, produces, stream } = op.http;
      if (stream) {
        // A file written as it is read (an export): checked and authorised before this, so any refusal is still
        // an ordinary error answer; then each chunk goes out as the socket takes it (the stream's back-pressure
        // paces the reads). The file name is the core's, of [\w.-] only.
        const file = value as unknown as FileStream;
        return reply
          .status(status)
          .type(`${file.type}; charset=utf-8`)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(Readable.from(file.chunks, { objectMode: false }));
      }
      const asked =
        alternate && (req.query as Record<string, unknown> | undefined)?.[alternate.whenQuery] === true;
      if (produces) {
        // Text to download (a report): sent as is, under the operation's file name (ids are [\w.:~-] only, so
        // nothing in it needs quoting), else the path's last segment.
        const params = (req.params ?? {}) as Record<string, unknown>;
        const filename = (op.http.filename ?? op.http.path.split('/').pop()!).replace(
          /\{(\w+)\}/g,
          (_m, k: string) => String(params[k] ?? ''),
        );
        return reply
          .status(status)
          .type(`${produces}; charset=utf-8`)
          .header('content-disposition', `attachment; filename="${filename}"`)
          .serializer((text: unknown) => String(text))
          .send(value);
      }
      const answer = asked ? alternate.status : status;
      if (op.http.filename && answer !== 204) {
        // A JSON file to save (the support bundle): named from the answer's fields, kept to [\w.-] so nothing in
        // the header needs quoting ('2026-03-01T10:00:00.000Z' becomes '2026-03-01T100000.000Z').
        const fields = { ...(value as Record<string, unknown>), ...((req.params ?? {}) as object) };
        const filename = op.http.filename.replace(/\{(\w+)\}/g, (_m, k: string) =>
          String((fields as Record<string, unknown>)[k] ?? '').replace(/[^\w.-]/g, ''),
        );
        reply.header('content-disposition', `attachment; filename="${filename}"`);
      }
      return reply.status(answer).send(answer === 204 ? null : value);
    },
  } as RouteOptions;
}

/** Registers every entry of the registry with its handler. */
export function operationRoutes<R extends OperationRegistry>(
  { registry, handlers }: OperationRoutesOptions<R>,
  session: HttpSessionDeps,
): FastifyPluginAsyncZod {
  return async (app) => {
    for (const [name, op] of Object.entries(registry)) {
      const handler = (handlers as Record<string, OperationHandler<OperationSpec> | undefined>)[name];
      if (!handler) throw new Error(`No handler for operation ${name}`);
      app.route(operationRoute(name, op, handler, session));
    }
  };
}
