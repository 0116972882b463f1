import path from 'node:path';
import { buildApp } from '../server/app.js';
import { openMigratedStore } from '../store/database.js';
import { seedDemoPractice } from './demo.js';
import { loadConfig } from './environment.js';

export async function serve(options: {
  port?: number;
  host?: string;
  demo?: boolean;
}): Promise<void> {
  const base = loadConfig();
  const config = {
    ...base,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.host ? { host: options.host } : {}),
    // The demo practice lives in its own folder so it never mixes with real records.
    ...(options.demo ? { dataDir: path.join(base.dataDir, 'demo'), databaseUrl: undefined } : {}),
  };
  const store = await openMigratedStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
  });
  if (options.demo) {
    const login = await seedDemoPractice(store);
    process.stdout.write(
      `\nPalpate demo practice "${login.practiceName}"\n` +
        `  owner:      ${login.ownerEmail}\n  therapist:  ${login.therapistEmail}\n  front desk: ${login.frontDeskEmail}\n` +
        `  password for all three: ${login.password}\n\n`,
    );
  }
  const app = await buildApp({ store, config });
  const shutdown = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  process.stdout.write(
    `Palpate is serving at http://${shown}:${config.port} on ${store.dialect} (${store.location})\n`,
  );
}
