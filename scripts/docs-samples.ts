// Writes the three intake documents and the repair receipt for a sample ticket, with the default presets:
//   npm run docs:samples -- <outdir> [--lang en|zh-CN] [--preset <id>]...
// The ticket comes from a real intake on a throw-away desk, so the PDFs show
// exactly what the counter would print.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDesk } from '../src/main/core/desk';
import { buildDocument, createDocumentRenderer, DOCUMENT_KINDS, presetsOf, resolvePreset, type DocumentKind } from '../src/main/core/documents';
import { SAMPLE_SHOP, sampleCheckInInput } from '../src/main/core/documents/sample';
import { setUpSampleDesk } from '../src/main/core/sample-desk';
import { sampleCollectionView } from '../src/main/core/documents/sample-receipt';
import type { ChannelInput, TicketDetail } from '../src/shared/contract';
import { LANGUAGES, type Language } from '../src/shared/domain';
import { itemAt } from '../src/shared/lists';

/** Runs the sample intake on a temporary desk and returns the ticket as the desk reports it. */
export async function sampleTicket(language: Language, checkIn: Omit<ChannelInput<'intake.checkIn'>, 'session'> = sampleCheckInInput()): Promise<TicketDetail> {
  const dir = mkdtempSync(join(tmpdir(), 'repair-desk-samples-'));
  const desk = await openDesk({ dataDir: dir, clock: { now: () => new Date(2026, 10, 23, 14, 5) }, primeDocuments: false, logError: () => undefined });
  try {
    const call = async <T>(channel: Parameters<typeof desk.dispatch>[0], input: unknown): Promise<T> => {
      const result = await desk.dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.data as T;
    };
    const session = await setUpSampleDesk(desk, language);
    const result = await call<{ tickets: { displayNumber: string }[] }>('intake.checkIn', { ...checkIn, session });
    return await call<TicketDetail>('tickets.get', { number: itemAt(result.tickets, 0).displayNumber });
  } finally {
    await desk.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<void> {
  const args = [...argv];
  let language: Language = 'en';
  const presets: string[] = [];
  const positional: string[] = [];
  while (args.length > 0) {
    const arg = args.shift()!;
    if (arg === '--lang') {
      const value = args.shift() ?? '';
      if (!(LANGUAGES as readonly string[]).includes(value)) throw new Error(`--lang takes en or zh-CN, not "${value}"`);
      language = value as Language;
    } else if (arg === '--preset') {
      presets.push(args.shift() ?? '');
    } else if (arg.startsWith('--')) {
      throw new Error(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) {
    throw new Error('usage: npm run docs:samples -- <outdir> [--lang en|zh-CN] [--preset <id>]...');
  }
  const outDir = resolve(itemAt(positional, 0));
  mkdirSync(outDir, { recursive: true });

  const ticket = await sampleTicket(language);
  const renderer = createDocumentRenderer({ fontsDir: resolve(__dirname, '../resources/fonts') });
  for (const kind of DOCUMENT_KINDS) {
    // A preset id names a size; it applies to every document printed on that size (a4: the intake form and the receipt).
    const preset = presets.find((id) => presetKinds(id).includes(kind));
    const printedAt = new Date(2026, 10, 23, 14, 6);
    // The receipt: the sample laptop collected (discount, a free line, deposit, cash with change and WeChat Pay, signed).
    const collection = kind === 'receipt' ? sampleCollectionView(ticket, printedAt) : undefined;
    const definition = buildDocument(kind, { ticket, shop: SAMPLE_SHOP, language, printedAt, preset, collection });
    const pdf = await renderer.render(definition);
    const file = join(outDir, `${kind}.pdf`);
    writeFileSync(file, pdf);
    console.log(`${file}  ${(pdf.length / 1024).toFixed(1)} KB  (${resolvePreset(kind, preset).name})`);
  }
}

function presetKinds(id: string): DocumentKind[] {
  return DOCUMENT_KINDS.filter((kind) => presetsOf(kind).some((p) => p.id === id));
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
