import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dialect } from '../src/store/database.js';

/** The repository root, so child processes and output folders do not depend on the cwd. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const scratchRoot = path.join(repoRoot, 'bench', 'scratch');
export const resultsRoot = path.join(repoRoot, 'bench', 'results');

/** The size of the synthetic practice every scenario runs against. */
export interface PracticeSize {
  therapists: number;
  clients: number;
  auditEvents: number;
  /** Sessions (most with a signed note); PALPATE_BENCH_SESSIONS. */
  sessions: number;
  /** Unsigned drafts for the sign scenario, one per request; PALPATE_BENCH_SIGN_DRAFTS. */
  signDrafts: number;
}

export interface BenchOptions {
  /** Measured seconds per scenario (PALPATE_BENCH_SECONDS). */
  seconds: number;
  /** Unmeasured seconds before each scenario, so JIT and caches are warm. */
  warmupSeconds: number;
  /** Concurrent keep-alive connections per scenario. */
  connections: number;
  /** Engines to run (PALPATE_BENCH_DIALECTS=sqlite,postgresql). */
  dialects: Dialect[];
  /** Scenario ids to run, or null for all (PALPATE_BENCH_SCENARIOS=client-open,...). */
  scenarios: string[] | null;
  size: PracticeSize;
  /** Writes a V8 CPU profile of each Palpate server process to bench/scratch/profiles. */
  cpuProfile: boolean;
  /** Keeps the scratch SQLite files and PostgreSQL database for inspection. */
  keepScratch: boolean;
  /** Where to create the throwaway PostgreSQL database; must be a loopback address. */
  postgresAdminUrl: string;
  /** Exit non-zero when a target fails (for CI on a known machine). */
  strict: boolean;
  /** A short name for the run (PALPATE_BENCH_LABEL), kept in the report and its file name. */
  label: string | null;
}

const allDialects: Dialect[] = ['sqlite', 'postgresql'];

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number.`);
  return value;
}

function list(env: NodeJS.ProcessEnv, name: string): string[] | null {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return null;
  return raw
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
}

function loopbackOnly(url: string): string {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host)) {
    throw new Error(
      `PALPATE_BENCH_POSTGRES_URL must point at this machine (loopback), not ${host}.`,
    );
  }
  return url;
}

function label(raw: string | undefined): string | null {
  const cleaned = (raw ?? '')
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .slice(0, 40);
  return cleaned || null;
}

export function benchOptions(env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const seconds = positiveNumber(env, 'PALPATE_BENCH_SECONDS', 10);
  const dialects = (list(env, 'PALPATE_BENCH_DIALECTS') ?? allDialects).map((name) => {
    const dialect = name === 'postgres' || name === 'pg' ? 'postgresql' : name;
    if (!allDialects.includes(dialect as Dialect)) {
      throw new Error(`PALPATE_BENCH_DIALECTS: unknown engine "${name}" (sqlite, postgresql).`);
    }
    return dialect as Dialect;
  });
  return {
    seconds,
    warmupSeconds: positiveNumber(env, 'PALPATE_BENCH_WARMUP_SECONDS', Math.min(2, seconds / 5)),
    connections: Math.round(positiveNumber(env, 'PALPATE_BENCH_CONNECTIONS', 16)),
    dialects: [...new Set(dialects)],
    scenarios: list(env, 'PALPATE_BENCH_SCENARIOS'),
    size: {
      therapists: Math.round(positiveNumber(env, 'PALPATE_BENCH_THERAPISTS', 10)),
      clients: Math.round(positiveNumber(env, 'PALPATE_BENCH_CLIENTS', 20_000)),
      auditEvents: Math.round(positiveNumber(env, 'PALPATE_BENCH_AUDIT_EVENTS', 200_000)),
      sessions: Math.round(positiveNumber(env, 'PALPATE_BENCH_SESSIONS', 200_000)),
      signDrafts: Math.round(positiveNumber(env, 'PALPATE_BENCH_SIGN_DRAFTS', 5_000)),
    },
    cpuProfile: env['PALPATE_BENCH_CPU_PROF'] === '1',
    keepScratch: env['PALPATE_BENCH_KEEP'] === '1',
    postgresAdminUrl: loopbackOnly(
      env['PALPATE_BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
    ),
    strict: env['PALPATE_BENCH_STRICT'] === '1',
    label: label(env['PALPATE_BENCH_LABEL']),
  };
}
