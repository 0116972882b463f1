import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Whether the caller asked for `Prefer: return=minimal` (RFC 7240): the editor's autosave
 * already holds the note it sent and needs back only its new version, so answering with the
 * whole note again is work and bytes spent for nothing. Marks the reply when it is honoured.
 */
export function returnMinimal(request: FastifyRequest, reply: FastifyReply): boolean {
  const header = request.headers['prefer'];
  const values = Array.isArray(header) ? header.join(',') : (header ?? '');
  const wanted = values
    .split(',')
    .some((preference) => /^\s*return\s*=\s*"?minimal"?\s*(;|$)/i.test(preference));
  if (wanted) void reply.header('preference-applied', 'return=minimal');
  return wanted;
}
