#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import { palpateVersion } from '../server/version.js';
import { openMigratedStore, openStore, type Store } from '../store/database.js';
import { migrateToLatest } from '../store/migrator.js';
import { addUser, createToken, initPractice, verifyAudit } from './admin.js';
import { backupSqlite, postgresGuidance, restoreSqlite } from './backup.js';
import { UsageError, loadConfig, readSecretFromStdin } from './environment.js';

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535)
    throw new InvalidArgumentError('Must be a port number 0–65535.');
  return parsed;
}

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = await openMigratedStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
  });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const program = new Command()
  .name('palpate')
  .description(
    'Palpate: clinical records for massage therapists.\nConfiguration comes from the environment (PORT, HOST, PALPATE_DATA_DIR, DATABASE_URL, …); see the README.',
  )
  .version(palpateVersion);

program
  .command('serve')
  .description('Serve Palpate (web app and API) on one port; migrates the database first')
  .option('-p, --port <port>', 'port to listen on (default: $PORT or 3000)', port)
  .option('--host <host>', 'address to bind (default: $HOST or 127.0.0.1)')
  .option('--demo', 'open a demo practice with synthetic clients in <data dir>/demo')
  .action(async (options: { port?: number; host?: string; demo?: boolean }) => {
    // Each command loads only what it uses: the server and the PDF writer take a second to
    // load, which every other command would otherwise pay.
    const { serve } = await import('./serve.js');
    await serve(options);
  });

program
  .command('init')
  .description(
    'Create the practice and its owner account; the password is read from standard input',
  )
  .requiredOption('--practice-name <name>', 'the practice name')
  .requiredOption('--time-zone <zone>', 'IANA time zone, e.g. America/Toronto')
  .requiredOption('--email <email>', 'the owner’s email (their login)')
  .requiredOption('--name <name>', 'the owner’s name')
  .action(
    async (options: { practiceName: string; timeZone: string; email: string; name: string }) => {
      const password = await readSecretFromStdin('Owner password: ');
      console.log(await withStore((store) => initPractice(store, options, password)));
    },
  );

program
  .command('migrate')
  .description('Apply database migrations (also done at every start)')
  .action(async () => {
    const config = loadConfig();
    const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const result = await migrateToLatest(store.db);
      const applied = result.results?.map((step) => step.migrationName) ?? [];
      console.log(
        applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.',
      );
    } finally {
      await store.close();
    }
  });

const user = program.command('user').description('Staff accounts');
user
  .command('add')
  .description('Add a staff account; the password is read from standard input')
  .requiredOption('--email <email>', 'login email')
  .requiredOption('--name <name>', 'display name')
  .requiredOption('--role <role>', 'owner, therapist or front_desk')
  .option('--practice <id>', 'practice id, when the database holds several')
  .action(async (options: { email: string; name: string; role: string; practice?: string }) => {
    const password = await readSecretFromStdin('Password: ');
    console.log(await withStore((store) => addUser(store, options, password)));
  });

const token = program.command('token').description('Personal API tokens');
token
  .command('create')
  .description('Create an API token for an account and print it once')
  .requiredOption('--email <email>', 'the account the token acts as')
  .requiredOption('--name <name>', 'what the token is for')
  .action(async (options: { email: string; name: string }) => {
    console.log(await withStore((store) => createToken(store, options)));
  });

const audit = program.command('audit').description('The audit trail');
audit
  .command('verify')
  .description('Check the hash chain; exits 1 naming the first broken event')
  .action(async () => {
    const verdict = await withStore(verifyAudit);
    (verdict.ok ? console.log : console.error)(verdict.message);
    process.exitCode = verdict.ok ? 0 : 1;
  });

program
  .command('export <target>')
  .description(
    'Export the whole practice (settings, staff, catalogues, every client’s records, the audit trail) as CSV, JSON and PDF into a new folder, or a zip when <target> ends in .zip',
  )
  .option('--practice <id>', 'practice id, when the database holds several')
  .action(async (target: string, options: { practice?: string }) => {
    const { exportPractice } = await import('./export.js');
    console.log(await withStore((store) => exportPractice(store, { target, ...options })));
  });

program
  .command('backup <file>')
  .description('Write a consistent snapshot of the SQLite database to <file> while Palpate runs')
  .action(async (file: string) => {
    const config = loadConfig();
    if (config.databaseUrl) {
      console.error(postgresGuidance(config.databaseUrl));
      process.exitCode = 3;
      return;
    }
    console.log(`Backup written to ${await backupSqlite(config.dataDir, file)}`);
  });

program
  .command('restore <file>')
  .description(
    'Replace the SQLite database with a backup (stop the server first); the old file is kept',
  )
  .action(async (file: string) => {
    const config = loadConfig();
    if (config.databaseUrl) {
      console.error(postgresGuidance(config.databaseUrl));
      process.exitCode = 3;
      return;
    }
    const { restored, previous } = restoreSqlite(config.dataDir, file, new Date());
    const store = await openMigratedStore({ dataDir: config.dataDir });
    const verdict = await verifyAudit(store);
    await store.close();
    console.log(
      `Restored ${restored}${previous ? ` (previous database kept at ${previous})` : ''}. ${verdict.message}`,
    );
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exit(error.exitCode);
  }
  console.error(`palpate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
