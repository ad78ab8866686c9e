// Starts the web harness as a child process on a free port with a fresh data
// folder, exactly as a developer would, and talks to its contract API.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Channel, ChannelInput, ChannelOutput } from '../../../src/shared/contract';
import type { ContractResult } from '../../../src/shared/errors';

const ROOT = resolve(__dirname, '../../..');
const READY = /harness on (http:\/\/127\.0\.0\.1:\d+)/;
const START_TIMEOUT_MS = 60_000;

export interface RunningHarness {
  url: string;
  dataDir: string;
  /** Calls a channel over HTTP and returns the raw result. */
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ContractResult<ChannelOutput<C>>>;
  /** Calls a channel that must succeed. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  stop(): Promise<void>;
}

/** Another build folder (`electron-vite build --outDir <dir>`) when several builds share one checkout. */
const RENDERER_DIR = resolve(ROOT, process.env.REPAIR_DESK_RENDERER ?? 'out/renderer');

export function assertRendererBuilt(): void {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer is not built: run "npx electron-vite build" (npm test builds first) before the e2e tests');
  }
}

function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
  });
}

export interface HarnessOptions {
  /** A folder where every print job is written (PDF + JSON record) instead of a printer. */
  printTo?: string;
  /** The data folder to use and keep (a test that restarts the desk on the same data); a fresh one, removed at stop, when absent. */
  dataDir?: string;
  /** More command-line arguments, e.g. --restore <backup>. */
  args?: string[];
}

export async function startHarness(options: HarnessOptions = {}): Promise<RunningHarness> {
  assertRendererBuilt();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'repair-desk-e2e-'));
  const printArgs = [...(options.printTo ? ['--print-to', options.printTo] : []), ...(options.args ?? [])];
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['src/harness/cli.ts', '--port', '0', '--data', dataDir, '--renderer', RENDERER_DIR, ...printArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`harness did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        ready(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`harness exited with ${code} before it was ready:\n${output}`));
    });
  });

  async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ContractResult<ChannelOutput<C>>> {
    const response = await fetch(`${url}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    return (await response.json()) as ContractResult<ChannelOutput<C>>;
  }

  return {
    url,
    dataDir,
    invoke,
    async call(channel, input) {
      const result = await invoke(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.data;
    },
    async stop() {
      child.kill('SIGTERM');
      await waitForExit(child);
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
