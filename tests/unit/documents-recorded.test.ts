// Paper says only what was recorded: the intake form's condition when nothing
// was ticked, the deposit's method on every document, and on the receipt the
// technician, the warranty's grounds, a settled sum that means something and
// terms that fit a device returned unrepaired. Rendered for real and read
// back with pdftotext, in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, createDocumentRenderer, type DocumentInput, type DocumentRenderer } from '../../src/main/core/documents';
import { SAMPLE_SHOP } from '../../src/main/core/documents/sample';
import type { CollectionView } from '../../src/shared/collection-contract';
import type { TicketDetail } from '../../src/shared/contract';
import { en } from '../../src/shared/i18n/en';
import { zhCN } from '../../src/shared/i18n/zh-CN';
import { LANGUAGES, type Language } from '../../src/shared/domain';
import { fixedClock, openTestDesk, sampleIntake, type TestDesk } from '../support/desk';
import { firstItem } from '../support/lists';
import { FONTS_DIR, pdfText, requirePdfTools } from '../support/pdf';
import { feeItemId, setUpCrew, signaturePng, type Crew } from '../support/workflow';

const START = '2026-11-23T06:30:00Z';
const PRINTED_AT = new Date('2026-11-23T08:00:00Z');
const STRINGS = { en, 'zh-CN': zhCN } as const;

let desk: TestDesk;
let crew: Crew;
let renderer: DocumentRenderer;

const flat = (text: string) => text.replace(/\s+/g, ' ');
/** pdftotext breaks CJK lines anywhere: compare without any spacing. */
const tight = (text: string) => text.replace(/\s+/g, '');

