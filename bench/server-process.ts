/**
 * The real Palpate server (buildApp, production configuration, system clock) over the bench's
 * scratch database, in its own process. Only the port, host and log level are fixed here.
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/server/app.js';
import { configFromEnv } from '../src/server/config.js';
import { openMigratedStore } from '../src/store/database.js';
import { announceFailure, announceListening } from './child.js';

try {
  const dataDir = process.env['PALPATE_BENCH_DATA_DIR'];
  if (!dataDir) throw new Error('PALPATE_BENCH_DATA_DIR is required');
  const databaseUrl = process.env['PALPATE_BENCH_DATABASE_URL'] || undefined;
  const config = configFromEnv(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      PALPATE_DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    null,
  );
  const store = await openMigratedStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
  });
  const app = await buildApp({ store, config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  announceListening((app.server.address() as AddressInfo).port, async () => {
    await app.close();
    await store.close();
  });
} catch (error) {
  announceFailure(error);
}
