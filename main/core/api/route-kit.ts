// Small pieces shared by the route modules.
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../preload/contract/dto.js';

export const idParam = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w.:~-]+$/, 'Ids are letters, digits and - _ . : ~ only.');

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('Items per page (1–500)'),
  offset: z.coerce.number().int().min(0).default(0).describe('Items to skip'),
});

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
