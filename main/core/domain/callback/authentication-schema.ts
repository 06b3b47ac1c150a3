// The `authentication` local extension of a callback body: Basic or Bearer credentials sent in the
// Authorization header of every delivery.
import { z } from 'zod';
import { coded } from '../coded-issue.js';
import { required, strict } from './callback-messages.js';

type Credential = 'username' | 'password' | 'token';

/** A credential that ends up in an Authorization header (`credential` selects its name in the message). */
const credential = (name: Credential) =>
  z
    .string({
      error: required(
        { rule: 'callback.auth.credentialMissing', params: { credential: name } },
        { rule: 'callback.auth.credentialNotText', params: { credential: name } },
      ),
    })
    .min(1, { error: coded('callback.auth.credentialMissing', { credential: name }) })
    .refine((value) => !/[\r\n]/.test(value), {
      error: coded('callback.auth.credentialLineBreak', { credential: name }),
    });

export const authenticationSchema = z
  .discriminatedUnion(
    'type',
    [
      z.strictObject(
        {
          type: z.literal('Basic'),
          username: credential('username').refine((value) => !value.includes(':'), {
            error: coded('callback.auth.usernameColon'),
          }),
          password: credential('password'),
        },
        {
          error: strict(['type', 'username', 'password'], 'callback.auth.basic', 'callback.auth.basic'),
        },
      ),
      z.strictObject(
        { type: z.literal('Bearer'), token: credential('token') },
        {
          error: strict(['type', 'token'], 'callback.auth.bearer', 'callback.auth.bearer'),
        },
      ),
    ],
    {
      error: (iss) =>
        iss.code === 'invalid_union' ? coded('callback.auth.type') : coded('callback.auth.notObject'),
    },
  )
  .nullable()
  .optional()
  .describe('Adds an Authorization header to every delivery. null removes it; absent keeps the current one.');
