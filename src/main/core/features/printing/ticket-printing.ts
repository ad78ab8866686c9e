// Prints a ticket's documents: reads what is stored, builds each document for
// the shop's presets and printers, renders it outside any transaction, and
// hands it to the print service (which archives before printing). A failed
// print is a result the clerk acts on (Reprint), never a lost ticket.
import type { CollectionView } from '../../../../shared/collection-contract';
import type { TicketDetail, Settings, PrintResult, PrintableDocument } from '../../../../shared/contract';
import { DeskError } from '../../../../shared/errors';
import { translate } from '../../../../shared/i18n/translate';
import type { DeskContext } from '../../context';
import { buildDocument, PRESETS, type Calibration, type DocumentInput, type DocumentKind } from '../../documents';
import type { MediaSize, PrintOutcome } from './spooler';
import { loadSettings } from '../settings';
import { getTicketByNumber } from '../../record/tickets';
import { recordEvent } from '../../record/ticket-record';
import { StaffEntity } from '../../storage/entities/staff';
import type { ReadTx } from '../../storage/transactions';
import { PRINTED_EVENT_KINDS } from '../../../../shared/ticket-events';
import { getCollectionView } from '../collection';

const PT_PER_MM = 72 / 25.4;

/** A preset id must name a size of that document's kind; anything else is the renderer's mistake. */
export function requirePreset(document: DocumentKind, preset: string, path: string): void {
  if (!PRESETS.some((p) => p.kind === document && p.id === preset)) throw DeskError.field(path, 'invalid');
}

