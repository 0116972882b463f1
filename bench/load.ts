/**
 * Bounded load from this process with autocannon, on loopback only: an unmeasured warm-up,
 * then a measured run whose every response time is kept so the percentiles are exact (the
 * autocannon histogram has no p95). A request too heavy to load (a practice-wide table) is
 * timed instead: a few requests one after another on one connection (`runSequential`).
 */
import autocannon from 'autocannon';
import type { ServerUsage } from './child.js';

export type LoadRequest = autocannon.Request;

/** What a scenario asks the load generator to send. */
export interface LoadPlan {
  /** Cycled per connection; use setupRequest to vary paths, ids and bodies. */
  requests: LoadRequest[];
}

export interface LoadSettings {
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

/** A sequential run: `requests` timed one after another, after `warmupRequests` untimed. */
export interface SequentialSettings {
  requests: number;
  warmupRequests: number;
}

export interface ServerCost {
  /** Server process CPU time per response (user + system), in microseconds. */
  cpuMicrosPerRequest: number;
  /** Share of the measured run the server's event loop was busy (1 = saturated). */
  loopUtilization: number;
}

export interface LatencySummary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LoadStats {
  /** `load`: concurrent connections for a duration; `sequential`: N requests in a row. */
  kind: 'load' | 'sequential';
  /** Successful (2xx) responses per second over the measured run. */
  requestsPerSecond: number;
  /** All responses received in the measured run. */
  responses: number;
  durationSeconds: number;
  /** Over every response, failures included. Milliseconds. */
  latencyMs: LatencySummary;
  /** Non-2xx responses plus connection errors and timeouts. */
  errors: number;
  statusCodes: Record<string, number>;
  connectionErrors: number;
  timeouts: number;
  /** The mean size of a response as it went over the wire (headers and body), in bytes. */
  bytesPerResponse: number;
  /** Present when the server's usage could be read (the Palpate and hello processes). */
  server: ServerCost | null;
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== '[::1]' && host !== 'localhost') {
    throw new Error(`The bench only loads loopback servers, not ${host}`);
  }
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export function summarizeLatencies(values: number[]): LatencySummary {
  const sorted = Float64Array.from(values).sort();
  const total = values.reduce((sum, value) => sum + value, 0);
  return {
    mean: round(values.length ? total / values.length : 0),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.length ? sorted[sorted.length - 1]! : 0),
  };
}

interface RawRun {
  result: autocannon.Result;
  latencies: number[];
  bytes: number;
  statusCodes: Record<string, number>;
}

/** How long autocannon runs: for `seconds`, or until `amount` responses have come back. */
type Extent = { connections: number; timeoutSeconds: number } & (
  { seconds: number } | { amount: number }
);

function fire(url: string, plan: LoadPlan, extent: Extent): Promise<RawRun> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let bytes = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: extent.connections,
        ...('amount' in extent ? { amount: extent.amount } : { duration: extent.seconds }),
        pipelining: 1,
        timeout: extent.timeoutSeconds,
        requests: plan.requests,
      },
      (error: unknown, result: autocannon.Result) => {
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve({ result, latencies, statusCodes, bytes });
      },
    );
    instance.on('response', (_client, statusCode, responseBytes, responseTime) => {
      latencies.push(responseTime);
      bytes += responseBytes;
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    });
  });
}

function serverCost(before: ServerUsage, after: ServerUsage, responses: number): ServerCost {
  const active = after.loopActiveMs - before.loopActiveMs;
  const idle = after.loopIdleMs - before.loopIdleMs;
  return {
    cpuMicrosPerRequest: round(responses ? (after.cpuMicros - before.cpuMicros) / responses : 0, 1),
    loopUtilization: round(active + idle > 0 ? active / (active + idle) : 0, 3),
  };
}

export async function runLoad(
  url: string,
  plan: LoadPlan,
  settings: LoadSettings,
  serverUsage?: () => Promise<ServerUsage>,
): Promise<LoadStats> {
  assertLoopback(url);
  const extent = { connections: settings.connections, timeoutSeconds: 10 };
  if (settings.warmupSeconds > 0)
    await fire(url, plan, { ...extent, seconds: settings.warmupSeconds });
  const before = await serverUsage?.();
  const run = await fire(url, plan, { ...extent, seconds: settings.seconds });
  const after = await serverUsage?.();
  return statsOf('load', run, settings.seconds, before, after);
}

/**
 * Times `requests` requests one after another on one connection, after `warmupRequests`
 * untimed ones: for a request that takes seconds, where the question is how long one takes,
 * not how many a server sustains. The latency summary's p50 is the median.
 */
export async function runSequential(
  url: string,
  plan: LoadPlan,
  settings: SequentialSettings,
  serverUsage?: () => Promise<ServerUsage>,
): Promise<LoadStats> {
  assertLoopback(url);
  // A slow answer is what is being measured: only a stuck server should time out.
  const extent = { connections: 1, timeoutSeconds: 120 };
  if (settings.warmupRequests > 0)
    await fire(url, plan, { ...extent, amount: settings.warmupRequests });
  const before = await serverUsage?.();
  const run = await fire(url, plan, { ...extent, amount: settings.requests });
  const after = await serverUsage?.();
  return statsOf('sequential', run, 0, before, after);
}

function statsOf(
  kind: LoadStats['kind'],
  { result, latencies, statusCodes, bytes }: RawRun,
  seconds: number,
  before: ServerUsage | undefined,
  after: ServerUsage | undefined,
): LoadStats {
  const ok = Object.entries(statusCodes)
    .filter(([code]) => code.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0);
  const responses = latencies.length;
  const durationSeconds = result.duration > 0 ? result.duration : seconds;
  return {
    kind,
    requestsPerSecond: durationSeconds > 0 ? round(ok / durationSeconds, 1) : 0,
    responses,
    durationSeconds,
    latencyMs: summarizeLatencies(latencies),
    errors: responses - ok + result.errors,
    statusCodes,
    connectionErrors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    bytesPerResponse: responses ? Math.round(bytes / responses) : 0,
    server: before && after ? serverCost(before, after, responses) : null,
  };
}
