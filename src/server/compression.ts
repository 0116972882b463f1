import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Whether the request's Accept-Encoding takes gzip (a browser's always does). */
export function acceptsGzip(request: FastifyRequest): boolean {
  const header = request.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((part) => {
    const [coding, ...parameters] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const quality = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    return quality === undefined || Number(quality) > 0;
  });
}

/** An answer kept ready to send, as JSON text and, once asked for, gzipped. */
export interface PreparedJson {
  json: string;
  gzip?: Buffer;
}

/**
 * Sends a kept JSON answer, gzipped when the caller takes it. A large answer that is read far
 * more often than it changes (what works for a client, ~85 kB for 500 sessions) is compressed
 * once, not per request, and crosses a clinic's Wi-Fi a tenth the size.
 */
export function sendPreparedJson(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: PreparedJson,
): string | Buffer {
  void reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (!acceptsGzip(request)) return answer.json;
  answer.gzip ??= gzipSync(answer.json);
  void reply.header('content-encoding', 'gzip');
  return answer.gzip;
}
