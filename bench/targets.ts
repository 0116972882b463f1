/**
 * The performance targets from the issue. A target is checked on every engine that ran; the
 * gating engine decides PASS/FAIL, the others are reported beside it for information.
 */
import type { Dialect } from '../src/store/database.js';
import type { EngineResult, ScenarioResult } from './report.js';

export interface Target {
  id: string;
  scenario: string;
  description: string;
  /** The engine the target is set for; other engines are informational. */
  gate: Dialect;
  unit: string;
  threshold: number;
  comparison: 'at-least' | 'below';
  measure(result: ScenarioResult): number | null;
}

export interface TargetVerdict {
  id: string;
  engine: Dialect;
  scenario: string;
  description: string;
  measured: number | null;
  threshold: number;
  unit: string;
  pass: boolean;
  informational: boolean;
}

export const targets: Target[] = [
  {
    id: 'client-open-throughput',
    scenario: 'client-open',
    description: 'client open ≥ 20% of hello-world throughput (16 connections)',
    gate: 'sqlite',
    unit: '× hello',
    threshold: 0.2,
    comparison: 'at-least',
    measure: (result) => result.ratioToBaseline,
  },
  {
    id: 'client-open-p99',
    scenario: 'client-open',
    description: 'client open p99 latency < 20 ms (16 connections)',
    gate: 'sqlite',
    unit: 'ms',
    threshold: 20,
    comparison: 'below',
    measure: (result) => result.latencyMs.p99,
  },
  {
    id: 'timeline-open-p99',
    scenario: 'timeline-open',
    description: 'timeline open (500 sessions) p99 latency < 25 ms (16 connections)',
    gate: 'sqlite',
    unit: 'ms',
    threshold: 25,
    comparison: 'below',
    measure: (result) => result.latencyMs.p99,
  },
  {
    id: 'client-effectiveness-p99',
    scenario: 'client-effectiveness',
    description: 'what works for a client (500 sessions) p99 latency < 30 ms (16 connections)',
    gate: 'sqlite',
    unit: 'ms',
    threshold: 30,
    comparison: 'below',
    measure: (result) => result.latencyMs.p99,
  },
  {
    id: 'session-briefing-p99',
    scenario: 'session-briefing',
    description: 'briefing (client with 500 sessions) p99 latency < 30 ms (16 connections)',
    gate: 'sqlite',
    unit: 'ms',
    threshold: 30,
    comparison: 'below',
    measure: (result) => result.latencyMs.p99,
  },
  {
    id: 'draft-save-p99',
    scenario: 'draft-save',
    description: 'draft save p99 latency < 15 ms (16 connections)',
    gate: 'sqlite',
    unit: 'ms',
    threshold: 15,
    comparison: 'below',
    measure: (result) => result.latencyMs.p99,
  },
  {
    id: 'note-search-p95',
    scenario: 'note-search',
    description: 'note search p95 latency < 50 ms (16 connections)',
    gate: 'sqlite',
    unit: 'ms',
    threshold: 50,
    comparison: 'below',
    measure: (result) => result.latencyMs.p95,
  },
  {
    // Timed in a row, not loaded: every one of the timed requests must answer in time.
    id: 'practice-effectiveness-max',
    scenario: 'practice-effectiveness',
    description: 'what works across clients with a similar complaint, slowest timed request < 2 s',
    gate: 'sqlite',
    unit: 'ms',
    threshold: 2000,
    comparison: 'below',
    measure: (result) => result.latencyMs.max,
  },
];

export function checkTargets(engines: EngineResult[]): TargetVerdict[] {
  const verdicts: TargetVerdict[] = [];
  for (const target of targets) {
    for (const engine of engines) {
      const result = engine.scenarios.find((scenario) => scenario.id === target.scenario);
      if (!result) continue;
      // No response at all (each took longer than the run) is a miss, not a 0 ms pass.
      const measured = result.responses > 0 ? target.measure(result) : null;
      const pass =
        measured !== null &&
        (target.comparison === 'at-least'
          ? measured >= target.threshold
          : measured < target.threshold);
      verdicts.push({
        id: target.id,
        engine: engine.engine,
        scenario: target.scenario,
        description: target.description,
        measured,
        threshold: target.threshold,
        unit: target.unit,
        pass,
        informational: engine.engine !== target.gate,
      });
    }
  }
  return verdicts;
}
