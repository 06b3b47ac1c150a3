// Small pieces shared by the route modules.
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
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
