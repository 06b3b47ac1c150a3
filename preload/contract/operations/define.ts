// One operation of the local API and the desktop bridge, defined once: its HTTP route, its input (path, query,
// body, the X-Depot-* headers), its answer and the change events it raises. Everything else is derived from the
// entries: the Fastify routes and OpenAPI, the IPC handlers and their argument check, the preload bridge, the
// renderer's HTTP client, and the client type. See docs/decisions.md (18).
import { z } from 'zod';
import type { ChangeEventName } from '../events.js';
import type { FileStream, StreamType } from '../export.js';

export type { FileStream, StreamType };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type SuccessStatus = 200 | 201 | 202 | 204;
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 502 | 503 | 507;

/**
 * Bodies whose rules need domain knowledge (aliases, cross-field rules, technician-worded messages): no transport
 * refuses them, the core's domain parser does. OpenAPI shows the domain schema the core names for each.
 */
export const DOMAIN_BODIES = [
  'CallbackBody',
  'CallbackReplaceBody',
  'CallbackStatusBody',
  'RemoteBody',
] as const;
export type DomainBodyName = (typeof DOMAIN_BODIES)[number];

export type ObjectSchema = z.ZodObject<z.core.$ZodShape, z.core.$ZodObjectConfig>;

export interface OperationInputSpec {
  /** Path parameters: their names are the path's {placeholders}. */
  params?: ObjectSchema;
  /** The query string: numbers and booleans are read from their text over HTTP. */
  query?: ObjectSchema;
  /** The JSON body, `body` in the input object. */
  body?: z.ZodType;
  /** Instead of `body`: a body the domain validates (see DOMAIN_BODIES). */
  domainBody?: DomainBodyName;
  /**
   * X-Depot-Operator / X-Depot-Reason, `operator` and `reason` in the input object (for the audit log);
   * X-Depot-Approver / X-Depot-Approver-Pin, `approver` and `approverPin` (a supervisor approving on this screen).
   */
  headers?: { operator?: true; reason?: true; approval?: true };
}

export interface OperationSpec {
  /** The OpenAPI operationId, the IPC method and the client method. */
  name: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  http: {
    method: HttpMethod;
    /** OpenAPI form, under /api/v1: '/callbacks/{cbid}'. */
    path: string;
    /** The success status; 204 answers nothing (output NO_CONTENT). */
    status: SuccessStatus;
    /** Answers without a credential (it may still show more to an authenticated caller). */
    public?: boolean;
    /**
     * A second answer, chosen by a boolean query field (startBulkRemote's `dryRun=true` answers 200 with a plan
     * instead of 202): its status and its shape. The client's type is the union of both outputs.
     */
    alternate?: { whenQuery: string; status: SuccessStatus; output: z.ZodType };
    /** The answer is this text type instead of JSON (`output` is then a string): a report to download. */
    produces?: 'text/csv';
    /**
     * The name a download is saved under, with the path's {placeholders} filled in: 'bulk-{bulkId}.csv'. On a JSON
     * answer, the other {placeholders} are the answer's own fields: 'depot-remote-support-{createdAt}.json'.
     */
    filename?: string;
    /**
     * The answer is a file written as it is produced (an export), in one of these types: the handler returns a
     * FileStream, which HTTP sends chunk by chunk (bounded memory); the bridge answers the whole text (`output`
     * is then a string).
     */
    stream?: readonly StreamType[];
  };
  input?: OperationInputSpec;
  output: z.ZodType;
  /** The error statuses it can answer (documented in OpenAPI). */
  errors: readonly ErrorStatus[];
  /** The change events it raises (documented in OpenAPI as x-events). */
  events?: readonly ChangeEventName[];
}

/** The output of a 204 operation. */
export const NO_CONTENT = z.void();

/** A set of operations by name (OPERATIONS, or OPERATIONS plus a test's own). */
export type OperationRegistry = Readonly<Record<string, OperationSpec>>;

