// Errors raised before a route is chosen (a URL that cannot be decoded, a malformed HTTP request) leave in the
// same shape as every other error, {code, message, errors}, with the same headers: a client parsing our errors
// never meets Fastify's or Node's own formats.
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../api-error.js';

export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const body =
    error.code === 'FST_ERR_BAD_URL'
      ? errorBody(request, 'BAD_URL')
      : errorBody(request, 'BAD_REQUEST', { key: 'errors:code.BAD_REQUEST.invalid' });
  void reply
    .status(400)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(body);
}

/** Node's parser refused the request (bad header, oversized headers): answer once, in our shape, then close. */
export function writeClientError(error: Error & { code?: string }, socket: Socket) {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify(
    // No request was parsed, so no Accept-Language: English.
    tooLarge
      ? errorBody(null, 'HEADERS_TOO_LARGE')
      : errorBody(null, 'BAD_REQUEST', { key: 'errors:code.BAD_REQUEST.notHttp' }),
  );
  socket.end(
    `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
      'content-type: application/json; charset=utf-8\r\n' +
      'x-content-type-options: nosniff\r\n' +
      'cache-control: no-store\r\n' +
      'connection: close\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
