// npm run harness -- --port 5173 --data ./harness-data [--print-to ./printed] [--renderer out/renderer] [--restore <backup>] [--hold-open-ms <ms>]
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startHarness } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5180' },
    data: { type: 'string' },
    renderer: { type: 'string', default: 'out/renderer' },
    'print-to': { type: 'string' },
    /** A backup (its folder or database file) restored before the desk opens; the current files are kept aside. */
    restore: { type: 'string' },
    /** Holds the open desk back this many milliseconds, as a slow start does (to see the window meanwhile). */
    'hold-open-ms': { type: 'string' },
  },
});

if (!values.data) {
  console.error('usage: npm run harness -- --port <port> --data <dir> [--print-to <dir>]');
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`bad --port ${values.port}`);
  process.exit(2);
}

async function main(dataDir: string): Promise<void> {
  const printTo = values['print-to'] ? resolve(values['print-to']) : undefined;
  const restoreFrom = values.restore ? resolve(values.restore) : undefined;
  const holdOpenMs = values['hold-open-ms'] === undefined ? undefined : Number(values['hold-open-ms']);
  if (holdOpenMs !== undefined && !(Number.isInteger(holdOpenMs) && holdOpenMs >= 0)) throw new Error(`bad --hold-open-ms ${values['hold-open-ms']}`);
  const harness = await startHarness({ port, dataDir, rendererDir: resolve(values.renderer), printTo, restoreFrom, holdOpenMs });
  console.log(`Repair Desk harness on ${harness.url} (data in ${dataDir}${printTo ? `, prints to ${printTo}` : ''})`);
  // A desk that fails after its pages were served (a slow start) ends the harness, as it ends the app.
  harness.opened.catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void harness.close().then(() => process.exit(0)));
  }
}

main(resolve(values.data)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