/** The {placeholders} of a path, in order. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

const INPUT_HEADER_KEYS = ['operator', 'reason', 'approver', 'approverPin'] as const;
const HEADER_OF_KEY = {
  operator: 'operator',
  reason: 'reason',
  approver: 'approval',
  approverPin: 'approval',
} as const;

/** Returns the entry frozen, after checking what types cannot: placeholders, input keys, body rules. */
export function defineOperation<const Op extends OperationSpec>(op: Op): Readonly<Op> {
  const where = `operation ${op.name}`;
  const input = op.input ?? {};
  const placeholders = pathParams(op.http.path).sort();
  const params = Object.keys(input.params?.shape ?? {}).sort();
  if (placeholders.join() !== params.join()) {
    throw new Error(`${where}: path {${placeholders.join('}, {')}} and params (${params.join(', ')}) differ`);
  }
  if (input.body && input.domainBody) throw new Error(`${where}: give body or domainBody, not both`);
  if ((input.body || input.domainBody) && op.http.method === 'GET')
    throw new Error(`${where}: GET has no body`);
  if ((op.http.status === 204) !== (op.output === NO_CONTENT)) {
    throw new Error(`${where}: a 204 answers NO_CONTENT, and only a 204 does`);
  }
  const alternate = op.http.alternate;
  if (alternate && !(alternate.whenQuery in (input.query?.shape ?? {}))) {
    throw new Error(
      `${where}: the alternate answer's query field ${alternate.whenQuery} is not in its query`,
    );
  }
  if (op.http.stream && (op.http.produces || alternate)) {
    throw new Error(`${where}: a streamed answer has its own types, and no alternate`);
  }
  if (alternate && alternate.status === op.http.status) {
    throw new Error(`${where}: the alternate answer needs a status of its own`);
  }
  const keys = [
    ...params,
    ...Object.keys(input.query?.shape ?? {}),
    ...(input.body || input.domainBody ? ['body'] : []),
    ...INPUT_HEADER_KEYS.filter((k) => input.headers?.[HEADER_OF_KEY[k]]),
  ];
  const twice = keys.filter((k, i) => keys.indexOf(k) !== i);
  if (twice.length > 0) throw new Error(`${where}: input field ${twice[0]} is given twice`);
  return Object.freeze(op);
}

// ── Types derived from an entry ─────────────────────────────────────────────────────────────────────────────

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type InputSpecOf<Op> = Op extends { input: infer I } ? I : unknown;

type PartIn<I, K extends 'params' | 'query'> = I extends { [P in K]: infer S extends z.ZodType }
  ? z.input<S>
  : unknown;
type PartOut<I, K extends 'params' | 'query'> = I extends { [P in K]: infer S extends z.ZodType }
  ? z.output<S>
  : unknown;
type BodyIn<I> = I extends { domainBody: DomainBodyName }
  ? { body: Record<string, unknown> }
  : I extends { body: infer S extends z.ZodType }
    ? { body: z.input<S> }
    : unknown;
type BodyOut<I> = I extends { domainBody: DomainBodyName }
  ? { body: unknown }
  : I extends { body: infer S extends z.ZodType }
    ? { body: z.output<S> }
    : unknown;
type HeadersIn<I> = I extends { headers: infer H }
  ? (H extends { operator: true } ? { operator?: string } : unknown) &
      (H extends { reason: true } ? { reason?: string } : unknown) &
      (H extends { approval: true } ? { approver?: string; approverPin?: string } : unknown)
  : unknown;

/**
 * What a client gives: path and query parameters, `body`, and `operator`/`reason`/`approver`/`approverPin` (the
 * X-Depot-* headers).
 */
export type InputOf<Op> = Simplify<
  PartIn<InputSpecOf<Op>, 'params'> &
    PartIn<InputSpecOf<Op>, 'query'> &
    BodyIn<InputSpecOf<Op>> &
    HeadersIn<InputSpecOf<Op>>
>;

/** What the core's handler gets: the checked input (defaults applied) without the actor, which comes apart. */
export type HandlerInputOf<Op> = Simplify<
  PartOut<InputSpecOf<Op>, 'params'> & PartOut<InputSpecOf<Op>, 'query'> & BodyOut<InputSpecOf<Op>>
>;

type AlternateOutputOf<Op> = Op extends { http: { alternate: { output: infer A extends z.ZodType } } }
  ? z.output<A>
  : never;

/** The success answer (either of the two where the operation has an alternate one). */
export type OutputOf<Op> = Op extends { http: { status: 204 } }
  ? void
  : Op extends { output: infer O extends z.ZodType }
    ? z.output<O> | AlternateOutputOf<Op>
    : never;

/** What the core's handler answers: a FileStream for a streamed operation, else its output. */
export type HandlerOutputOf<Op> = Op extends { http: { stream: readonly StreamType[] } }
  ? FileStream
  : OutputOf<Op>;

/** One client method: the input object is optional when every field of it is. */
export type OperationCall<Op> =
  Partial<InputOf<Op>> extends InputOf<Op>
    ? (input?: InputOf<Op>) => Promise<OutputOf<Op>>
    : (input: InputOf<Op>) => Promise<OutputOf<Op>>;

/** A client of every operation of a registry. */
export type ClientOf<R> = { [K in keyof R]: OperationCall<R[K]> };
