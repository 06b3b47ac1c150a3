// The `authentication` local extension of a callback body: Basic or Bearer credentials sent in the
// Authorization header of every delivery.
import { z } from 'zod';
import { required, strict } from './callback-messages.js';

/** A credential that ends up in an Authorization header. */
const credential = (what: string) =>
  z
    .string({ error: required(`Enter the ${what}.`, `The ${what} must be text.`) })
    .min(1, { error: `Enter the ${what}.` })
    .refine((value) => !/[\r\n]/.test(value), { error: `The ${what} cannot contain line breaks.` });

export const authenticationSchema = z
  .discriminatedUnion(
    'type',
    [
      z.strictObject(
        {
          type: z.literal('Basic'),
          username: credential('user name').refine((value) => !value.includes(':'), {
            error: 'The user name cannot contain a colon (:) in Basic authentication.',
          }),
          password: credential('password'),
        },
        {
          error: strict(
            ['type', 'username', 'password'],
            'Basic authentication needs a user name and a password.',
            'Basic authentication needs a user name and a password.',
          ),
        },
      ),
      z.strictObject(
        { type: z.literal('Bearer'), token: credential('token') },
        {
          error: strict(
            ['type', 'token'],
            'Bearer authentication needs a token.',
            'Bearer authentication needs a token.',
          ),
        },
      ),
    ],
    {
      error: (iss) =>
        iss.code === 'invalid_union'
          ? 'The authentication type must be Basic or Bearer.'
          : 'Authentication must be {"type": "Basic", "username", "password"}, {"type": "Bearer", "token"} or null.',
    },
  )
  .nullable()
  .optional()
  .describe('Adds an Authorization header to every delivery. null removes it; absent keeps the current one.');
