// A browser says where a request comes from; a change requested by another site (a form or fetch on any web page
// the technician has open) is refused whatever credential rides along. Origin `null` (sandboxed frames, file
// pages, some redirects) and unparsable values are refused too: they cannot prove they are this site.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../api-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameOrigin(origin: string, host: string | undefined): boolean {
  if (!host || !URL.canParse(origin)) return false;
  const url = new URL(origin);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase();
}

export async function guardOrigin(request: FastifyRequest, reply: FastifyReply) {
  if (SAFE_METHODS.has(request.method)) return;
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  const crossSite = site === 'cross-site' || site === 'same-site';
  if (crossSite || (origin !== undefined && !sameOrigin(origin, request.headers.host))) {
    return reply.status(403).send(errorBody(request, 'FORBIDDEN_ORIGIN'));
  }
}
