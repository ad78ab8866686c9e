// Other counter PCs of a test desk's shop, each its own process
// (tests/support/workflow-worker.ts): on the desk's SQLite file, or on the same
// PostgreSQL database when the desk is kept on a server.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { TestDesk } from './desk';

export interface CounterCall {
  channel: string;
  input: Record<string, unknown>;
}

export interface OtherCounter {
  person: { id: number; pin: string };
  calls: readonly CounterCall[];
}

/** What the worker says once its desk is open and its person signed in. */
const READY_LINE = 'ready';
const WORKER_TIMEOUT_MS = 60_000;

interface RunningCounter {
  ready: Promise<void>;
  go(): void;
  results: Promise<string[]>;
}

function startCounter(desk: TestDesk, atIso: string, { person, calls }: OtherCounter): RunningCounter {
  const server = desk.context.safety.server;
  const args = [join(process.cwd(), 'tests/support/workflow-worker.ts'), desk.dir, String(person.id), person.pin, atIso, JSON.stringify(calls)];
  const child = spawn(join(process.cwd(), 'node_modules/.bin/tsx'), server ? [...args, JSON.stringify(server)] : args, {
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: WORKER_TIMEOUT_MS,
  });
  // A worker that ended early closes its input: telling it to go then is no error of its own.
  child.stdin.on('error', () => undefined);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`counter worker for staff ${person.id} ended (${code ?? signal}): ${stderr}`)),
    );
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.startsWith(`${READY_LINE}\n`)) resolve();
    });
    exited.then(() => reject(new Error(`counter worker for staff ${person.id} ended without getting ready: ${stdout}`)), reject);
  });
  const results = exited.then(() => {
    const lines = stdout.trim().split('\n');
    const last = lines[lines.length - 1];
    if (lines[0] !== READY_LINE || last === undefined || lines.length !== 2) throw new Error(`unexpected output of a counter worker: ${stdout}`);
    return JSON.parse(last) as string[];
  });
  return { ready, go: () => child.stdin.end('go\n'), results };
}

/**
 * Opens the other counters, signed in as their people, and once every one is open lets them all make their calls at the
 * same instant as `here` runs on this counter. Resolves each counter's results ("ok" or the error's field code, or
 * error code, per call) and what `here` gave.
 */
export async function atOnceOnCounters<T>(
  desk: TestDesk,
  atIso: string,
  others: readonly OtherCounter[],
  here: () => Promise<T>,
): Promise<{ elsewhere: string[][]; here: T }> {
  const running = others.map((other) => startCounter(desk, atIso, other));
  const opened = await Promise.allSettled(running.map((counter) => counter.ready));
  // Released even when one failed to open, so none is left waiting.
  for (const counter of running) counter.go();
  const failed = opened.find((outcome) => outcome.status === 'rejected');
  if (failed) {
    await Promise.allSettled(running.map((counter) => counter.results));
    throw failed.reason;
  }
  const [elsewhere, mine] = await Promise.all([Promise.all(running.map((counter) => counter.results)), here()]);
  return { elsewhere, here: mine };
}
