// Starts the web harness as a child process on a free port with a fresh data
// folder, exactly as a developer would, and talks to its contract API.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Channel, ChannelOutput } from '../../../src/shared/contract';
import type { StaffRole } from '../../../src/shared/domain';
import type { ContractResult } from '../../../src/shared/errors';
import { accessOf } from '../../../src/shared/roles';
import type { AuthSession } from '../../../src/shared/staff-contract';
import { TEST_PINS, TEST_SHOP, type TestInput } from '../../support/desk';

const ROOT = resolve(__dirname, '../../..');
const READY = /harness on (http:\/\/127\.0\.0\.1:\d+)/;
const START_TIMEOUT_MS = 60_000;

export interface RunningHarness {
  url: string;
  dataDir: string;
  /** Calls a channel over HTTP and returns the raw result (a call without `session` is signed as in `call`). */
  invoke<C extends Channel>(channel: C, input: TestInput<C>): Promise<ContractResult<ChannelOutput<C>>>;
  /**
   * Calls a channel that must succeed. Without a `session` it is made by the default crew member the role
   * table allows (a clerk for counter work, a technician for the bench, the manager for settings), added on
   * first use with the PINs of TEST_PINS.
   */
  call<C extends Channel>(channel: C, input: TestInput<C>): Promise<ChannelOutput<C>>;
  /** The set-up manager's sign-in (null with `setup: false`). */
  manager: AuthSession | null;
  /** A session of a default crew member of that role, over HTTP (the page signs in separately). */
  sessionFor(role: StaffRole): Promise<string>;
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
  /** false: the first day's desk, with no setup and no PINs (for setup tests). */
  setup?: boolean;
}

/** Default crew members added on first use, besides the set-up manager. */
export const DEFAULT_CREW_NAMES = { technician: 'Li Wei 李伟', clerk: 'Zhou Min 周敏' } as const;

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
      if (match?.[1]) {
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

  async function post<C extends Channel>(channel: C, input: unknown): Promise<ContractResult<ChannelOutput<C>>> {
    const response = await fetch(`${url}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    return (await response.json()) as ContractResult<ChannelOutput<C>>;
  }
  async function must<C extends Channel>(channel: C, input: unknown): Promise<ChannelOutput<C>> {
    const result = await post(channel, input);
    if (!result.ok) throw new Error(`${channel} failed during harness setup: ${JSON.stringify(result.error)}`);
    return result.data;
  }

  const manager = options.setup === false ? null : await signInManager();
  /** A new data folder is set up; one set up before (a restart, a restore) signs its manager in; one in recovery has none. */
  async function signInManager(): Promise<AuthSession | null> {
    const status = await post('setup.status', {});
    if (!status.ok) return null;
    if (!status.data.done) return must('setup.complete', { ...TEST_SHOP, language: 'en', managerName: 'Manager', managerPin: TEST_PINS.manager });
    const found = await staffNamed('Manager', 'manager');
    return found === null ? null : must('auth.signIn', { staffId: found, pin: TEST_PINS.manager });
  }
  async function staffNamed(name: string, role: StaffRole): Promise<number | null> {
    const roster = await post('auth.roster', {});
    if (!roster.ok) return null;
    return roster.data.staff.find((person) => person.role === role && person.name === name)?.id ?? null;
  }
  const sessions = new Map<StaffRole, Promise<string>>();
  const sessionFor = (role: StaffRole): Promise<string> => {
    if (manager === null) return Promise.reject(new Error('this harness has no signed-in manager (setup: false, or a desk in recovery)'));
    const boss = manager;
    if (role === 'manager') return Promise.resolve(boss.token);
    let session = sessions.get(role);
    if (!session) {
      session = (async () => {
        const staffId =
          (await staffNamed(DEFAULT_CREW_NAMES[role], role)) ?? (await must('staff.save', { session: boss.token, name: DEFAULT_CREW_NAMES[role], role })).id;
        await must('auth.setPin', { session: boss.token, staffId, newPin: TEST_PINS[role] });
        return (await must('auth.signIn', { staffId, pin: TEST_PINS[role] })).token;
      })();
      sessions.set(role, session);
    }
    return session;
  };

  async function invoke<C extends Channel>(channel: C, input: TestInput<C>): Promise<ContractResult<ChannelOutput<C>>> {
    const access = accessOf(channel);
    const unsigned = typeof input === 'object' && input !== null && !('session' in input);
    if (access.kind === 'roles' && unsigned && manager !== null) {
      // Check-ins name the manager by default, as they always did on a harness.
      const role = channel === 'intake.checkIn' ? 'manager' : access.roles[0];
      return post(channel, { ...input, session: await sessionFor(role) });
    }
    return post(channel, input);
  }

  return {
    url,
    dataDir,
    invoke,
    manager,
    sessionFor,
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
