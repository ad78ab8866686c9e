// A counter PC that is killed at a random moment: opens the shop's folder and
// checks in tickets one after another, printing "ACK <number>" for each one
// the desk acknowledged (what the clerk would have seen and printed).
import { openDesk } from '../../src/main/core/desk';
import { sampleIntake } from './desk';

async function main(): Promise<void> {
  const [dataDir] = process.argv.slice(2);
  const desk = await openDesk({ dataDir, primeDocuments: false, logError: () => undefined });
  process.stdout.write('READY\n');
  for (let i = 0; ; i++) {
    const result = await desk.dispatch('intake.checkIn', sampleIntake({ customer: { name: `Crash ${process.pid}-${i}`, phone: `137${String(i).padStart(8, '0')}` } }));
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
