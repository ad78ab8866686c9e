// The repair receipt (维修收据), rendered for real from collections made on a
// test desk and read back with poppler and zbar: page size of both presets,
// the text in both languages, the barcode at 200 dpi, the signature image,
// the unrepaired wording, and over-long customer data kept inside the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, createDocumentRenderer, resolvePreset, type DocumentInput, type DocumentRenderer } from '../../src/main/core/documents';
import { ELLIPSIS, mmToPt } from '../../src/main/core/documents/layout';
import { SAMPLE_SHOP } from '../../src/main/core/documents/sample';
import type { CollectionView } from '../../src/shared/collection-contract';
import type { TicketDetail } from '../../src/shared/contract';
import { LANGUAGES, LIMITS, type Language } from '../../src/shared/domain';
import { barcodeText } from '../../src/shared/ticket-number';
import { fixedClock, openTestDesk, type TestDesk } from '../support/desk';
import { firstItem } from '../support/lists';
import { FONTS_DIR, decodeBarcodes, overlappingWords, pdfInfo, pdfText, pdfWords, requirePdfTools, wordsOutsidePage } from '../support/pdf';
import { addPart, feeItemId, setUpCrew, signaturePng, type Crew } from '../support/workflow';

const START = '2026-11-23T06:30:00Z';
const PRINTED_AT = new Date('2026-11-23T08:00:00Z');
const LONG_NAME = "欧阳娜娜 Nana Ouyang-Featherstonehaugh-Worthington 上官婉儿 Wan'er Shangguan-Montgomery 诸葛"
  .padEnd(LIMITS.nameMax, '长')
  .slice(0, LIMITS.nameMax);
const LONG_MODEL = `ThinkPad X1 Carbon Gen 11 至尊版 ${'Z'.repeat(40)} Ultra-Long-Model-Name 超长型号`.slice(0, LIMITS.shortTextMax);

interface Collected {
  ticket: TicketDetail;
  view: CollectionView;
}

let desk: TestDesk;
let crew: Crew;
let renderer: DocumentRenderer;
let repaired: Collected;
let unrepaired: Collected;
let longNames: Collected;
let oldPartBack: Collected;
let boughtIn: Collected;

