// Handlers of the documents-and-printing channels.
// Rendering and printing happen outside any database transaction: a slow
// printer never holds the shop's file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PrintResult, printingChannels } from '../../../../shared/contract';
import { translate } from '../../../../shared/i18n/translate';
import { barcodeText } from '../../../../shared/ticket-number';
import { buildDocument, PRESETS } from '../../documents';
import { SAMPLE_SHOP, sampleTicketDetail } from '../../documents/sample';
import { sampleCollectionView } from '../../documents/sample-receipt';
import type { FeatureHandlers } from '../../handler-map';
import { loadSettings } from '../settings';
import { requireActor } from '../staff';
import { calibrationFor, pdfPageSize, previewTicketDocument, printTicketDocuments, requirePreset, toPrintResult } from './ticket-printing';

export const printingHandlers: FeatureHandlers<typeof printingChannels> = {
  'printing.presets': async () => PRESETS.map((p) => ({ id: p.id, document: p.kind, name: p.name, widthMm: p.widthMm, heightMm: p.heightMm })),

  'printing.printers': async (_input, { db, printing }) => {
    const outcome = await printing.listPrinters();
    if (outcome.ok) {
      return { printers: outcome.printers.map((p) => ({ name: p.name, isDefault: p.isDefault, status: p.status ?? 'unknown' })), error: null };
    }
    const { language } = await db.read((tx) => loadSettings(tx));
    return { printers: [], error: { code: outcome.error.code, message: translate(language, `errors.print.${outcome.error.code}`) } };
  },

  'printing.printTicket': async ({ session, ...input }, ctx) => {
    // Who prints comes from the session: a reprint in the history names the person signed in.
    const actor = await ctx.db.read((tx) => requireActor(tx, ctx, session));
    return printTicketDocuments(ctx, { ...input, staffId: actor.id });
  },

  'printing.preview': async (input, ctx) => {
    const pdf = await previewTicketDocument(ctx, input.number, input.document);
    const dir = join(ctx.dataDir, 'previews');
    mkdirSync(dir, { recursive: true });
    // One file per ticket and document, overwritten by the next preview: previews are not records.
    const safeNumber = input.number.replace(/[^0-9A-Za-z-]/g, '') || 'ticket';
    const path = join(dir, `${safeNumber}-${input.document}.pdf`);
    writeFileSync(path, pdf);
    await ctx.openPath(path);
    return { path };
  },

  'printing.testPrint': async (input, ctx) => {
    requirePreset(input.document, input.preset, 'preset');
    const settings = await ctx.db.read((tx) => loadSettings(tx));
    const now = ctx.clock.now();
    const ticket = sampleTicketDetail(now);
    const definition = buildDocument(input.document, {
      ticket,
      shop: settings.shopName ? { name: settings.shopName, address: settings.shopAddress, phone: settings.shopPhone } : SAMPLE_SHOP,
      language: settings.language,
      terms: settings.intakeTerms || undefined,
      claimTerms: settings.claimTerms || undefined,
      printedAt: now,
      preset: input.preset,
      calibration: input.calibration ?? (await calibrationFor(ctx, settings, input.printer)),
      collection: input.document === 'receipt' ? sampleCollectionView(ticket, now) : undefined,
    });
    const pdf = await ctx.documents.render(definition);
    const outcome = await ctx.printing.print({
      ticketNumber: `TEST-${barcodeText(ticket.number)}`,
      document: input.document,
      pdf,
      printer: input.printer,
      media: pdfPageSize(pdf),
      copies: 1,
    });
    const result: PrintResult = toPrintResult(input.document, null, outcome, settings.language);
    return result;
  },
};
