// Small pieces shared by the route modules.
import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../../preload/contract/dto.js';

/** Defined with the operation registry (preload/contract/operations/fields.ts): one rule for every route. */
export { idParam } from '../../../preload/contract/operations/fields.js';

export const errors = <C extends number>(...codes: C[]) =>
  Object.fromEntries(codes.map((c) => [c, errorBodySchema])) as Record<C, typeof errorBodySchema>;

/**
 * Bodies whose rules need domain knowledge (aliases, cross-field rules, technician-worded messages) are
 * validated by the domain parsers in the service; the route schema still documents the spec form.
 */
export const domainValidatedBody: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === 'body'
    ? (data: unknown) => ({ value: data })
    : validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);

/**
 * Operations whose success answer is sent as the handler built it, without zod's check and re-encoding at each
 * answer. Everywhere else the answer is encoded through its schema (fastify-type-provider-zod's serializer): it
 * strips any field the schema does not name and refuses a wrong one. For the fleet list that check was a quarter of
 * the agent's CPU for the fleet page's read (5,000 vehicles, ~35 ms a request; docs/benchmarks.md, 3 December 2026,
 * session 2), and it guards nothing a test cannot: the items come from one typed mapper (VehiclesService.summaries,
 * its fields in the schema's order), and test/core/api/fleet-answer.test.ts holds the answer to the schema, byte
 * for byte against the zod-encoded one, across every condition. (Fastify's fast-json-stringify from the JSON schema,
 * the other way, was not tried: with the check gone, what is left is JSON.stringify's own cost, and a second
 * encoder would have to be kept equal to zod's output.) Error answers and any other status still go through zod.
 */
export const MAPPED_ANSWERS: ReadonlySet<string> = new Set(['listVehicles']);

/**
 * The JSON of each item of a mapped answer's page, by the item object: the fleet list answers the same object for a
 * vehicle while nothing it shows changed (VehiclesService.summaries), and such objects are never changed.
 */
const itemJson = new WeakMap<object, string>();

/**
 * JSON.stringify's own text for a page (`{items, …}`, items first), each item's part taken from the cache: the
 * same bytes, since JSON.stringify writes an object's array and fields one after the other, in order.
 */
function mappedJson(data: unknown): string {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return JSON.stringify(data);
  const { items, ...rest } = data as { items?: unknown };
  if (!Array.isArray(items) || Object.keys(data)[0] !== 'items') return JSON.stringify(data);
  const parts = items.map((item: unknown) => {
    if (typeof item !== 'object' || item === null) return JSON.stringify(item);
    let json = itemJson.get(item);
    if (json === undefined) itemJson.set(item, (json = JSON.stringify(item)));
    return json;
  });
  const tail = JSON.stringify(rest);
  return `{"items":[${parts.join(',')}]${tail === '{}' ? '' : `,${tail.slice(1, -1)}`}}`;
}

export const mappedAnswerSerializer =
  (successStatus: number): FastifySerializerCompiler<unknown> =>
  (route) =>
    route.httpStatus === String(successStatus)
      ? mappedJson
      : serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
