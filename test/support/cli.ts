import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Dialect } from '../../src/store/database.js';
import { throwawayDatabase, type ThrowawayDatabase } from './database.js';

const root = path.resolve(import.meta.dirname, '../..');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A Palpate installation the real command runs against: its own data folder and database. */
export interface Installation {
  database: ThrowawayDatabase;
  env: NodeJS.ProcessEnv;
}

export const ownerEmail = 'olive@harbour.example';
export const ownerPassword = 'correct horse battery staple';

export async function newInstallation(dialect: Dialect): Promise<Installation> {
  const database = await throwawayDatabase(dialect);
  const env: NodeJS.ProcessEnv = { ...process.env, PALPATE_DATA_DIR: database.dataDir };
  delete env['DATABASE_URL'];
  if (database.databaseUrl) env['DATABASE_URL'] = database.databaseUrl;
  return { database, env };
}

/** Runs `palpate <args>` as a user would, from the repository, with `input` on standard input. */
export function palpate(installation: Installation, args: string[], input = ''): CliResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    env: installation.env,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const initArgs = [
  'init',
  '--practice-name',
  'Harbour Massage Therapy',
  '--time-zone',
  'America/Toronto',
  '--email',
  ownerEmail,
  '--name',
  'Olive Owner',
];

/** Sets the installation up with its practice and owner, as `palpate init` does. */
export function initialise(installation: Installation): void {
  const result = palpate(installation, initArgs, `${ownerPassword}\n`);
  if (result.status !== 0)
    throw new Error(`palpate init failed (${result.status}): ${result.stderr}`);
}
