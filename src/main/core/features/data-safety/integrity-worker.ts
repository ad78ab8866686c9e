// The full integrity_check of a large shop file, and a backup's row counts,
// take seconds: they run on a worker thread with its own read-only connection,
// so the counter never waits.
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: 5000 });
  if (workerData.job === 'counts') {
    // The same counts as data-file.ts rowCounts, read here so millions of rows do not hold the desk's thread.
    const counts = {};
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    for (const { name } of names) counts[name] = db.prepare('SELECT COUNT(*) AS n FROM "' + name.replace(/"/g, '""') + '"').get().n;
    parentPort.postMessage(counts);
  } else {
    const lines = db.prepare('PRAGMA integrity_check(20)').all().map((row) => Object.values(row)[0]);
    parentPort.postMessage(lines.length === 1 && lines[0] === 'ok' ? 'ok' : lines.join('; '));
  }
} catch (error) {
  parentPort.postMessage('check failed: ' + (error && error.message ? error.message : String(error)));
} finally {
  if (db) db.close();
}
`;

/**
 * "ok", or what the full check found (or why it could not run). A check the
 * caller waits on (a backup's verify) keeps the process alive; the check after
 * start does not hold a closing desk open.
 */
export function integrityCheckInBackground(file: string, options: { awaited?: boolean } = {}): Promise<string> {
  return inWorker<string>(file, 'integrity', options.awaited ?? false).then((result) =>
    typeof result === 'string' ? result : `check failed: ${result.message}`,
  );
}

/** Rows in each table of a file, counted on a worker thread (a backup waits for it). */
export async function rowCountsInBackground(file: string): Promise<Record<string, number>> {
  const result = await inWorker<Record<string, number> | string>(file, 'counts', true);
  if (result instanceof Error) throw result;
  if (typeof result === 'string') throw new Error(result);
  return result;
}

function inWorker<T>(file: string, job: 'integrity' | 'counts', awaited: boolean): Promise<T | Error> {
  return new Promise((done) => {
    let driver: string;
    try {
      driver = require.resolve('better-sqlite3');
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, job } });
    worker.once('message', (result: T) => done(result));
    worker.once('error', (error) => done(error));
    worker.once('exit', (code) => {
      if (code !== 0) done(new Error(`worker exited with ${code}`));
    });
    if (!awaited) worker.unref();
  });
}
