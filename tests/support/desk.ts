import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isChannel, type Channel, type ChannelInput, type ChannelOutput } from '../../src/shared/contract';
import { accessOf } from '../../src/shared/roles';
import type { StaffRole } from '../../src/shared/domain';
import type { ContractError, ContractResult } from '../../src/shared/errors';
import type { SetupStatus } from '../../src/shared/trust-contract';
import type { AuthSession, SignInRoster } from '../../src/shared/staff-contract';
import type { Clock } from '../../src/main/core/context';
import { openDesk, type Desk, type PostgresConnection } from '../../src/main/core/desk';
import { createDirectoryBackend, type PrinterBackend } from '../../src/main/core/features/printing/spooler';
import { dropSuiteDatabase, suiteDatabaseFor, suiteOnPostgres } from './suite-engine';

/** A channel's input where `session` may be left out: `call` then signs the call as the default crew member for it. */
export type TestInput<C extends Channel> = 'session' extends keyof ChannelInput<C>
  ? Omit<ChannelInput<C>, 'session'> & { session?: ChannelInput<C>['session'] }
  : ChannelInput<C>;

export const TEST_PINS = { manager: '4826', technician: '7391', clerk: '1357' } as const;
export const TEST_SHOP = { shopName: '修好了电脑维修部 Fix-It Repairs', shopAddress: '天河路 1 号 Tianhe Rd 1', shopPhone: '020 8888 0000' } as const;

export interface TestPerson {
  id: number;
  name: string;
  role: StaffRole;
  pin: string;
  session: string;
}
export type TestCrew = Record<StaffRole, TestPerson>;

export interface TestDesk extends Desk {
  dir: string;
  /** The set-up desk's staff, each signed in (null with `setup: false`). */
  crew: TestCrew | null;
  /** A live session of the crew member with that role. */
  sessionFor(role: StaffRole): string;
  /**
   * Calls a channel and returns its data, failing the test on an error result. A call that needs a
   * session and has none is made as the least privileged crew member the role table allows
   * (a clerk for intake, a technician for diagnosis, a manager for settings).
   */
  call<C extends Channel>(channel: C, input: TestInput<C>): Promise<ChannelOutput<C>>;
  /** Calls a channel (known or not) that must fail and returns its error; signed by default like `call`. */
  fail(channel: string, input: unknown): Promise<ContractError>;
  dispose(): Promise<void>;
}

export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next) => (now = new Date(next)) };
}

export interface TestDeskOptions {
  clock?: Clock;
  dir?: string;
  /** Where prints go; a folder inside the test's data dir when absent, never a real printer. */
  printBackend?: PrinterBackend;
  /** What a preview opens the PDF with (the system viewer in the app); nothing when absent. */
  openPath?: (path: string) => Promise<void>;
  /** Back up at start and close, as the app does (off by default: most tests open many desks). */
  automaticBackups?: boolean;
  /** false: a fresh desk as on the first day, with no setup, no PINs and no crew (for setup tests). */
  setup?: boolean;
  /**
   * The shop's PostgreSQL database (tests/support/postgres.ts); when absent, the SQLite file in `dir`, or in the
   * `unit-postgres` project the suite server's database of `dir` (a fresh one for a new folder).
   */
  postgres?: PostgresConnection;
}

/** Check-ins used to name staff 1, the seeded manager, as their clerk: they still do by default. */
const DEFAULT_ROLES: Partial<Record<Channel, StaffRole>> = { 'intake.checkIn': 'manager' };

/** The default actor of a call with no session: the least privileged role the table lets make it. */
function defaultRoleFor(channel: Channel): StaffRole | null {
  const preset = DEFAULT_ROLES[channel];
  if (preset) return preset;
  const access = accessOf(channel);
  return access.kind === 'roles' ? access.roles[0] : null;
}

