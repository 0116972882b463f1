import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';

/**
 * Copies the SQLite write-ahead log back into the database file from a worker thread.
 *
 * By default SQLite checkpoints inside whichever commit pushes the log past 1,000 pages, and
 * better-sqlite3 is synchronous: every seventieth autosave or so stalled the whole server for
 * tens of milliseconds while it copied 4 MB and synced the file. A PASSIVE checkpoint on a
 * second connection never blocks readers or the writer, so the event loop only ever pays for
 * its own small commits. If the worker cannot start or fails, SQLite's own checkpointing is
 * switched back on: slower, never unsafe.
 */
export interface WalCheckpointer {
  stop(): Promise<void>;
}

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
// Maintenance (such as indexing queued notes) may find its tables missing until the
// migrations have run; it is retried on the next tick and never stops the checkpoints.
const maintain = () => {
  const task = workerData.maintenance;
  if (!task) return;
  try {
    const queued = db.prepare(task.when);
    const statements = task.run.map((text) => db.prepare(text));
    const runChunk = db.transaction(() => statements.forEach((statement) => statement.run()));
    for (let chunks = 0; chunks < task.maxChunks && queued.get(); chunks += 1) runChunk.immediate();
  } catch {}
};
const checkpoint = () => {
  maintain();
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ failed: String(error && error.message ? error.message : error) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage({ stopped: true });
});
`;

/** Writes run on each tick before the checkpoint: while `when` returns a row, `run` in a transaction. */
export interface MaintenanceTask {
  when: string;
  run: string[];
  /** At most this many transactions a tick, so a long queue cannot hog the write lock. */
  maxChunks: number;
}

export function startWalCheckpointer(
  connection: SqliteDatabase.Database,
  file: string,
  intervalMs = 1_000,
  maintenance?: MaintenanceTask,
): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const fallBack = () => connection.open && connection.pragma('wal_autocheckpoint = 1000');
  let worker: Worker;
  try {
    worker = new Worker(workerSource, {
      eval: true,
      workerData: { driver, file, intervalMs, maintenance },
    });
  } catch {
    return { stop: async () => {} };
  }
  connection.pragma('wal_autocheckpoint = 0');
  worker.unref();
  let exited = false;
  worker.on('exit', () => {
    exited = true;
  });
  worker.on('error', fallBack);
  worker.on('message', (message: { failed?: string }) => {
    if (message.failed) fallBack();
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const done = () => void worker.terminate().finally(resolve);
        worker.once('message', done);
        worker.once('exit', () => resolve());
        worker.once('error', done);
        worker.postMessage('stop');
      }),
  };
}