/** The first page's size as the PDF states it (pdfmake fits roll receipts to their content). */
export function pdfPageSize(pdf: Buffer): MediaSize {
  const match = /\/MediaBox\s*\[\s*[-\d.]+\s+[-\d.]+\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  if (!match) throw new Error('rendered PDF has no MediaBox');
  const round = (pt: number) => Math.round((pt / PT_PER_MM) * 10) / 10;
  return { widthMm: round(Number(match[1])), heightMm: round(Number(match[2])) };
}

export interface PrintTicketRequest {
  number: string;
  documents: PrintableDocument[];
  /** Extra device labels, one per caption (e.g. an accessory left with the device). */
  labelCaptions: string[];
  /** After check-in only the documents enabled in settings print; a reprint prints what is asked. */
  onlyEnabled: boolean;
  /** Who asked for a reprint. */
  staffId?: number | null;
}

interface RenderedDocument {
  document: PrintableDocument;
  caption: string | null;
  pdf: Buffer;
}

/** The calibration of the printer the job will reach; "system default" is calibrated under the default printer's own name. */
export async function calibrationFor(ctx: DeskContext, settings: Settings, printer: string | null): Promise<Calibration | undefined> {
  const name = await ctx.printing.resolvePrinter(printer);
  // Own keys only: a printer called "constructor" or "__proto__" must not find an inherited property.
  return name && Object.hasOwn(settings.calibrations, name) ? settings.calibrations[name] : undefined;
}

function documentInput(
  ticket: TicketDetail,
  settings: Settings,
  document: DocumentKind,
  now: Date,
  caption: string | null,
  calibration: Calibration | undefined,
  collection: CollectionView | undefined,
): DocumentInput {
  const { preset } = settings.printing[document];
  return {
    collection,
    ticket,
    shop: { name: settings.shopName, address: settings.shopAddress, phone: settings.shopPhone },
    language: settings.language,
    terms: settings.intakeTerms || undefined,
    claimTerms: settings.claimTerms || undefined,
    printedAt: now,
    preset,
    calibration,
    labelCaption: caption ?? undefined,
  };
}

export function toPrintResult(document: PrintableDocument, caption: string | null, outcome: PrintOutcome, language: Settings['language']): PrintResult {
  const base = { document, caption, archivedPath: outcome.archivedPath };
  if (outcome.ok) return { ...base, ok: true, error: null };
  return {
    ...base,
    ok: false,
    error: { code: outcome.error.code, message: translate(language, `errors.print.${outcome.error.code}`), detail: outcome.error.detail },
  };
}

/** The receipt is the record of a collection: it prints only for a collected ticket. */
async function receiptCollection(tx: ReadTx, ticket: TicketDetail, settings: Settings, wanted: boolean): Promise<CollectionView | undefined> {
  if (!wanted) return undefined;
  if (ticket.status !== 'collected') throw new DeskError('conflict', [{ path: 'documents', code: 'wrong_status' }]);
  return getCollectionView(tx, ticket.id, settings);
}

export async function printTicketDocuments(ctx: DeskContext, request: PrintTicketRequest): Promise<PrintResult[]> {
  const { ticket, settings, collection } = await ctx.db.read(async (tx) => {
    const stored = await loadSettings(tx);
    const found = await getTicketByNumber(tx, request.number, stored);
    return { settings: stored, ticket: found, collection: await receiptCollection(tx, found, stored, request.documents.includes('receipt')) };
  });
  const now = ctx.clock.now();
  const wanted = request.documents.filter((document) => !request.onlyEnabled || settings.printing[document].enabled);

  const jobs: { document: PrintableDocument; caption: string | null }[] = wanted.map((document) => ({ document, caption: null }));
  // Extra labels follow the label's on/off switch after check-in; asked for by hand, they always print.
  const labelsWanted = !request.onlyEnabled || settings.printing['device-label'].enabled;
  if (labelsWanted) jobs.push(...request.labelCaptions.map((caption) => ({ document: 'device-label' as const, caption })));

  const rendered: RenderedDocument[] = [];
  for (const job of jobs) {
    const calibration = await calibrationFor(ctx, settings, settings.printing[job.document].printer);
    const definition = buildDocument(job.document, documentInput(ticket, settings, job.document, now, job.caption, calibration, collection));
    rendered.push({ ...job, pdf: await ctx.documents.render(definition) });
  }

  const results: PrintResult[] = [];
  for (const { document, caption, pdf } of rendered) {
    const { printer, copies } = settings.printing[document];
    const outcome = await ctx.printing.print({
      ticketNumber: ticket.displayNumber,
      document,
      pdf,
      printer,
      media: pdfPageSize(pdf),
      copies,
    });
    results.push(toPrintResult(document, caption, outcome, settings.language));
  }
  // The check-in's own prints are part of checking in; anything printed later is
  // written to the history, so a second claim ticket in circulation is on record.
  const printed = results.filter((r) => r.ok);
  if (!request.onlyEnabled && printed.length > 0) {
    await recordReprints(ctx, ticket.id, printed, request.staffId ?? null);
  }
  return results;
}

async function recordReprints(ctx: DeskContext, ticketId: number, printed: PrintResult[], staffId: number | null): Promise<void> {
  const at = ctx.clock.now().toISOString();
  await ctx.db.write(async (tx) => {
    // A staff member removed meanwhile is not worth failing a print over: the event is kept without a name.
    const who = staffId !== null && (await tx.existsBy(StaffEntity, { id: staffId })) ? staffId : null;
    // The kind names the document, so the history reads in whatever language the desk shows later.
    for (const result of printed) {
      await recordEvent(tx, { ticketId, kind: PRINTED_EVENT_KINDS[result.document], note: result.caption ?? '', staffId: who, at });
    }
  });
}

/** Renders one document of a ticket for the clerk to look at, without printing it. */
export async function previewTicketDocument(ctx: DeskContext, number: string, document: PrintableDocument): Promise<Buffer> {
  const { ticket, settings, collection } = await ctx.db.read(async (tx) => {
    const stored = await loadSettings(tx);
    const found = await getTicketByNumber(tx, number, stored);
    return { settings: stored, ticket: found, collection: await receiptCollection(tx, found, stored, document === 'receipt') };
  });
  const calibration = await calibrationFor(ctx, settings, settings.printing[document].printer);
  return ctx.documents.render(buildDocument(document, documentInput(ticket, settings, document, ctx.clock.now(), null, calibration, collection)));
}