/** Setup as a shop does it (shop header, the manager's PIN), then a technician and a clerk with PINs, all signed in. */
async function setUpTestCrew(desk: Desk): Promise<TestCrew> {
  const call = async (channel: Channel, input: unknown) => {
    const result = await desk.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel} failed during test setup: ${JSON.stringify(result.error)}`);
    return result.data as never;
  };
  const manager: { token: string; staff: { id: number; name: string } } = await call('setup.complete', {
    ...TEST_SHOP,
    language: 'en',
    managerName: 'Manager',
    managerPin: TEST_PINS.manager,
  });
  const person = async (name: string, role: 'technician' | 'clerk'): Promise<TestPerson> => {
    const saved: { id: number } = await call('staff.save', { session: manager.token, name, role });
    await call('auth.setPin', { session: manager.token, staffId: saved.id, newPin: TEST_PINS[role] });
    const signedIn: { token: string } = await call('auth.signIn', { staffId: saved.id, pin: TEST_PINS[role] });
    return { id: saved.id, name, role, pin: TEST_PINS[role], session: signedIn.token };
  };
  return {
    manager: { id: manager.staff.id, name: manager.staff.name, role: 'manager', pin: TEST_PINS.manager, session: manager.token },
    technician: await person('李工 Li', 'technician'),
    clerk: await person('前台 Zhou', 'clerk'),
  };
}

/** A desk set up before (a re-opened file): its crew signs in again with their PINs. */
async function signInTestCrew(desk: Desk): Promise<TestCrew | null> {
  const roster = (await desk.dispatch('auth.roster', {})) as ContractResult<SignInRoster>;
  if (!roster.ok) return null;
  const names: Record<StaffRole, string> = { manager: 'Manager', technician: '李工 Li', clerk: '前台 Zhou' };
  const crew: Partial<TestCrew> = {};
  for (const role of ['manager', 'technician', 'clerk'] as const) {
    const found = roster.data.staff.find((person) => person.role === role && person.name === names[role]);
    if (!found) return null;
    const signedIn = (await desk.dispatch('auth.signIn', { staffId: found.id, pin: TEST_PINS[role] })) as ContractResult<AuthSession>;
    if (!signedIn.ok) return null;
    crew[role] = { id: found.id, name: found.name, role, pin: TEST_PINS[role], session: signedIn.data.token };
  }
  return crew as TestCrew;
}

async function crewOf(desk: Desk): Promise<TestCrew | null> {
  const status = (await desk.dispatch('setup.status', {})) as ContractResult<SetupStatus>;
  // A desk in recovery (missing or damaged data) has nobody to sign in.
  if (!status.ok) return null;
  return status.data.done ? signInTestCrew(desk) : setUpTestCrew(desk);
}

export async function openTestDesk(options: TestDeskOptions = {}): Promise<TestDesk> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'repair-desk-test-'));
  const printBackend = options.printBackend ?? createDirectoryBackend({ dir: join(dir, 'printed') });
  const postgres = options.postgres ?? (suiteOnPostgres() ? await suiteDatabaseFor(dir) : undefined);
  const desk = await openDesk({
    dataDir: dir,
    clock: options.clock,
    printBackend,
    openPath: options.openPath,
    primeDocuments: false,
    automaticBackups: options.automaticBackups ?? false,
    logError: () => undefined,
    postgres,
  });
  const crew = options.setup === false ? null : await crewOf(desk);
  const sessionFor = (role: StaffRole): string => {
    if (!crew) throw new Error('this test desk was opened with setup: false and has no crew');
    return crew[role].session;
  };
  // Only an input without a `session` key is signed; `session: undefined` or null is sent as it is.
  const signedByDefault = (channel: unknown, input: unknown): unknown => {
    const role = typeof channel === 'string' && isChannel(channel) ? defaultRoleFor(channel) : null;
    const unsigned = typeof input === 'object' && input !== null && !('session' in input);
    return role !== null && crew !== null && unsigned ? { ...input, session: sessionFor(role) } : input;
  };
  return {
    ...desk,
    dir,
    crew,
    sessionFor,
    async call(channel, input) {
      const result = await desk.dispatch(channel, signedByDefault(channel, input));
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.data as never;
    },
    async fail(channel, input) {
      const result = await desk.dispatch(channel, signedByDefault(channel, input));
      if (result.ok) throw new Error(`${channel} unexpectedly succeeded: ${JSON.stringify(result.data)}`);
      return result.error;
    },
    async dispose() {
      await desk.close();
      if (!options.dir) {
        rmSync(dir, { recursive: true, force: true });
        await dropSuiteDatabase(dir);
      }
    },
  };
}

/** A complete, valid intake of one phone; override what a test is about. */
export function sampleIntake(overrides: { customer?: Record<string, unknown>; device?: Record<string, unknown>; [key: string]: unknown } = {}) {
  const { customer, device, ...rest } = overrides;
  return {
    technicianId: null,
    customer: { name: '王小明 Wang', phone: '138 0013 8000', ...customer },
    devices: [
      {
        type: 'phone',
        brand: 'Huawei',
        model: 'Mate 60',
        serial: '861234567890123',
        colour: 'black',
        accessories: ['charger'],
        conditionChecks: ['screen_cracked'],
        fault: '屏幕碎了 screen cracked',
        dataAnswer: 'has_backup',
        estimateMinor: 45000,
        depositMinor: 10000,
        feeConsent: true,
        ...device,
      },
    ],
    ...rest,
  } as TestInput<'intake.checkIn'>;
}
