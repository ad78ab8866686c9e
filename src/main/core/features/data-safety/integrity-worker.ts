// The full integrity_check of a large shop file, a backup's row counts, and the
// start's quick_check after an unclean close take seconds (minutes at a million
// tickets): they run on a worker thread with a connection of its own, so the
// counter never waits and the process stays free to show its window.
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  // The start's check opens the file as the desk will (a crash's WAL is recovered by a writer); the others only read.
  db = new Database(workerData.file, { readonly: workerData.job !== 'quick', fileMustExist: true, timeout: 5000 });
  if (workerData.job === 'counts') {
    // The same counts as data-file.ts rowCounts, read here so millions of rows do not hold the desk's thread.
    const counts = {};
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    for (const { name } of names) counts[name] = db.prepare('SELECT COUNT(*) AS n FROM "' + name.replace(/"/g, '""') + '"').get().n;
    parentPort.postMessage(counts);
  } else {
    const pragma = workerData.job === 'quick' ? 'quick_check' : 'integrity_check';
    const lines = db.prepare('PRAGMA ' + pragma + '(20)').all().map((row) => Object.values(row)[0]);
    parentPort.postMessage(lines.length === 1 && lines[0] === 'ok' ? 'ok' : lines.join('; '));
  }
} catch (error) {
  parentPort.postMessage('check failed: ' + (error && error.message ? error.message : String(error)));
} finally {
  if (db) db.close();
}
`;

/** "ok", or what the full check found (or why it could not run); a backup's verify waits on it. */
export function integrityCheckInBackground(file: string): Promise<string> {
  return inWorker<string>(file, 'integrity').result.then(worded);
}

/**
 * "ok", or what PRAGMA quick_check found (or why it could not open or read the file): the start's check of a
 * file the desk did not close cleanly, on a worker thread so the process goes on showing its window.
 */
export function quickCheckInBackground(file: string): Promise<string> {
  return inWorker<string>(file, 'quick').result.then(worded);
}

/** A check that may be stopped before it ends; `result` is then null (not checked). */
export interface StoppableCheck {
  result: Promise<string | null>;
  /** Ends the check now and waits until its connection to the file is closed. */
  stop(): Promise<void>;
}

/**
 * The check after start: it does not hold the process open, and closing the desk or replacing its file stops
 * it rather than waiting minutes on a large file (or keeping the file open while it is replaced).
 */
export function stoppableIntegrityCheck(file: string): StoppableCheck {
  const job = inWorker<string>(file, 'integrity', { keepsProcessAlive: false });
  let stopped = false;
  return {
    result: job.result.then((result) => (stopped ? null : worded(result))),
    stop: async () => {
      stopped = true;
      await job.stop();
    },
  };
}

const worded = (result: string | Error) => (typeof result === 'string' ? result : `check failed: ${result.message}`);

/** Rows in each table of a file, counted on a worker thread (a backup waits for it). */
export async function rowCountsInBackground(file: string): Promise<Record<string, number>> {
  const result = await inWorker<Record<string, number> | string>(file, 'counts').result;
  if (result instanceof Error) throw result;
  if (typeof result === 'string') throw new Error(result);
  return result;
}

function inWorker<T>(
  file: string,
  job: 'integrity' | 'quick' | 'counts',
  options: { keepsProcessAlive?: boolean } = {},
): { result: Promise<T | Error>; stop: () => Promise<void> } {
  let worker: Worker | null = null;
  const result = new Promise<T | Error>((done) => {
    let driver: string;
    try {
      driver = require.resolve('better-sqlite3');
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, job } });
    worker.once('message', (message: T) => done(message));
    worker.once('error', (error) => done(error));
    worker.once('exit', (code) => done(new Error(`worker exited with ${code}`)));
    if (options.keepsProcessAlive === false) worker.unref();
  });
  return {
    result,
    stop: async () => {
      if (worker) await worker.terminate();
    },
  };
}
