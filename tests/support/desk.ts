import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/contract';
import type { ContractError } from '../../src/shared/errors';
import type { Clock } from '../../src/main/core/context';
import { openDesk, type Desk } from '../../src/main/core/desk';
import { createDirectoryBackend, type PrinterBackend } from '../../src/main/core/printing';

export interface TestDesk extends Desk {
  dir: string;
  /** Calls a channel and returns its data, failing the test on an error result. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Calls a channel (known or not) that must fail and returns its error. */
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
}

export async function openTestDesk(options: TestDeskOptions = {}): Promise<TestDesk> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'repair-desk-test-'));
  const printBackend = options.printBackend ?? createDirectoryBackend({ dir: join(dir, 'printed') });
  const desk = await openDesk({ dataDir: dir, clock: options.clock, printBackend, openPath: options.openPath, primeDocuments: false, automaticBackups: options.automaticBackups ?? false, logError: () => undefined });
  return {
    ...desk,
    dir,
    async call(channel, input) {
      const result = await desk.dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.data as never;
    },
    async fail(channel, input) {
      const result = await desk.dispatch(channel, input);
      if (result.ok) throw new Error(`${channel} unexpectedly succeeded: ${JSON.stringify(result.data)}`);
      return result.error;
    },
    async dispose() {
      await desk.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A complete, valid intake of one phone; override what a test is about. */
export function sampleIntake(overrides: { customer?: Record<string, unknown>; device?: Record<string, unknown>; [key: string]: unknown } = {}) {
  const { customer, device, ...rest } = overrides;
  return {
    clerkId: 1,
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
  } as ChannelInput<'intake.checkIn'>;
}
