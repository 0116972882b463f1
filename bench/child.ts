import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot } from './options.js';

/**
 * Servers under test run in their own process, so the load generator (this process) and the
 * server never share an event loop. The two talk over the IPC channel: the child announces its
 * port once listening, and the parent asks it to shut down cleanly (which also lets V8 write a
 * CPU profile when one was asked for).
 */
type ChildMessage =
  | { type: 'listening'; port: number }
  | { type: 'failed'; message: string }
  | { type: 'usage'; usage: ServerUsage };
type ParentMessage = { type: 'shutdown' } | { type: 'usage' };

/** The server's own counters: CPU time is robust to a busy machine where req/s is not. */
export interface ServerUsage {
  /** User + system CPU time of the server process so far, in microseconds. */
  cpuMicros: number;
  /** Event-loop busy and idle time so far, in milliseconds. */
  loopActiveMs: number;
  loopIdleMs: number;
}

export interface ChildServer {
  label: string;
  url: string;
  pid: number;
  usage(): Promise<ServerUsage>;
  stop(): Promise<void>;
}

export async function startChildServer(options: {
  label: string;
  /** Script path relative to the repository root, run with tsx. */
  script: string;
  env?: Record<string, string | undefined>;
  nodeArgs?: string[];
  startTimeoutMs?: number;
}): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', path.join(repoRoot, options.script)],
    {
      cwd: repoRoot,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`${options.label} did not start within ${options.startTimeoutMs ?? 30_000} ms`),
      );
    }, options.startTimeoutMs ?? 30_000);
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'usage') return;
      clearTimeout(timer);
      if (message.type === 'listening') resolve(message.port);
      else reject(new Error(`${options.label} failed to start: ${message.message}`));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${options.label} exited with code ${code} before listening`));
    });
  });
  let stopping: Promise<void> | null = null;
  return {
    label: options.label,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    usage: () =>
      new Promise<ServerUsage>((resolve) => {
        const listener = (message: ChildMessage) => {
          if (message.type !== 'usage') return;
          child.off('message', listener);
          resolve(message.usage);
        };
        child.on('message', listener);
        child.send({ type: 'usage' } satisfies ParentMessage);
      }),
    stop: () => {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.send({ type: 'shutdown' } satisfies ParentMessage);
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

/** Child side: tell the parent where we listen, and close cleanly when asked (or orphaned). */
export function announceListening(port: number, close: () => Promise<void>): void {
  const shutdown = () => {
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'shutdown') shutdown();
    if (message.type === 'usage') {
      const cpu = process.cpuUsage();
      const loop = performance.eventLoopUtilization();
      const usage: ServerUsage = {
        cpuMicros: cpu.user + cpu.system,
        loopActiveMs: loop.active,
        loopIdleMs: loop.idle,
      };
      process.send?.({ type: 'usage', usage } satisfies ChildMessage);
    }
  });
  process.once('disconnect', shutdown);
  process.send?.({ type: 'listening', port } satisfies ChildMessage);
}

export function announceFailure(error: unknown): never {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.send?.({ type: 'failed', message } satisfies ChildMessage);
  console.error(message);
  process.exit(1);
}
