// Pure helpers of the ticket page's repair panel: the verb of each status
// move, the quote draft, failures, where focus goes next, returnable parts.
import { describe, expect, it } from 'vitest';
import { MOVES } from '../../src/main/core/rules/status-machine';
import { en } from '../../src/shared/i18n/en';
import { zhCN } from '../../src/shared/i18n/zh-CN';
import type { QuoteView, StockMoveView, TicketWorkflow } from '../../src/shared/repair-contract';
import { describeFailure } from '../../src/renderer/src/widgets/error-text';
import { needsManagerApproval } from '../../src/renderer/src/widgets/manager-check';
import { moveButtons, moveVerb } from '../../src/renderer/src/tickets/actions/move-verbs';
import { nextFocusSection } from '../../src/renderer/src/tickets/actions/next-focus';
import { returnableParts } from '../../src/renderer/src/tickets/actions/parts-used';
import {
  addBoughtPart,
  addLine,
  addTypedLabour,
  checkDraft,
  draftFromQuote,
  EMPTY_DRAFT,
  parseQty,
} from '../../src/renderer/src/tickets/actions/quote/quote-draft';
import { itemAt } from '../support/lists';

describe('move verbs', () => {
  it('names the moves the brief requires', () => {
    expect(en.ticketActions.move[moveVerb('received', 'diagnosing')]).toBe('Start diagnosis');
    expect(en.ticketActions.move[moveVerb('testing', 'ready')]).toBe('Mark ready');
    expect(en.ticketActions.move[moveVerb('diagnosing', 'awaiting_approval')]).toBe('Send quote to customer');
    expect(moveVerb('approved', 'in_repair')).toBe('startRepair');
    expect(moveVerb('awaiting_parts', 'in_repair')).toBe('resumeRepair');
    expect(moveVerb('testing', 'in_repair')).toBe('testFailed');
    expect(moveVerb('ready', 'testing')).toBe('reopenTesting');
    expect(moveVerb('declined', 'awaiting_approval')).toBe('customerReconsidered');
    expect(moveVerb('awaiting_approval', 'diagnosing')).toBe('diagnoseAgain');
    expect(moveVerb('back_from_manufacturer', 'at_manufacturer')).toBe('sendBackToManufacturer');
  });

  it('gives every plain move of the status machine its own verb, translated in both languages', () => {
    for (const move of MOVES.filter((m) => m.via === 'move')) {
      const verb = moveVerb(move.from, move.to);
      expect(verb, `${move.from} → ${move.to}`).not.toBe('moveTo');
      expect(en.ticketActions.move[verb]).toBeTruthy();
      expect(zhCN.ticketActions.move[verb]).toBeTruthy();
      if (move.requiresNote) expect(Object.keys(en.ticketActions.notePrompt), `${verb} has a note prompt`).toContain(verb);
    }
    // Two moves from one status never share a name.
    for (const from of new Set(MOVES.map((m) => m.from))) {
      const verbs = MOVES.filter((m) => m.from === from && m.via === 'move').map((m) => moveVerb(m.from, m.to));
      expect(new Set(verbs).size, from).toBe(verbs.length);
    }
  });

  it('lists plain moves only, forward first and the ones that end the repair last', () => {
    const moves = MOVES.filter((m) => m.from === 'in_repair').map(({ to, via, requiresNote, requiresManager }) => ({ to, via, requiresNote, requiresManager }));
    expect(moveButtons('in_repair', moves).map((m) => m.verb)).toEqual(['startTesting', 'waitForParts', 'sendToManufacturer', 'markUnrepairable']);
    const deciding = MOVES.filter((m) => m.from === 'awaiting_approval').map(({ to, via, requiresNote, requiresManager }) => ({
      to,
      via,
      requiresNote,
      requiresManager,
    }));
    // Approved / declined are made by recording the customer's decision, not by a button.
    expect(moveButtons('awaiting_approval', deciding).map((m) => m.verb)).toEqual(['diagnoseAgain', 'cancelRepair']);
    expect(moveButtons('ready', [{ to: 'collected', via: 'collection', requiresNote: false, requiresManager: false }])).toEqual([]);
  });
});

