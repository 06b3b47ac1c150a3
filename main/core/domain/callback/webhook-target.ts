// The webhook's target URL: which addresses a callback may deliver to, and the schema that says why not.
import { z } from 'zod';
import { required } from './callback-messages.js';

const MAX_URL_LENGTH = 2048;

/** Why `target` is not a usable webhook URL, or null. RFC 3986 `scheme://host[:port][/path]`, http or https. */
export function webhookTargetProblem(target: string): string | null {
  if (target.length > MAX_URL_LENGTH)
    return `The webhook URL is too long (at most ${MAX_URL_LENGTH} characters).`;
  // WHATWG URL silently strips spaces and line breaks; a target that needs that is a typo, not a URL.
  if (/[\s\p{Cc}]/u.test(target)) return 'The webhook URL must not contain spaces or line breaks.';
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(target)?.[1];
  if (scheme === undefined || !target.slice(scheme.length + 1).startsWith('//')) {
    return 'The webhook URL must be a full address starting with https:// (or http:// for a system on the local network).';
  }
  // Stellantis itself only posts to HTTPS, but a depot system on the local network often speaks plain HTTP.
  if (!['http', 'https'].includes(scheme.toLowerCase())) {
    return `The webhook URL must start with https:// (or http:// for a system on the local network), not ${scheme}://.`;
  }
  const authority = target.slice(scheme.length + 3).split(/[/?#]/, 1)[0] ?? '';
  if (authority.includes('@')) {
    return 'Do not put a user name or password in the webhook URL: use authentication (Basic or Bearer) or a Header attribute instead.';
  }
  if (target.includes('#')) return 'Remove the #… part from the webhook URL: it is never sent to the server.';
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'The webhook URL is not a valid address: check the host name and the port.';
  }
  if (url.hostname === '') return 'The webhook URL needs a host name.';
  return null;
}

export const targetSchema = z
  .string({
    error: required(
      'Enter the webhook URL, e.g. https://depot.example.net/stellantis/events.',
      'The webhook URL must be text, e.g. https://depot.example.net/stellantis/events.',
    ),
  })
  .superRefine((target, ctx) => {
    const problem = webhookTargetProblem(target);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('Absolute http(s) URL, RFC 3986 `scheme://host[:port][/path]`, without credentials or fragment.');
