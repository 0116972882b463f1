/**
 * The baseline: a bare Fastify server with one JSON route, measured in the same run and on the
 * same machine as Palpate, so results are read as a share of what Fastify itself can do here.
 */
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { announceFailure, announceListening } from './child.js';

try {
  const app = Fastify({ logger: false });
  app.get('/hello', async () => ({ hello: 'world' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  announceListening((app.server.address() as AddressInfo).port, () => app.close());
} catch (error) {
  announceFailure(error);
}
