// A second counter PC in a test: opens the same shop file and checks in
// tickets as fast as it can. Prints the ticket numbers it got as JSON.
import { openDesk } from '../../src/main/core/desk';
import { sampleIntake } from './desk';

async function main(): Promise<void> {
  const [dataDir, countText, atIso] = process.argv.slice(2);
  const at = new Date(atIso);
  const desk = await openDesk({ dataDir, clock: { now: () => at }, primeDocuments: false });
  const numbers: number[] = [];
  const pending = Array.from({ length: Number(countText) }, async (_, i) => {
    const result = await desk.dispatch('intake.checkIn', sampleIntake({ customer: { name: `Worker ${process.pid}-${i}`, phone: `139${String(i).padStart(8, '0')}` } }));
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
