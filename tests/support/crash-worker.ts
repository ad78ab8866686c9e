// A counter PC that is killed at a random moment: opens the shop's folder and
// checks in tickets one after another, printing "ACK <number>" for each one
// the desk acknowledged (what the clerk would have seen and printed).
import { openDesk } from '../../src/main/core/desk';
import type { ContractResult } from '../../src/shared/errors';
import type { SetupStatus } from '../../src/shared/trust-contract';
import type { AuthSession, SignInRoster } from '../../src/shared/staff-contract';
import { sampleIntake, TEST_PINS, TEST_SHOP } from './desk';

type Desk = Awaited<ReturnType<typeof openDesk>>;

/** The first start sets the desk up; a restart signs its manager in again (a kill may fall anywhere in between). */
async function managerSession(desk: Desk): Promise<string> {
  const status = (await desk.dispatch('setup.status', {})) as ContractResult<SetupStatus>;
  if (!status.ok) throw new Error(`setup.status: ${status.error.code}`);
  if (!status.data.done) {
    const done = (await desk.dispatch('setup.complete', {
      ...TEST_SHOP,
      language: 'en',
      managerName: 'Manager',
      managerPin: TEST_PINS.manager,
    })) as ContractResult<AuthSession>;
    if (!done.ok) throw new Error(`setup.complete: ${done.error.code}`);
    return done.data.token;
  }
  const roster = (await desk.dispatch('auth.roster', {})) as ContractResult<SignInRoster>;
  const manager = roster.ok ? roster.data.staff.find((person) => person.role === 'manager') : undefined;
  if (!manager) throw new Error('no manager on a set-up desk');
  const signedIn = (await desk.dispatch('auth.signIn', { staffId: manager.id, pin: TEST_PINS.manager })) as ContractResult<AuthSession>;
  if (!signedIn.ok) throw new Error(`auth.signIn: ${signedIn.error.code}`);
  return signedIn.data.token;
}

async function main(): Promise<void> {
  const [dataDir] = process.argv.slice(2);
  if (dataDir === undefined) throw new Error('usage: crash-worker <dataDir>');
  const desk = await openDesk({ dataDir, primeDocuments: false, logError: () => undefined });
  const session = await managerSession(desk);
  process.stdout.write('READY\n');
  for (let i = 0; ; i++) {
    const intake = sampleIntake({ customer: { name: `Crash ${process.pid}-${i}`, phone: `137${String(i).padStart(8, '0')}` } });
    const result = await desk.dispatch('intake.checkIn', { ...intake, session });
    if (!result.ok) {
      process.stdout.write(`REFUSED ${JSON.stringify(result.error)}\n`);
      continue;
    }
    for (const ticket of (result.data as { tickets: { number: number }[] }).tickets) process.stdout.write(`ACK ${ticket.number}\n`);
  }
}

main().catch((error: unknown) => {
  process.stdout.write(`FAILED ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
