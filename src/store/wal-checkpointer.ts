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
// SQLite starts the log over from its beginning only when a write begins with all of it
// copied. Under steady writes one pass never ends that way: it copies the log as it was when it
// began while commits go on appending, and the file grew by gigabytes in a minute of autosaves.
// So passes repeat, each copying what came in during the one before, until the writer has
// started the log over or the log is small. Once all is copied the worker waits a moment
// between passes for the next write to start it over; if none comes (the server is idle), the
// next write will. A pass that copies nothing while some is left means a long read still needs
// the rest: it is left for the next round.
const pause = new Int32Array(new SharedArrayBuffer(4));
const checkpoint = () => {
  try {
    let seen = -1;
    let copied = -1;
    let idlePasses = 0;
    for (let pass = 0; pass < workerData.maxPasses; pass += 1) {
      const [{ log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)');
      if (log < seen || log <= workerData.smallLog) break;
      if (checkpointed < log && checkpointed === copied) break;
      if (log === seen) {
        idlePasses += 1;
        if (idlePasses > 3) break;
        Atomics.wait(pause, 0, 0, 1);
      } else idlePasses = 0;
      seen = log;
      copied = checkpointed;
    }
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

export function startWalCheckpointer(
  connection: SqliteDatabase.Database,
  file: string,
  intervalMs = 1_000,
): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const fallBack = () => connection.open && connection.pragma('wal_autocheckpoint = 1000');
  let worker: Worker;
  try {
    worker = new Worker(workerSource, {
      eval: true,
      workerData: { driver, file, intervalMs, maxPasses: 64, smallLog: 1_000 },
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
