/**
 * The bench's output: a table on stdout and a small JSON file per run (plus latest.json), meant
 * to be committed so figures can be compared across commits and machines.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Dialect } from '../src/store/database.js';
import type { LatencySummary, ServerCost } from './load.js';
import { repoRoot, resultsRoot, type BenchOptions, type PracticeSize } from './options.js';
import type { TargetVerdict } from './targets.js';

export interface ScenarioResult {
  id: string;
  title: string;
  server: 'hello' | 'palpate';
  /**
   * `load`: under concurrent load for a duration. `sequential`: a few requests timed one after
   * another (a heavy table); its p50 is the median, and it has no throughput ratio.
   */
  kind: 'load' | 'sequential';
  requestsPerSecond: number;
  /** Throughput as a share of the same engine run's hello-world baseline (load only). */
  ratioToBaseline: number | null;
  latencyMs: LatencySummary;
  responses: number;
  errors: number;
  statusCodes: Record<string, number>;
  durationSeconds: number;
  /** The server process's CPU per request and event-loop busy share, robust to a busy machine. */
  serverCost: ServerCost | null;
  /** Mean response size on the wire, headers included (absent in results from before it). */
  bytesPerResponse?: number;
}

export interface EngineResult {
  engine: Dialect;
  /** e.g. "SQLite 3.50.4" or "PostgreSQL 15.2". */
  version: string;
  seed: {
    seconds: number;
    staff: number;
    clients: number;
    careTeam: number;
    auditEvents: number;
    sessions: number;
    signedNotes: number;
    drafts: number;
    followUps: number;
  };
  scenarios: ScenarioResult[];
  auditChain: { intact: boolean; events: number; seconds: number } | null;
}

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  platform: string;
  arch: string;
  node: string;
  /** 1-minute load average when the run started and ended: other work skews the figures. */
  loadAverage?: { start: number; end: number };
}

export interface BenchReport {
  schemaVersion: 1;
  label: string | null;
  startedAt: string;
  finishedAt: string;
  totalSeconds: number;
  git: { commit: string | null; dirty: boolean | null };
  machine: MachineInfo;
  settings: {
    seconds: number;
    warmupSeconds: number;
    connections: number;
    practice: PracticeSize;
  };
  engines: EngineResult[];
  skipped: Array<{ engine: Dialect; reason: string }>;
  targets: TargetVerdict[];
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    node: process.version,
  };
}

export function machineLoad(): number {
  return Number(os.loadavg()[0]!.toFixed(2));
}

export function gitInfo(): BenchReport['git'] {
  try {
    const run = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: repoRoot,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    return {
      commit: run('rev-parse', '--short=12', 'HEAD'),
      dirty: run('status', '--porcelain').length > 0,
    };
  } catch {
    return { commit: null, dirty: null };
  }
}

export function settingsOf(options: BenchOptions): BenchReport['settings'] {
  return {
    seconds: options.seconds,
    warmupSeconds: options.warmupSeconds,
    connections: options.connections,
    practice: options.size,
  };
}

function pad(text: string, width: number, align: 'left' | 'right' = 'right'): string {
  return align === 'left' ? text.padEnd(width) : text.padStart(width);
}