/** Checks in, quotes, decides, (repairs,) pays and collects through the contract, like the counter. */
async function collect(options: {
  customer?: Record<string, unknown>;
  device?: Record<string, unknown>;
  decline?: boolean;
  oldPartBack?: boolean;
  /** A screen bought in for this repair on the quote too. */
  boughtIn?: boolean;
}): Promise<Collected> {
  const session = crew.manager.session;
  const checkIn = await desk.call('intake.checkIn', {
    session,
    customer: { name: '王小明 Wang Xiaoming', phone: '138 0013 8000', ...options.customer },
    devices: [
      {
        type: 'laptop',
        brand: 'Lenovo 联想',
        model: 'ThinkPad X1',
        serial: 'PF3ABC12',
        accessories: ['charger', 'bag'],
        fault: '开机黑屏 no display',
        dataAnswer: 'has_backup',
        estimateMinor: 30000,
        depositMinor: 5000,
        feeConsent: true,
        ...options.device,
      },
    ],
  });
  const { id: ticketId, displayNumber } = firstItem(checkIn.tickets);
  await desk.call('workflow.move', { session, ticketId, toStatus: 'diagnosing' });
  await desk.call('diagnosis.save', {
    session,
    ticketId,
    category: 'hardware',
    cause: '屏幕排线松动 loose display cable',
    solution: '更换排线 replaced the cable',
    severity: 2,
  });
  await desk.call('quotes.save', {
    session,
    ticketId,
    lines: [
      { kind: 'labour', feeItemId: await feeItemId(desk, 'diagnosis') },
      { kind: 'labour', feeItemId: await feeItemId(desk, 'screen_replacement') },
      { kind: 'labour', feeItemId: null, description: '屏幕排线 Display cable', unitPriceMinor: 12345 },
      ...(options.boughtIn
        ? [{ kind: 'bought_part' as const, description: '原装屏幕 OLED screen', unitPriceMinor: 68000, unitCostMinor: 45150, supplier: '华强配件 Huaqiang' }]
        : []),
    ],
    discount: { kind: 'amount', value: 345, reason: '老客户 returning customer' },
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
  // The replaced cable leaves with its owner: fitted during the repair, handed back at the counter.
  const part = options.oldPartBack
    ? await addPart(desk, crew, { name: '屏幕排线 Display cable', specification: 'X1 Gen 11', compatibleModels: 'ThinkPad X1' })
    : null;
  if (!options.decline) {
    for (const toStatus of ['in_repair', 'testing', 'ready'] as const) {
      await desk.call('workflow.move', { session, ticketId, toStatus });
      if (toStatus === 'in_repair' && part) await desk.call('parts.use', { session, ticketId, partId: part.id, qty: 1 });
    }
  }
  if (part) {
    const refused = await desk.dispatch('parts.returnToCustomer', { session, ticketId, partId: part.id, qty: 2, note: '' });
    expect(refused.ok ? null : refused.error.fields).toEqual([{ path: 'qty', code: 'too_many' }]);
    const workflow = await desk.call('parts.returnToCustomer', { session: crew.clerk.session, ticketId, partId: part.id, qty: 1, note: '' });
    expect(workflow.oldPartsHandedBack).toMatchObject([{ partName: '屏幕排线 Display cable', qty: 1, staffName: crew.clerk.name }]);
    expect(workflow.timeline.map((e) => e.kind)).toContain('part_returned_to_customer');
  }
  const due = (await desk.call('collection.get', { ticketId })).balanceMinor;
  if (due > 0) {
    const cash = Math.min(10000, due);
    await desk.call('collection.pay', { session, ticketId, method: 'cash', amountMinor: cash, tenderedMinor: cash + 5000 });
    if (due > cash) await desk.call('collection.pay', { session, ticketId, method: 'wechat', amountMinor: due - cash, reference: 'WX4200001234' });
  } else if (due < 0) {
    await desk.call('collection.refund', { session, ticketId, method: 'cash', amountMinor: -due, reason: 'deposit over the diagnosis fee' });
  }
  const result = await desk.call('collection.complete', {
    session,
    ticketId,
    identity: 'claim_ticket',
    signaturePng: signaturePng(120, 40),
    accessoriesReturned: ['charger', 'bag'],
  });
  return { ticket: await desk.call('tickets.get', { number: displayNumber }), view: result.view };
}

function inputFor(c: Collected, language: Language, preset?: string): DocumentInput {
  return { ticket: c.ticket, collection: c.view, shop: SAMPLE_SHOP, language, printedAt: PRINTED_AT, preset };
}

beforeAll(async () => {
  await requirePdfTools();
  desk = await openTestDesk({ clock: fixedClock(START) });
  crew = await setUpCrew(desk);
  repaired = await collect({});
  unrepaired = await collect({ decline: true });
  longNames = await collect({ customer: { name: LONG_NAME }, device: { model: LONG_MODEL } });
  oldPartBack = await collect({ oldPartBack: true });
  boughtIn = await collect({ boughtIn: true });
  renderer = createDocumentRenderer({ fontsDir: FONTS_DIR });
  await renderer.warmUp();
}, 120_000);

afterAll(async () => {
  await desk?.dispose();
});

const WORDS: Record<Language, { repaired: string[]; unrepaired: string[]; change: string }> = {
  en: {
    repaired: [
      'Repair Receipt',
      'Work done',
      'Discount',
      'returning customer',
      'Total',
      'Deposit paid',
      'Cash',
      'WeChat Pay',
      'Paid in full',
      'Repair warranty until 21 Feb 2027',
      'Customer signature',
      'Charger, Bag',
    ],
    unrepaired: ['Repair Receipt', 'Returned unrepaired', 'Not repaired: no repair warranty.', 'Refund'],
    change: 'change',
  },
  'zh-CN': {
    repaired: ['维修收据', '维修内容', '优惠', '合计', '已付订金', '现金', '微信支付', '已付清', '免费维修期至 2027-02-21', '客户签名', '充电器、电脑包'],
    unrepaired: ['维修收据', '未修复', '未修复，无维修保修。', '退款'],
    change: '找零',
  },
};

describe.each(['roll-80', 'a4'])('receipt on %s', (presetId) => {
  const preset = resolvePreset('receipt', presetId);

  it.each(LANGUAGES)('in %s: page size, content, barcode and signature', async (language) => {
    const pdf = await renderer.render(buildDocument('receipt', inputFor(repaired, language, presetId)));
    const [info, text, symbols, layout] = await Promise.all([pdfInfo(pdf), pdfText(pdf), decodeBarcodes(pdf, 200), pdfWords(pdf)]);

    expect(info.pages).toBe(1);
    const page = firstItem(info.pageSizes);
    expect(page.width).toBeCloseTo(mmToPt(preset.widthMm), 0);
    if (preset.heightMm === null) {
      // A roll: as tall as the content plus the bottom margin, never a fixed sheet.
      const lowest = Math.max(...layout.words.map((w) => w.yMax));
      expect(page.height - lowest).toBeLessThanOrEqual(mmToPt(preset.margins.bottom) + 6);
      expect(page.height).toBeGreaterThan(mmToPt(150));
    } else {
      expect(page.height).toBeCloseTo(mmToPt(preset.heightMm), 0);
    }

    expect(text).toContain(repaired.view.displayNumber);
    expect(text).toContain('王小明');
    expect(text).toContain('Wang Xiaoming');
    expect(text).toContain('ThinkPad X1');
    expect(text).toContain('*******8000');
    expect(text).not.toContain('13800138000');
    for (const words of WORDS[language].repaired) expect(text.replace(/\s+/g, ' ')).toContain(words);
    expect(text).toContain(WORDS[language].change);
    expect(text).toContain('WX4200001234');
    expect(repaired.view.totalMinor).toBe(3000 + 8000 + 12345 - 345);
    expect(text).toContain('230.00'); // the total
    expect(text).toContain('123.45'); // an odd line
    expect(text).not.toContain(WORDS[language].unrepaired[1]);

    expect(symbols.filter((s) => s.type === 'CODE-128').map((s) => s.data)).toEqual([barcodeText(repaired.view.number)]);
    expect(pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/); // the signature
    expect(wordsOutsidePage(layout)).toEqual([]);
    expect(overlappingWords(layout)).toEqual([]);
    expect(pdf.length).toBeLessThan(80 * 1024);
  });

  it.each(LANGUAGES)('in %s: a device returned unrepaired says so and charges the diagnosis fee only', async (language) => {
    expect(unrepaired.view).toMatchObject({ repaired: false, totalMinor: 3000 });
    const pdf = await renderer.render(buildDocument('receipt', inputFor(unrepaired, language, presetId)));
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    for (const words of WORDS[language].unrepaired) expect(text).toContain(words);
    expect(text).toContain('30.00');
    expect(text).not.toContain('80.00'); // the screen labour was not done
    expect(text).not.toContain(language === 'en' ? 'Repair warranty until' : '免费维修期至');
    expect((await decodeBarcodes(pdf)).map((s) => s.data)).toEqual([barcodeText(unrepaired.view.number)]);
  });

  it.each(LANGUAGES)('in %s: a part bought in for the repair is charged and says so, with neither its cost nor its supplier', async (language) => {
    expect(boughtIn.view.totalMinor).toBe(3000 + 8000 + 12345 + 68000 - 345);
    const pdf = await renderer.render(buildDocument('receipt', inputFor(boughtIn, language, presetId)));
    const [text, layout] = await Promise.all([pdfText(pdf), pdfWords(pdf)]);
    // pdftotext may set the amount in the middle of a wrapped description on the roll: read without amounts and spaces.
    const bare = text.replace(/(CN)?¥[\d.,]+/g, '').replace(/\s/g, '');
    const marker = language === 'en' ? 'ordered for this repair' : '本次维修外购';
    expect(bare).toContain(`原装屏幕OLEDscreen·${marker}`.replace(/\s/g, ''));
    expect(text).toContain('680.00');
    expect(text).toContain('910.00'); // the total
    expect(text).not.toContain('451.50');
    expect(text).not.toContain('Huaqiang');
    // The receipt of a quote without one has no such line.
    expect((await pdfText(await renderer.render(buildDocument('receipt', inputFor(repaired, language, presetId))))).replace(/\s/g, '')).not.toContain(
      marker.replace(/\s/g, ''),
    );
    expect(wordsOutsidePage(layout)).toEqual([]);
    expect(overlappingWords(layout)).toEqual([]);
  });

  it.each(LANGUAGES)('in %s: names the replaced part given back to the customer, and only on that receipt', async (language) => {
    expect(oldPartBack.view.oldPartsReturned).toEqual([{ name: '屏幕排线 Display cable', specification: 'X1 Gen 11', qty: 1 }]);
    const text = (await pdfText(await renderer.render(buildDocument('receipt', inputFor(oldPartBack, language, presetId))))).replace(/\s+/g, ' ');
    const label = language === 'en' ? 'Replaced parts given back to you:' : '已退还的旧件：';
    // pdftotext spaces CJK and symbols as it likes: compared without spaces.
    expect(text.replace(/\s/g, '')).toContain(`${label}屏幕排线Displaycable(X1Gen11)×1`.replace(/\s/g, ''));
    const plain = (await pdfText(await renderer.render(buildDocument('receipt', inputFor(repaired, language, presetId))))).replace(/\s+/g, ' ');
    expect(plain).not.toContain(label);
  });

  it.each(LANGUAGES)('in %s: keeps an over-long name and model inside the page', async (language) => {
    const pdf = await renderer.render(buildDocument('receipt', inputFor(longNames, language, presetId)));
    const [info, text, layout, symbols] = await Promise.all([pdfInfo(pdf), pdfText(pdf), pdfWords(pdf), decodeBarcodes(pdf)]);
    expect(info.pages).toBe(1);
    expect(text).toContain('欧阳娜娜');
    expect(text).toContain(ELLIPSIS);
    expect(wordsOutsidePage(layout)).toEqual([]);
    expect(overlappingWords(layout)).toEqual([]);
    expect(symbols.map((s) => s.data)).toEqual([barcodeText(longNames.view.number)]);
  });
});

describe('receipt definition', () => {
  it('is pure and needs the collection', () => {
    const first = JSON.stringify(buildDocument('receipt', inputFor(repaired, 'zh-CN')));
    expect(JSON.stringify(buildDocument('receipt', inputFor(repaired, 'zh-CN')))).toBe(first);
    expect(() => buildDocument('receipt', { ...inputFor(repaired, 'en'), collection: undefined })).toThrow(/collection/);
  });

  it('defaults to the 80 mm roll and offers A4', () => {
    expect(resolvePreset('receipt', undefined).id).toBe('roll-80');
    expect(resolvePreset('receipt', 'a4').heightMm).toBe(297);
    expect(() => resolvePreset('receipt', 'label-62x29')).toThrow(/unknown receipt preset/);
  });
});