async function ticketOf(device: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<TicketDetail> {
  const result = await desk.call('intake.checkIn', sampleIntake({ device, ...extra }));
  return desk.call('tickets.get', { number: firstItem(result.tickets).displayNumber });
}

async function text(kind: 'intake-form' | 'claim-ticket' | 'receipt', ticket: TicketDetail, language: Language, collection?: CollectionView): Promise<string> {
  const input: DocumentInput = { ticket, collection, shop: SAMPLE_SHOP, language, printedAt: PRINTED_AT };
  return pdfText(await renderer.render(buildDocument(kind, input)));
}

/** Through the contract as the counter does it: diagnosis, quote, the customer's decision, repair, payment, hand-over. */
async function collect(ticket: TicketDetail, options: { decline?: boolean; feeCode: string }): Promise<{ ticket: TicketDetail; view: CollectionView }> {
  const session = crew.technician.session;
  const ticketId = ticket.id;
  await desk.call('workflow.move', { session, ticketId, toStatus: 'diagnosing' });
  await desk.call('diagnosis.save', {
    session,
    ticketId,
    category: 'hardware',
    cause: '屏幕排线松动 loose cable',
    solution: '更换排线 new cable',
    severity: 2,
  });
  await desk.call('quotes.save', {
    session,
    ticketId,
    lines: [
      { kind: 'labour', feeItemId: await feeItemId(desk, 'diagnosis') },
      { kind: 'labour', feeItemId: await feeItemId(desk, options.feeCode) },
    ],
  });
  await desk.call('workflow.move', { session, ticketId, toStatus: 'awaiting_approval' });
  const quoteId = firstItem((await desk.call('tickets.getWorkflow', { ticketId })).quotes).id;
  await desk.call('approvals.record', {
    session,
    ticketId,
    quoteId,
    decision: options.decline ? 'declined' : 'accepted',
    method: 'in_person',
    signaturePng: signaturePng(),
  });
  if (!options.decline) for (const toStatus of ['in_repair', 'testing', 'ready'] as const) await desk.call('workflow.move', { session, ticketId, toStatus });
  const clerk = crew.clerk.session;
  const due = (await desk.call('collection.get', { ticketId })).balanceMinor;
  if (due > 0) await desk.call('collection.pay', { session: clerk, ticketId, method: 'card', amountMinor: due });
  if (due < 0)
    await desk.call('collection.refund', { session: crew.manager.session, ticketId, method: 'cash', amountMinor: -due, reason: 'deposit over the fee' });
  const done = await desk.call('collection.complete', {
    session: clerk,
    ticketId,
    identity: 'claim_ticket',
    signaturePng: signaturePng(120, 40),
    accessoriesReturned: ['charger'],
  });
  return { ticket: await desk.call('tickets.get', { number: ticket.displayNumber }), view: done.view };
}

beforeAll(async () => {
  await requirePdfTools();
  desk = await openTestDesk({ clock: fixedClock(START) });
  crew = await setUpCrew(desk);
  renderer = createDocumentRenderer({ fontsDir: FONTS_DIR });
  await renderer.warmUp();
});

afterAll(async () => {
  await desk?.dispose();
});

const NO_DAMAGE_CLAIM = { en: 'No visible damage', 'zh-CN': '未见明显损伤' } as const;

describe.each(LANGUAGES)('in %s', (language) => {
  const s = STRINGS[language];

  it('prints the condition note, and no "no damage" claim, when no condition box is ticked', async () => {
    const ticket = await ticketOf({ conditionChecks: [], conditionNotes: '屏幕有划痕 screen scratched' });
    const form = tight(await text('intake-form', ticket, language));
    expect(form).toContain(tight('屏幕有划痕 screen scratched'));
    expect(form).not.toContain(tight(NO_DAMAGE_CLAIM[language]));
    expect(form).not.toContain(tight(s.counter.documents.conditionNotRecorded));
  });

  it('says the condition was not recorded when nothing was ticked or noted', async () => {
    const ticket = await ticketOf({ conditionChecks: [], conditionNotes: '' });
    const form = tight(await text('intake-form', ticket, language));
    expect(form).toContain(tight(`${s.docs.condition}${s.counter.documents.conditionNotRecorded}`));
    expect(form).not.toContain(tight(NO_DAMAGE_CLAIM[language]));
  });

  it('prints how the deposit was paid on the intake form, the claim ticket and the receipt', async () => {
    const ticket = await ticketOf({ depositMinor: 5000, depositMethod: 'wechat' }, { technicianId: crew.technician.id });
    const wechat = s.receipt.method.wechat;
    expect(tight(await text('intake-form', ticket, language))).toContain(tight(wechat));
    expect(tight(await text('claim-ticket', ticket, language))).toContain(tight(wechat));
    const collected = await collect(ticket, { feeCode: 'screen_replacement' });
    const receipt = flat(await text('receipt', collected.ticket, language, collected.view));
    expect(tight(receipt)).toContain(tight(`${s.receipt.deposit} · ${wechat}`));
    // The technician who did the work is named.
    expect(tight(receipt)).toContain(tight(`${s.counter.documents.technician}${crew.technician.name}`));
    // Settled by a card payment: the sum paid, never "paid in full 0.00".
    expect(collected.view.paidMinor).toBeGreaterThan(0);
    expect(receipt).toContain(s.receipt.paidInFull);
    expect(receipt).not.toMatch(new RegExp(`${s.receipt.paidInFull}\\s*\\D*0\\.00`));
  });

  it('names the grounds of a warranty job, and a job with nothing to pay says so without a sum', async () => {
    const ticket = await ticketOf(
      { purchaseDate: '2026-06-01', proofOfPurchase: true, depositMinor: 0, estimateMinor: 0 },
      { technicianId: crew.technician.id },
    );
    expect(ticket.warrantyStatus).toBe('in_warranty');
    const collected = await collect(ticket, { feeCode: 'screen_replacement' });
    const receipt = flat(await text('receipt', collected.ticket, language, collected.view));
    const grounds = `${s.warrantyStatus.in_warranty}${language === 'zh-CN' ? '，' : ', '}${s.warrantyBasis.proof_within_period}`;
    if (collected.view.totalMinor === 0) {
      expect(tight(receipt)).toContain(tight(s.counter.documents.nothingToPay));
      expect(receipt).not.toContain(s.receipt.paidInFull);
    }
    expect(tight(receipt)).toContain(tight(`${s.counter.documents.warranty}${grounds}`));
    expect(tight(receipt)).toContain(tight(crew.technician.name));
  });

  it('gives a device returned unrepaired terms that promise no free rework', async () => {
    const ticket = await ticketOf({ depositMinor: 0 });
    const collected = await collect(ticket, { decline: true, feeCode: 'screen_replacement' });
    expect(collected.view.repaired).toBe(false);
    const receipt = tight(await text('receipt', collected.ticket, language, collected.view));
    expect(receipt).toContain(tight(s.receipt.noWarranty));
    for (const clause of s.counter.documents.unrepairedTerms.split('\n')) expect(receipt).toContain(tight(clause));
    for (const clause of s.receipt.defaultTerms.split('\n')) expect(receipt).not.toContain(tight(clause));
  });
});
