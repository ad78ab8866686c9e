// Helpers for the repair-workflow tests: staff with PINs and sessions, tickets
// put in a given status, a valid on-screen signature, raw rows to check what a
// use case wrote.
import { greyscalePngDataUrl } from '../../src/main/core/documents/png';
import { afterEach, beforeEach } from 'vitest';
import type { ChannelInput } from '../../src/shared/contract';
import type { StaffRole, TicketStatus } from '../../src/shared/domain';
import { openTestDesk, sampleIntake, TEST_PINS, type fixedClock, type TestDesk } from './desk';
import { firstItem, onlyItem } from './lists';

export const PINS = TEST_PINS;

export interface Person {
  id: number;
  name: string;
  role: StaffRole;
  pin: string;
  session: string;
}

export interface Crew {
  manager: Person;
  technician: Person;
  clerk: Person;
}

/** The test desk's crew (openTestDesk sets the shop up with a manager, a technician and a clerk, all signed in). */
export async function setUpCrew(desk: TestDesk): Promise<Crew> {
  if (!desk.crew) throw new Error('setUpCrew needs a desk opened with its setup (the default)');
  return desk.crew;
}

/**
 * For a describe block: before each test, sets the clock back to `start`, opens a fresh desk and sets up
 * the crew (see setUpCrew), then hands both to `keep` (which stores them in the block's variables);
 * after each test, disposes of that desk.
 */
export function freshDeskWithCrewEachTest(clock: ReturnType<typeof fixedClock>, start: string, keep: (opened: { desk: TestDesk; crew: Crew }) => void): void {
  let desk: TestDesk;
  beforeEach(async () => {
    clock.set(start);
    desk = await openTestDesk({ clock });
    keep({ desk, crew: await setUpCrew(desk) });
  });
  afterEach(async () => desk.dispose());
}

/** Checks one device in and returns its ticket. */
export async function checkIn(desk: TestDesk, overrides: Parameters<typeof sampleIntake>[0] = {}) {
  const result = await desk.call('intake.checkIn', sampleIntake(overrides));
  return firstItem(result.tickets);
}

/** Puts a ticket in a status behind the workflow's back (to test moves out of it). */
export async function forceStatus(desk: TestDesk, ticketId: number, status: TicketStatus): Promise<void> {
  // Through the desk's own write path: a ticket's status refuses any other writer.
  await desk.context.db.write((tx) => tx.query(`UPDATE ticket SET status = ? WHERE id = ?`, [status, ticketId]));
}

export interface EventRow {
  id: number;
  ticket_id: number;
  kind: string;
  from_status: TicketStatus | null;
  to_status: TicketStatus | null;
  amount_minor: number | null;
  note: string;
  note_data: string | null;
  staff_id: number | null;
  approved_by: number | null;
  at: string;
}

export async function eventsOf(desk: TestDesk, ticketId: number): Promise<EventRow[]> {
  return desk.context.db.dataSource.query(`SELECT * FROM ticket_event WHERE ticket_id = ? ORDER BY id`, [ticketId]);
}

export async function ticketRow(desk: TestDesk, ticketId: number): Promise<Record<string, unknown>> {
  const rows: Record<string, unknown>[] = await desk.context.db.dataSource.query(`SELECT * FROM ticket WHERE id = ?`, [ticketId]);
  return onlyItem(rows);
}

/** Row counts of every workflow table: nothing may change when a use case is refused. */
export async function tableCounts(desk: TestDesk): Promise<Record<string, number>> {
  const tables = ['ticket', 'ticket_event', 'diagnosis', 'quote', 'quote_line', 'approval', 'stock_move', 'loan', 'notification'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const rows: { n: number }[] = await desk.context.db.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = onlyItem(rows).n;
  }
  return counts;
}

/** A real (small, noisy) PNG as a data URL, like the signature pad sends. */
export function signaturePng(width = 64, height = 24): string {
  // Stored without compression, so the noise stays well above the size of a blank pad.
  return greyscalePngDataUrl(width, height, (x, y) => x * 7 + y * 13 + ((x * y) % 11), 0);
}

/** A part on the shelf, created by the manager. */
export async function addPart(desk: TestDesk, crew: Crew, overrides: Partial<ChannelInput<'parts.save'>> = {}) {
  return desk.call('parts.save', {
    session: crew.manager.session,
    name: 'LCD screen',
    specification: '6.7" OLED',
    compatibleModels: 'Mate 60',
    costMinor: 40000,
    priceMinor: 60000,
    reorderLevel: 1,
    openingQty: 3,
    ...overrides,
  });
}

export async function feeItemId(desk: TestDesk, code: string): Promise<number> {
  const items = await desk.call('feeStandard.list', {});
  const item = items.find((i) => i.code === code);
  if (!item) throw new Error(`no fee item ${code}`);
  return item.id;
}

/** Diagnoses a received ticket and quotes it; leaves it in `diagnosing` with a draft quote. */
export async function diagnoseAndQuote(
  desk: TestDesk,
  session: string,
  ticketId: number,
  options: { category?: 'software' | 'hardware'; userCaused?: boolean; lines?: ChannelInput<'quotes.save'>['lines'] } = {},
): Promise<void> {
  await desk.call('workflow.move', { session, ticketId, toStatus: 'diagnosing' });
  await desk.call('diagnosis.save', {
    session,
    ticketId,
    category: options.category ?? 'hardware',
    cause: 'Cracked LCD',
    solution: 'Replace the screen',
    severity: 2,
    userCaused: options.userCaused ?? false,
  });
  const lines = options.lines ?? [{ kind: 'labour', feeItemId: await feeItemId(desk, 'screen_replacement') }];
  await desk.call('quotes.save', { session, ticketId, lines });
}

/** Signs everyone in again (after the test clock jumped past the session's life). */
export async function signInAgain(desk: TestDesk, crew: Crew): Promise<void> {
  for (const person of [crew.manager, crew.technician, crew.clerk]) {
    person.session = (await desk.call('auth.signIn', { staffId: person.id, pin: person.pin })).token;
  }
}