const sentQuote = (over: Partial<QuoteView> = {}): QuoteView => ({
  id: 7,
  ticketId: 1,
  version: 2,
  status: 'sent',
  subtotalMinor: 13000,
  coveredMinor: 0,
  chargeableMinor: 13000,
  discountMinor: 1300,
  totalMinor: 11700,
  discount: { kind: 'amount', value: 1300, reason: 'Regular customer' },
  discountApprovedByName: null,
  note: '',
  staffName: 'Li',
  createdAt: '2026-01-01T00:00:00Z',
  decidedAt: null,
  lines: [
    {
      position: 1,
      kind: 'labour',
      feeItemId: 3,
      partId: null,
      description: 'System reinstall',
      qty: 1,
      unitPriceMinor: 10000,
      coveredUnitPriceMinor: null,
      unitCostMinor: null,
      supplier: '',
      lineTotalMinor: 10000,
      coveredMinor: 0,
      chargedMinor: 10000,
      free: false,
      reason: 'out_of_warranty',
    },
    {
      position: 2,
      kind: 'part',
      feeItemId: null,
      partId: 5,
      description: 'SSD',
      qty: 2,
      unitPriceMinor: 1500,
      coveredUnitPriceMinor: null,
      unitCostMinor: null,
      supplier: '',
      lineTotalMinor: 3000,
      coveredMinor: 0,
      chargedMinor: 3000,
      free: false,
      reason: 'out_of_warranty',
    },
    {
      position: 3,
      kind: 'labour',
      feeItemId: null,
      partId: null,
      description: 'Hinge glue',
      qty: 1,
      unitPriceMinor: 500,
      coveredUnitPriceMinor: null,
      unitCostMinor: null,
      supplier: '',
      lineTotalMinor: 500,
      coveredMinor: 0,
      chargedMinor: 500,
      free: false,
      reason: 'out_of_warranty',
    },
  ],
  ...over,
});

describe('quote draft', () => {
  it('starts from the open quote, and from nothing when the last quote was decided', () => {
    const draft = draftFromQuote(sentQuote());
    expect(draft.lines).toEqual([
      { kind: 'labour', feeItemId: 3, description: '', unitPriceMinor: null, qty: '1' },
      { kind: 'part', partId: 5, coveredUnitPriceMinor: null, qty: '2' },
      { kind: 'labour', feeItemId: null, description: 'Hinge glue', unitPriceMinor: 500, qty: '1' },
    ]);
    expect(draft).toMatchObject({ discountKind: 'amount', discountValue: '13.00', discountReason: 'Regular customer' });
    expect(draftFromQuote(sentQuote({ status: 'declined' }))).toEqual(EMPTY_DRAFT);
    expect(draftFromQuote(undefined)).toEqual(EMPTY_DRAFT);
  });

  it('adds a line, or one more of a line already there', () => {
    let lines = addLine([], { kind: 'labour', feeItemId: 3 });
    lines = addLine(lines, { kind: 'part', partId: 5 });
    lines = addLine(lines, { kind: 'part', partId: 5 });
    expect(lines).toEqual([
      { kind: 'labour', feeItemId: 3, description: '', unitPriceMinor: null, qty: '1' },
      { kind: 'part', partId: 5, coveredUnitPriceMinor: null, qty: '2' },
    ]);
  });

  it('checks quantities and the discount, with the contract’s paths', () => {
    expect(parseQty('３')).toBe(3);
    expect(parseQty('0')).toBeNull();
    expect(parseQty('1000')).toBeNull();
    const lines = addLine(addLine([], { kind: 'labour', feeItemId: 3 }), { kind: 'part', partId: 5 });
    const bad = checkDraft({ lines: [itemAt(lines, 0), { ...itemAt(lines, 1), qty: 'x' }], discountKind: 'percent', discountValue: '120', discountReason: '' });
    expect(bad.errors).toEqual({ 'lines.1.qty': 'invalid', 'discount.value': 'invalid', 'discount.reason': 'required' });
    expect(checkDraft(EMPTY_DRAFT).errors).toEqual({ lines: 'required' });

    const good = checkDraft({ lines, discountKind: 'amount', discountValue: '¥12.50', discountReason: ' Loyal ' });
    expect(good.errors).toEqual({});
    expect(good.lines).toEqual([
      { kind: 'labour', feeItemId: 3, description: '', unitPriceMinor: null, qty: 1 },
      { kind: 'part', partId: 5, coveredUnitPriceMinor: null, qty: 1 },
    ]);
    expect(good.discount).toEqual({ kind: 'amount', value: 1250, reason: 'Loyal' });
    // The live totals price a discount before its reason is typed; saving needs the reason.
    const noReason = { lines, discountKind: 'percent' as const, discountValue: '15%', discountReason: '' };
    expect(checkDraft(noReason, true).errors).toEqual({});
    expect(checkDraft(noReason, true).discount).toMatchObject({ kind: 'percent', value: 15 });
    expect(checkDraft(noReason).errors).toEqual({ 'discount.reason': 'required' });
  });
});

