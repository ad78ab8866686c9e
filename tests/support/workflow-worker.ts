// Another counter PC in a test: opens the same shop (the SQLite file in the
// folder, or the PostgreSQL database given as JSON) and signs in, says "ready"
// on a line of its own, and on any line of input makes the given calls all at
// once (the session is filled in). Then prints, as JSON on one line, for each
// call either "ok" or the error's field code (or error code).
import { once } from 'node:events';
import { openDesk, type PostgresConnection } from '../../src/main/core/desk';

const READY_LINE = 'ready';

async function main(): Promise<void> {
  const [dataDir, staffId, pin, atIso, callsJson, serverJson] = process.argv.slice(2);
  if (!dataDir || !staffId || !pin || !atIso || !callsJson) {
    throw new Error('usage: workflow-worker <dataDir> <staffId> <pin> <atIso> <callsJson> [<postgresConnectionJson>]');
  }
  const at = new Date(atIso);
  const postgres = serverJson ? (JSON.parse(serverJson) as PostgresConnection) : undefined;
  const desk = await openDesk({ dataDir, clock: { now: () => at }, primeDocuments: false, postgres });
  const signIn = await desk.dispatch('auth.signIn', { staffId: Number(staffId), pin });
  if (!signIn.ok) throw new Error(JSON.stringify(signIn.error));
  const session = (signIn.data as { token: string }).token;
  const calls = JSON.parse(callsJson) as { channel: string; input: Record<string, unknown> }[];
  // Opening a desk takes seconds: the test lets every counter go at the same instant once all are open.
  process.stdout.write(`${READY_LINE}\n`);
  await once(process.stdin, 'data');
  process.stdin.destroy();
  const results = await Promise.all(
    calls.map(async ({ channel, input }) => {
      const result = await desk.dispatch(channel, { ...input, session });
      return result.ok ? 'ok' : (result.error.fields?.[0]?.code ?? result.error.code);
    }),
  );
  await desk.close();
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
