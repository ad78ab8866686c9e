// Another counter PC in a test: opens the same shop file, signs in, and makes
// the given calls all at once (the session is filled in). Prints, as JSON, for
// each call either "ok" or the error's field code (or error code).
import { openDesk } from '../../src/main/core/desk';

async function main(): Promise<void> {
  const [dataDir, staffId, pin, atIso, callsJson] = process.argv.slice(2);
  if (dataDir === undefined || staffId === undefined || pin === undefined || atIso === undefined || callsJson === undefined) {
    throw new Error('usage: workflow-worker <dataDir> <staffId> <pin> <atIso> <callsJson>');
  }
  const at = new Date(atIso);
  const desk = await openDesk({ dataDir, clock: { now: () => at }, primeDocuments: false });
  const signIn = await desk.dispatch('auth.signIn', { staffId: Number(staffId), pin });
  if (!signIn.ok) throw new Error(JSON.stringify(signIn.error));
  const session = (signIn.data as { token: string }).token;
  const calls = JSON.parse(callsJson) as { channel: string; input: Record<string, unknown> }[];
  const results = await Promise.all(
    calls.map(async ({ channel, input }) => {
      const result = await desk.dispatch(channel, { ...input, session });
      return result.ok ? 'ok' : (result.error.fields?.[0]?.code ?? result.error.code);
    }),
  );
  await desk.close();
  process.stdout.write(JSON.stringify(results));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