describe('typed labour line', () => {
  it('adds work the fee standard does not list, with its description and price as typed', () => {
    const added = addTypedLabour([], { description: '  Keyboard deep clean ', price: '20.50' });
    expect(added.errors).toEqual({});
    expect(added.lines).toEqual([{ kind: 'labour', feeItemId: null, description: 'Keyboard deep clean', unitPriceMinor: 2050, qty: '1' }]);
    // It goes to main as a described labour line, priced as typed.
    expect(checkDraft({ ...EMPTY_DRAFT, lines: added.lines }).lines).toEqual([
      { kind: 'labour', feeItemId: null, description: 'Keyboard deep clean', unitPriceMinor: 2050, qty: 1 },
    ]);
  });

  it.each([
    [{ description: '', price: '20' }, { typedDescription: 'required' }],
    [{ description: 'Clean', price: '' }, { typedPrice: 'required' }],
    [{ description: 'Clean', price: '-5' }, { typedPrice: 'money_negative' }],
    [{ description: 'Clean', price: '1.234' }, { typedPrice: 'money_too_precise' }],
    [{ description: 'Clean', price: 'abc' }, { typedPrice: 'money_invalid' }],
  ])('refuses %o with %o and adds nothing', (typed, errors) => {
    const added = addTypedLabour([], typed);
    expect(added.errors).toEqual(errors);
    expect(added.lines).toEqual([]);
    for (const code of Object.values(errors)) {
      expect(en.errors.field).toHaveProperty(code);
      expect(zhCN.errors.field).toHaveProperty(code);
    }
  });

  it('adds a part bought in for the repair with its price, cost and supplier, and sends it as typed', () => {
    const added = addBoughtPart([], { description: ' OLED screen 6.1" ', price: '680', cost: '455.50', supplier: ' Huaqiang Parts ' });
    expect(added.errors).toEqual({});
    expect(added.lines).toEqual([
      { kind: 'bought_part', description: 'OLED screen 6.1"', unitPriceMinor: 68000, cost: '455.50', costKept: false, supplier: 'Huaqiang Parts', qty: '1' },
    ]);
    expect(checkDraft({ ...EMPTY_DRAFT, lines: added.lines }).lines).toEqual([
      { kind: 'bought_part', description: 'OLED screen 6.1"', unitPriceMinor: 68000, unitCostMinor: 45550, supplier: 'Huaqiang Parts', qty: 1 },
    ]);
  });

  it.each([
    [{ description: '', price: '680', cost: '450', supplier: '' }, { boughtDescription: 'required' }],
    [{ description: 'Screen', price: '', cost: '450', supplier: '' }, { boughtPrice: 'required' }],
    [{ description: 'Screen', price: '680', cost: '', supplier: '' }, { boughtCost: 'required' }],
    [{ description: 'Screen', price: '680', cost: '-1', supplier: '' }, { boughtCost: 'money_negative' }],
    [
      { description: 'Screen', price: '6.805', cost: 'abc', supplier: '' },
      { boughtPrice: 'money_too_precise', boughtCost: 'money_invalid' },
    ],
  ])('refuses the bought-in part %o with %o and adds nothing', (typed, errors) => {
    const added = addBoughtPart([], typed);
    expect(added.errors).toEqual(errors);
    expect(added.lines).toEqual([]);
    for (const code of Object.values(errors)) {
      expect(en.errors.field).toHaveProperty(code);
      expect(zhCN.errors.field).toHaveProperty(code);
    }
  });

  it('carries a bought-in part into a revision; its cost, recorded but not shown on the ticket, is kept unless typed again', () => {
    const quote = sentQuote();
    const bought = {
      ...itemAt(quote.lines, 1),
      position: 4,
      kind: 'bought_part' as const,
      partId: null,
      description: 'OLED screen',
      unitPriceMinor: 68000,
      qty: 1,
      supplier: 'Huaqiang Parts',
    };
    const draft = draftFromQuote({ ...quote, lines: [...quote.lines, bought] });
    const carried = {
      kind: 'bought_part',
      description: 'OLED screen',
      unitPriceMinor: 68000,
      cost: '',
      costKept: true,
      supplier: 'Huaqiang Parts',
      qty: '1',
    } as const;
    expect(draft.lines[3]).toEqual(carried);
    const kept = checkDraft(draft);
    expect(kept.errors).toEqual({});
    expect(kept.lines[3]).toMatchObject({ kind: 'bought_part', unitCostMinor: null });
    // A cost typed over it replaces the quoted one; a wrong one is refused in place.
    const retyped = checkDraft({ ...draft, lines: [...draft.lines.slice(0, 3), { ...carried, cost: '400' }] });
    expect(retyped.lines[3]).toMatchObject({ unitCostMinor: 40000 });
    expect(checkDraft({ ...draft, lines: [...draft.lines.slice(0, 3), { ...carried, cost: 'abc' }] }).errors).toEqual({
      'lines.3.unitCostMinor': 'money_invalid',
    });
  });
});

