// A second counter PC in a test: opens the same shop file and checks in
// tickets as fast as it can. Prints the ticket numbers it got as JSON.
import { openDesk } from '../../src/main/core/desk';
import { sampleIntake, TEST_PINS } from './desk';

async function main(): Promise<void> {
  const [dataDir, countText, atIso] = process.argv.slice(2);
  if (dataDir === undefined || countText === undefined || atIso === undefined) {
    throw new Error('usage: intake-worker <dataDir> <count> <atIso>');
  }
  const at = new Date(atIso);
  const desk = await openDesk({ dataDir, clock: { now: () => at }, primeDocuments: false });
  // The shop's manager signs in on this PC too (sessions belong to the PC that made them).
  const signedIn = await desk.dispatch('auth.signIn', { staffId: 1, pin: TEST_PINS.manager });
  if (!signedIn.ok) throw new Error(JSON.stringify(signedIn.error));
  const session = (signedIn.data as { token: string }).token;
  const numbers: number[] = [];
  const pending = Array.from({ length: Number(countText) }, async (_, i) => {
    const result = await desk.dispatch('intake.checkIn', {
      ...sampleIntake({ customer: { name: `Worker ${process.pid}-${i}`, phone: `139${String(i).padStart(8, '0')}` } }),
      session,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    numbers.push(...(result.data as { tickets: { number: number }[] }).tickets.map((t) => t.number));
  });
  await Promise.all(pending);
  await desk.close();
  process.stdout.write(JSON.stringify(numbers));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
