// The whole input of an operation as one strict object — what the desktop bridge checks each call against — and
// the names its refusals give each field, the same as the HTTP API's (path.x, query.x, body fields as in the
// body, the header names), so a form reads an error the same way whichever transport carried it.
import { z } from 'zod';
import { OPERATOR_MAX_LENGTH, PASSWORD_MAX_LENGTH, REASON_MAX_LENGTH } from '../vocabulary.js';
import type { OperationSpec } from './define.js';

/** X-Depot-Operator: who does it, for the audit log. */
export const operatorInput = z.string().max(OPERATOR_MAX_LENGTH);
/** X-Depot-Reason: why (required by the domain for immobilization and stolen). */
export const reasonInput = z.string().max(REASON_MAX_LENGTH);

/** X-Depot-Approver: the name or id of the supervisor approving this one request on this screen… */
export const approverInput = z.string().min(1).max(200);
/** …and X-Depot-Approver-Pin: their PIN (or password), checked like a sign-in. */
export const approverPinInput = z.string().min(1).max(PASSWORD_MAX_LENGTH);

const cache = new WeakMap<OperationSpec, z.ZodType>();

/** params ∪ query ∪ {body} ∪ {operator?, reason?, approver?, approverPin?}; unknown keys refused. */
export function inputSchemaOf(op: OperationSpec): z.ZodType {
  const known = cache.get(op);
  if (known) return known;
  const input = op.input ?? {};
  const schema = z.strictObject({
    ...(input.params?.shape ?? {}),
    ...(input.query?.shape ?? {}),
    // A domain body is the domain's to refuse (it words its own messages): any value goes through.
    ...(input.domainBody ? { body: z.unknown() } : input.body ? { body: input.body } : {}),
    ...(input.headers?.operator ? { operator: operatorInput.optional() } : {}),
    ...(input.headers?.reason ? { reason: reasonInput.optional() } : {}),
    ...(input.headers?.approval
      ? { approver: approverInput.optional(), approverPin: approverPinInput.optional() }
      : {}),
  });
  cache.set(op, schema);
  return schema;
}

/** The field an issue of inputSchemaOf(op) is about, named as the HTTP API names it. */
export function inputFieldOf(op: OperationSpec, path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  if (head === undefined) return '';
  const input = op.input ?? {};
  const tail = rest.length > 0 ? `.${rest.join('.')}` : '';
  if (input.params && head in input.params.shape) return `path.${head}${tail}`;
  if (input.query && head in input.query.shape) return `query.${head}${tail}`;
  if (head === 'operator') return 'x-depot-operator';
  if (head === 'reason') return 'x-depot-reason';
  if (head === 'approver') return 'x-depot-approver';
  if (head === 'approverPin') return 'x-depot-approver-pin';
  if (head === 'body') return rest.join('.');
  return head + tail;
}

/** A failed check as the API's field errors. */
export function inputErrorsOf(op: OperationSpec, error: z.ZodError): { field: string; message: string }[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          field: inputFieldOf(op, [...issue.path, key]),
          message: `${op.name} has no input field ${key}.`,
        }))
      : [{ field: inputFieldOf(op, issue.path), message: issue.message }],
  );
}