describe('failures', () => {
  const text = (code: string) => `[${code}]`;

  it('puts errors of shown fields next to them and says the rest above the button', () => {
    const failure = describeFailure(
      {
        code: 'conflict',
        message: 'conflict!',
        fields: [
          { path: 'qty', code: 'stock_insufficient' },
          { path: 'toStatus', code: 'quote_required' },
        ],
      },
      ['qty'],
      text,
    );
    expect(failure).toEqual({ message: '[quote_required]', fields: { qty: 'stock_insufficient' } });
    expect(describeFailure({ code: 'validation', message: 'fix it', fields: [{ path: 'cause', code: 'required' }] }, ['cause'], text).message).toBeNull();
    expect(describeFailure({ code: 'unavailable', message: 'The desk is not reachable.' }, [], text).message).toBe('The desk is not reachable.');
  });

  it('knows when main wants a manager’s approval', () => {
    expect(needsManagerApproval({ code: 'forbidden', message: '', fields: [{ path: 'managerApproval', code: 'manager_required' }] })).toBe(true);
    expect(needsManagerApproval({ code: 'forbidden', message: '', fields: [{ path: 'managerApproval', code: 'pin_wrong' }] })).toBe(false);
    expect(needsManagerApproval({ code: 'forbidden', message: '', fields: [{ path: 'session', code: 'manager_required' }] })).toBe(false);
  });
});

describe('next focus', () => {
  const view = (over: Partial<TicketWorkflow>) =>
    ({ status: 'diagnosing', actions: ['diagnosis.save', 'quotes.save'], diagnosis: null, quotes: [], partsUsed: [], ...over }) as TicketWorkflow;
  const diagnosis = {
    category: 'hardware',
    cause: 'x',
    solution: '',
    severity: 2,
    userCaused: false,
    internalNotes: '',
    repairClass: null,
    staffName: null,
    updatedAt: '',
  } as const;

  it('follows the repair: diagnosis, quote, send, approval, parts, moves', () => {
    expect(nextFocusSection(view({}))).toBe('diagnosis');
    expect(nextFocusSection(view({ diagnosis }))).toBe('quote');
    expect(nextFocusSection(view({ diagnosis, quotes: [sentQuote({ status: 'superseded' })] }))).toBe('quote');
    expect(nextFocusSection(view({ diagnosis, quotes: [sentQuote({ status: 'draft' })] }))).toBe('moves');
    expect(nextFocusSection(view({ status: 'awaiting_approval', actions: ['diagnosis.save', 'quotes.save', 'approvals.record'] }))).toBe('approval');
    expect(nextFocusSection(view({ status: 'approved', actions: ['parts.use'] }))).toBe('parts');
    expect(nextFocusSection(view({ status: 'approved', actions: ['parts.use'], partsUsed: [{} as StockMoveView] }))).toBe('moves');
    expect(nextFocusSection(view({ status: 'in_repair', actions: ['parts.use'] }))).toBe('moves');
  });
});

describe('returnable parts', () => {
  const move = (over: Partial<StockMoveView>): StockMoveView =>
    ({ id: 1, partId: 5, partName: 'SSD', reason: 'used', qtyDelta: -1, underWarranty: true, ...over }) as StockMoveView;

  it('offers one old part back for each fitted under warranty, never more', () => {
    expect(returnableParts([move({ qtyDelta: -2 }), move({ id: 2, reason: 'returned_to_stores', qtyDelta: 1 })])).toEqual([
      { partId: 5, partName: 'SSD', returnable: 1 },
    ]);
    expect(returnableParts([move({}), move({ id: 2, reason: 'returned_to_stores', qtyDelta: 1 })])).toEqual([]);
    expect(returnableParts([move({ underWarranty: false })])).toEqual([]);
  });
});
