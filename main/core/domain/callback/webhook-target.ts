// The webhook's target URL: which addresses a callback may deliver to, and the schema that says why not.
import { z } from 'zod';
import { codedProblem, required, type Problem } from './callback-messages.js';

const MAX_URL_LENGTH = 2048;

/** Why `target` is not a usable webhook URL, or null. RFC 3986 `scheme://host[:port][/path]`, http or https. */
export function webhookTargetProblem(target: string): Problem | null {
  if (target.length > MAX_URL_LENGTH)
    return { rule: 'callback.target.tooLong', params: { max: MAX_URL_LENGTH } };
  // WHATWG URL silently strips spaces and line breaks; a target that needs that is a typo, not a URL.
  if (/[\s\p{Cc}]/u.test(target)) return 'callback.target.spaces';
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(target)?.[1];
  if (scheme === undefined || !target.slice(scheme.length + 1).startsWith('//'))
    return 'callback.target.notFull';
  // Stellantis itself only posts to HTTPS, but a depot system on the local network often speaks plain HTTP.
  if (!['http', 'https'].includes(scheme.toLowerCase())) {
    return { rule: 'callback.target.scheme', params: { scheme } };
  }
  const authority = target.slice(scheme.length + 3).split(/[/?#]/, 1)[0] ?? '';
  if (authority.includes('@')) return 'callback.target.credentials';
  if (target.includes('#')) return 'callback.target.fragment';
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'callback.target.invalid';
  }
  if (url.hostname === '') return 'callback.target.noHost';
  return null;
}

export const targetSchema = z
  .string({
    error: required('callback.target.missing', 'callback.target.notText'),
  })
  .superRefine((target, ctx) => {
    const problem = webhookTargetProblem(target);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: codedProblem(problem) });
  })
  .describe('Absolute http(s) URL, RFC 3986 `scheme://host[:port][/path]`, without credentials or fragment.');
