import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Dialect, Store } from '../../src/store/database.js';
import { buildApp } from '../../src/server/app.js';
import type { ServerConfig } from '../../src/server/config.js';
import { webRoot } from '../../src/cli/environment.js';
import { throwawayDatabase, type ThrowawayDatabase } from './database.js';
import { testRuntime, type TestRuntime } from './clock.js';

export interface TestServer {
  url: string;
  dialect: Dialect;
  store: Store;
  runtime: TestRuntime;
  database: ThrowawayDatabase;
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * The real Palpate server on a real port over a throwaway database. Only the clock is a test
 * double, so idle logoff and lockouts can be tested without waiting.
 */
export async function startTestServer(
  dialect: Dialect,
  overrides: Partial<ServerConfig> = {},
): Promise<TestServer> {
  const database = await throwawayDatabase(dialect);
  const store = await database.open();
  const runtime = testRuntime();
  const config: ServerConfig = {
    port: 0,
    host: '127.0.0.1',
    dataDir: database.dataDir,
    databaseUrl: database.databaseUrl,
    logLevel: 'silent',
    sessionMaxHours: 12,
    loginRateLimitPerMinute: 10_000,
    publicLinkRateLimitPerMinute: 10_000,
    // A lower scrypt cost keeps a suite that signs in hundreds of times fast; the algorithm
    // and code path are the production ones.
    scryptCost: 2 ** 12,
    trustProxy: false,
    webRoot,
    ...overrides,
  };
  const app = await buildApp({ store, config, runtime });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dialect,
    store,
    runtime,
    database,
    app,
    close: async () => {
      await app.close();
      await store.close();
      await database.drop();
    },
  };
}

/**
 * A SQLite test server for browser tests that serves its own copy of the built web app. A
 * rebuild of dist/web while a suite runs (a second `npm test`, another terminal) would
 * otherwise swap the hashed page chunks under pages already open and fail unrelated tests.
 */
export async function startWebTestServer(): Promise<TestServer> {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'palpate-web-'));
  fs.cpSync(webRoot, copy, { recursive: true });
  const server = await startTestServer('sqlite', { webRoot: copy });
  return {
    ...server,
    close: async () => {
      await server.close();
      fs.rmSync(copy, { recursive: true, force: true });
    },
  };
}
