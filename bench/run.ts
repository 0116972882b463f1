/**
 * `npm run bench`: for each engine, builds a synthetic practice in a scratch database, starts
 * the hello-world baseline and the real Palpate server in their own processes, loads each
 * scenario from this process on loopback, then prints a table, checks the targets and writes
 * bench/results/<timestamp>.json and latest.json. Scratch databases are removed afterwards.
 *
 * Environment: PALPATE_BENCH_SECONDS, PALPATE_BENCH_WARMUP_SECONDS, PALPATE_BENCH_CONNECTIONS,
 * PALPATE_BENCH_DIALECTS (sqlite,postgresql), PALPATE_BENCH_SCENARIOS (ids), PALPATE_BENCH_CLIENTS,
 * PALPATE_BENCH_AUDIT_EVENTS, PALPATE_BENCH_THERAPISTS, PALPATE_BENCH_CPU_PROF=1 (V8 profile of
 * the server in bench/scratch/profiles), PALPATE_BENCH_KEEP=1, PALPATE_BENCH_STRICT=1 (exit 1 on
 * a failed target), PALPATE_BENCH_LABEL (names the run), PALPATE_BENCH_POSTGRES_URL (loopback).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Dialect } from '../src/store/database.js';
import { verifyAuditChain } from '../src/store/audit.js';
import { startChildServer, type ChildServer } from './child.js';
import {
  createScratchDatabase,
  engineVersion,
  postgresUnavailable,
  settleAfterLoad,
  type ScratchDatabase,
} from './database.js';
import { runLoad, runSequential } from './load.js';
import { benchOptions, scratchRoot, type BenchOptions } from './options.js';
import {
  formatReport,
  gitInfo,
  machineInfo,
  machineLoad,
  settingsOf,
  writeReport,
  type BenchReport,
  type EngineResult,
  type ScenarioResult,
} from './report.js';
import { baselineScenarioId, scenarios } from './scenarios.js';
import { seedPractice } from './seed.js';
import { signIn } from './session.js';
import { checkTargets } from './targets.js';

const progress = (message: string) => process.stderr.write(`${message}\n`);
const seconds = (since: number) => (performance.now() - since) / 1000;

/** Everything that must be undone even when a run fails or is interrupted, newest first. */
const cleanups: Array<() => Promise<void>> = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) {
    const step = cleanups.pop()!;
    await step().catch((error: unknown) => progress(`cleanup failed: ${String(error)}`));
  }
}
process.once('SIGINT', () => {
  progress('\ninterrupted: stopping servers and dropping scratch databases…');
  void cleanUp().finally(() => process.exit(130));
});

function selectedScenarios(options: BenchOptions) {
  const wanted = options.scenarios;
  if (wanted) {
    const unknown = wanted.filter((id) => !scenarios.some((scenario) => scenario.id === id));
    if (unknown.length) throw new Error(`PALPATE_BENCH_SCENARIOS: unknown ${unknown.join(', ')}`);
  }
  // The baseline always runs: every ratio needs its same-run reference.
  return scenarios.filter(
    (scenario) => !wanted || wanted.includes(scenario.id) || scenario.id === baselineScenarioId,
  );
}

async function startServer(start: () => Promise<ChildServer>): Promise<ChildServer> {
  const server = await start();
  cleanups.push(() => server.stop());
  return server;
}

