// The full integrity_check of a large shop file takes seconds: it runs on a
// worker thread with its own read-only connection, so the counter never waits.
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: 5000 });
  const lines = db.prepare('PRAGMA integrity_check(20)').all().map((row) => Object.values(row)[0]);
  parentPort.postMessage(lines.length === 1 && lines[0] === 'ok' ? 'ok' : lines.join('; '));
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
  return new Promise((done) => {
    let driver: string;
    try {
      driver = require.resolve('better-sqlite3');
    } catch (error) {
      done(`check failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file } });
    worker.once('message', (result: string) => done(result));
    worker.once('error', (error) => done(`check failed: ${error.message}`));
    worker.once('exit', (code) => {
      if (code !== 0) done(`check failed: worker exited with ${code}`);
    });
    if (!options.awaited) worker.unref();
  });
}