function table(headers: string[], rows: string[][], leftColumns = 2): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => pad(cell, widths[column]!, column < leftColumns ? 'left' : 'right'))
      .join('  ');
  return [
    line(headers),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

const fixed = (value: number, digits: number) => value.toFixed(digits);

export function formatReport(report: BenchReport): string {
  const { machine, settings } = report;
  const out: string[] = [];
  out.push(
    `Palpate bench${report.label ? ` (${report.label})` : ''} — ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GiB, node ${machine.node}` +
      (machine.loadAverage
        ? `; load average ${machine.loadAverage.start} at start, ${machine.loadAverage.end} at end`
        : ''),
    `${settings.connections} connections, ${settings.seconds} s per scenario after ${settings.warmupSeconds} s warm-up; ` +
      `practice: ${settings.practice.therapists} therapists, ${settings.practice.clients} clients, ` +
      `${settings.practice.auditEvents} audit events, ${settings.practice.sessions} sessions`,
    '',
  );
  const rows: string[][] = [];
  let sequential = 0;
  for (const engine of report.engines) {
    for (const scenario of engine.scenarios) {
      // A handful of requests in a row has a median and a max, not a throughput or a tail.
      const loaded = scenario.kind !== 'sequential';
      if (!loaded) sequential = Math.max(sequential, scenario.responses);
      rows.push([
        engine.engine,
        loaded ? scenario.id : `${scenario.id} *`,
        loaded ? fixed(scenario.requestsPerSecond, 0) : '',
        scenario.ratioToBaseline === null ? '' : `${fixed(scenario.ratioToBaseline * 100, 1)}%`,
        fixed(scenario.latencyMs.p50, 2),
        loaded ? fixed(scenario.latencyMs.p95, 2) : '',
        loaded ? fixed(scenario.latencyMs.p99, 2) : '',
        fixed(scenario.latencyMs.max, 2),
        String(scenario.errors),
        scenario.serverCost ? fixed(scenario.serverCost.cpuMicrosPerRequest, 0) : '',
        scenario.serverCost ? `${fixed(scenario.serverCost.loopUtilization * 100, 0)}%` : '',
        scenario.bytesPerResponse === undefined ? '' : fixed(scenario.bytesPerResponse / 1024, 1),
      ]);
    }
  }
  out.push(
    table(
      [
        'engine',
        'scenario',
        'req/s',
        'of hello',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'errors',
        'server µs/req',
        'loop busy',
        'kB/resp',
      ],
      rows,
    ),
    ...(sequential > 0
      ? [
          `* timed one request at a time (${sequential} in a row after a warm-up), not under ` +
            'load: p50 is the median.',
        ]
      : []),
    '',
  );
  for (const engine of report.engines) {
    const chain = engine.auditChain;
    out.push(
      `${engine.engine}: ${engine.version}; seeded ${engine.seed.clients} clients, ` +
        `${engine.seed.auditEvents} audit events, ${engine.seed.sessions} sessions ` +
        `(${engine.seed.signedNotes} signed notes, ${engine.seed.drafts} drafts, ` +
        `${engine.seed.followUps} follow-ups) in ` +
        `${fixed(engine.seed.seconds, 1)} s` +
        (chain
          ? `; audit chain ${chain.intact ? 'intact' : 'BROKEN'} (${chain.events} events)`
          : ''),
    );
    for (const scenario of engine.scenarios) {
      if (scenario.responses === 0)
        out.push(`  warning: ${scenario.id} had no response in its measured run`);
      if (scenario.errors === 0) continue;
      const codes = Object.entries(scenario.statusCodes)
        .filter(([code]) => !code.startsWith('2'))
        .map(([code, count]) => `${code}×${count}`)
        .join(', ');
      out.push(
        `  warning: ${scenario.id} had ${scenario.errors} errors (${codes || 'connection errors'})`,
      );
    }
  }
  for (const skipped of report.skipped) out.push(`${skipped.engine}: skipped — ${skipped.reason}`);
  out.push('', 'Targets:');
  for (const verdict of report.targets) {
    const measured =
      verdict.measured === null
        ? 'n/a'
        : verdict.unit === '× hello'
          ? `${fixed(verdict.measured * 100, 1)}% of hello`
          : `${fixed(verdict.measured, 2)} ${verdict.unit}`;
    const label = verdict.informational
      ? verdict.pass
        ? 'pass'
        : 'miss'
      : verdict.pass
        ? 'PASS'
        : 'FAIL';
    out.push(
      `  ${label.padEnd(4)}  ${verdict.engine.padEnd(10)}  ${verdict.description}: ${measured}` +
        (verdict.informational ? '  (informational)' : ''),
    );
  }
  out.push('', `Total ${fixed(report.totalSeconds, 1)} s.`);
  return out.join('\n');
}

/** Writes bench/results/<timestamp>.json and latest.json; returns the timestamped path. */
export function writeReport(report: BenchReport): string {
  fs.mkdirSync(resultsRoot, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const file = path.join(resultsRoot, `${stamp}${report.label ? `-${report.label}` : ''}.json`);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  fs.writeFileSync(file, json);
  fs.writeFileSync(path.join(resultsRoot, 'latest.json'), json);
  return file;
}