async function benchEngine(
  dialect: Dialect,
  options: BenchOptions,
  runId: string,
): Promise<EngineResult> {
  const tag = `[${dialect}]`;
  const scratch: ScratchDatabase = await createScratchDatabase(
    dialect,
    runId,
    options.postgresAdminUrl,
  );
  if (!options.keepScratch) cleanups.push(() => scratch.drop());
  progress(`${tag} seeding ${scratch.location}…`);
  const store = await scratch.open();
  let version: string;
  let practice: Awaited<ReturnType<typeof seedPractice>>;
  try {
    version = await engineVersion(store);
    practice = await seedPractice(store, options.size);
    await settleAfterLoad(store);
  } finally {
    await store.close();
  }
  progress(
    `${tag} seeded ${practice.counts.clients} clients, ${practice.counts.auditEvents} audit events, ` +
      `${practice.counts.careTeam} care-team links, ${practice.counts.sessions} sessions ` +
      `(${practice.counts.signedNotes} signed notes, ${practice.counts.drafts} drafts, ` +
      `${practice.counts.followUps} follow-ups) in ` +
      `${practice.seconds.toFixed(1)} s`,
  );

  const hello = await startServer(() =>
    startChildServer({ label: 'hello-world server', script: 'bench/hello-process.ts' }),
  );
  // One file per thread (tsx runs a loader thread); the big one is the server's main thread.
  const profileDir = path.join(scratchRoot, 'profiles', `${runId}-${dialect}`);
  const palpate = await startServer(() =>
    startChildServer({
      label: `Palpate server (${dialect})`,
      script: 'bench/server-process.ts',
      env: {
        PALPATE_BENCH_DATA_DIR: scratch.dataDir,
        PALPATE_BENCH_DATABASE_URL: scratch.databaseUrl ?? '',
      },
      nodeArgs: options.cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    }),
  );
  const session = await signIn(palpate.url, practice.benchUser.email, practice.password);

  const results: ScenarioResult[] = [];
  let baseline: number | null = null;
  for (const scenario of selectedScenarios(options)) {
    const server = scenario.server === 'hello' ? hello : palpate;
    progress(`${tag} ${scenario.id}: ${scenario.title}`);
    const plan = scenario.plan({ practice, session });
    const usage = () => server.usage();
    const stats = scenario.sequential
      ? await runSequential(server.url, plan, scenario.sequential, usage)
      : await runLoad(server.url, plan, options, usage);
    if (scenario.id === baselineScenarioId) baseline = stats.requestsPerSecond;
    // A throughput ratio means nothing for requests sent one at a time.
    const loaded = stats.kind === 'load';
    const result: ScenarioResult = {
      id: scenario.id,
      title: scenario.title,
      server: scenario.server,
      kind: stats.kind,
      requestsPerSecond: stats.requestsPerSecond,
      ratioToBaseline:
        baseline && loaded ? Number((stats.requestsPerSecond / baseline).toFixed(4)) : null,
      latencyMs: stats.latencyMs,
      responses: stats.responses,
      errors: stats.errors,
      statusCodes: stats.statusCodes,
      durationSeconds: stats.durationSeconds,
      serverCost: stats.server,
      bytesPerResponse: stats.bytesPerResponse,
    };
    results.push(result);
    progress(
      `${tag}   ` +
        (loaded
          ? `${stats.requestsPerSecond.toFixed(0)} req/s, p50 ${stats.latencyMs.p50} ms, p99 ${stats.latencyMs.p99} ms`
          : `${stats.responses} in a row: median ${stats.latencyMs.p50} ms, max ${stats.latencyMs.max} ms`) +
        `, errors ${stats.errors}` +
        (stats.server
          ? `; server ${stats.server.cpuMicrosPerRequest} µs CPU/request, loop ${(stats.server.loopUtilization * 100).toFixed(0)}% busy`
          : ''),
    );
  }
  await hello.stop();
  await palpate.stop();
  if (options.cpuProfile)
    progress(`${tag} CPU profile written to ${path.relative(process.cwd(), profileDir)}`);

  // Every audited request in the run appended to the seeded chain; prove none of it forked.
  const verifyStarted = performance.now();
  const check = await scratch.open();
  let auditChain: EngineResult['auditChain'];
  try {
    const verdict = await verifyAuditChain(check.db);
    auditChain = {
      intact: verdict.intact,
      events: verdict.events,
      seconds: Number(seconds(verifyStarted).toFixed(1)),
    };
  } finally {
    await check.close();
  }
  progress(
    `${tag} audit chain ${auditChain.intact ? 'intact' : 'BROKEN'}: ${auditChain.events} events`,
  );
  await cleanUp();
  return {
    engine: dialect,
    version,
    seed: { seconds: Number(practice.seconds.toFixed(1)), ...practice.counts },
    scenarios: results,
    auditChain,
  };
}

async function main(): Promise<void> {
  const options = benchOptions();
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const runId = `${startedAt.replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  const loadBefore = machineLoad();
  const engines: EngineResult[] = [];
  const skipped: BenchReport['skipped'] = [];
  try {
    for (const dialect of options.dialects) {
      if (dialect === 'postgresql') {
        const reason = await postgresUnavailable(options.postgresAdminUrl);
        if (reason) {
          progress(`[postgresql] skipped: ${reason}`);
          skipped.push({ engine: dialect, reason });
          continue;
        }
      }
      engines.push(await benchEngine(dialect, options, runId));
    }
  } finally {
    await cleanUp();
    if (!options.keepScratch)
      fs.rmSync(path.join(scratchRoot, runId), { recursive: true, force: true });
  }
  const report: BenchReport = {
    schemaVersion: 1,
    label: options.label,
    startedAt,
    finishedAt: new Date().toISOString(),
    totalSeconds: Number(seconds(started).toFixed(1)),
    git: gitInfo(),
    machine: { ...machineInfo(), loadAverage: { start: loadBefore, end: machineLoad() } },
    settings: settingsOf(options),
    engines,
    skipped,
    targets: checkTargets(engines),
  };
  process.stdout.write(`\n${formatReport(report)}\n`);
  const file = writeReport(report);
  process.stdout.write(
    `Results: ${path.relative(process.cwd(), file)} (and bench/results/latest.json)\n`,
  );
  const failed = report.targets.some((verdict) => !verdict.informational && !verdict.pass);
  const broken = engines.some((engine) => engine.auditChain && !engine.auditChain.intact);
  if (broken || (failed && options.strict)) process.exitCode = 1;
}

main().catch(async (error: unknown) => {
  await cleanUp();
  console.error(error);
  process.exit(1);
});
