import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
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

/** A first installation: no schema yet, which the command itself migrates as a user's would. */
export async function newInstallation(dialect: Dialect): Promise<Installation> {
  const database = await throwawayDatabase(dialect, { empty: true });
  const env: NodeJS.ProcessEnv = { ...process.env, PALPATE_DATA_DIR: database.dataDir };
  delete env['DATABASE_URL'];
  if (database.databaseUrl) env['DATABASE_URL'] = database.databaseUrl;
  return { database, env };
}

/** The newest modification time of the sources the command is built from. */
function newestSourceTime(folder: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'web') newest = Math.max(newest, newestSourceTime(full));
    } else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

let commandLine: string[] | undefined;

/**
 * The installed command (`dist/cli/main.js`, which `npm install` builds) when it is up to date
 * with the sources, as on a fresh clone or in CI: it is what users run, and it starts in a
 * third of the time. After an edit not yet built, the sources run through tsx instead.
 */
function palpateCommand(): string[] {
  if (!commandLine) {
    const built = path.join(root, 'dist', 'cli', 'main.js');
    commandLine =
      fs.existsSync(built) && fs.statSync(built).mtimeMs >= newestSourceTime(path.join(root, 'src'))
        ? [built]
        : ['--import', 'tsx', 'src/cli/main.ts'];
  }
  return commandLine;
}

/** Runs `palpate <args>` as a user would, from the repository, with `input` on standard input. */
export function palpate(installation: Installation, args: string[], input = ''): CliResult {
  const result = spawnSync(process.execPath, [...palpateCommand(), ...args], {
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
