// Payment arithmetic at collection (rules/payments.ts), table-driven: deposits,
// split payments, cash change, refunds, voids, discounts and odd minor units.
import { describe, expect, it } from 'vitest';
import { decidePayment, decideRefund, decideVoid, settle, type MoneyRow } from '../../src/main/core/rules/payments';
import { discountAmount } from '../../src/main/core/rules/pricing';

const pay = (method: MoneyRow['method'], amountMinor: number, voided = false): MoneyRow => ({ kind: 'payment', method, amountMinor, voided });
const refund = (method: MoneyRow['method'], amountMinor: number, voided = false): MoneyRow => ({ kind: 'refund', method, amountMinor, voided });

describe('settle: what was received and what is still due', () => {
  it.each([
    { name: 'nothing paid, no deposit', total: 26100, deposit: 0, rows: [], paid: 0, net: 0, balance: 26100 },
    { name: 'deposit covers part', total: 26100, deposit: 10000, rows: [], paid: 10000, net: 0, balance: 16100 },
    { name: 'deposit covers all exactly', total: 10000, deposit: 10000, rows: [], paid: 10000, net: 0, balance: 0 },
    { name: 'deposit exceeds the total: refund due', total: 3000, deposit: 10000, rows: [], paid: 10000, net: 0, balance: -7000 },
    { name: 'nothing to pay at all (free rework)', total: 0, deposit: 0, rows: [], paid: 0, net: 0, balance: 0 },
    { name: 'split cash + card settles', total: 26100, deposit: 10000, rows: [pay('cash', 10000), pay('card', 6100)], paid: 26100, net: 16100, balance: 0 },
    {
      name: 'split over four methods',
      total: 40000,
      deposit: 0,
      rows: [pay('cash', 1), pay('card', 19999), pay('wechat', 10000), pay('alipay', 10000)],
      paid: 40000,
      net: 40000,
      balance: 0,
    },
    { name: 'a refund of the excess deposit settles', total: 3000, deposit: 10000, rows: [refund('cash', 7000)], paid: 3000, net: -7000, balance: 0 },
    {
      name: 'a voided payment does not count',
      total: 26100,
      deposit: 0,
      rows: [pay('card', 26100, true), pay('wechat', 26100)],
      paid: 26100,
      net: 26100,
      balance: 0,
    },
    { name: 'a voided refund does not count', total: 3000, deposit: 10000, rows: [refund('cash', 7000, true)], paid: 10000, net: 0, balance: -7000 },
    { name: 'odd minor units stay exact', total: 10001, deposit: 3333, rows: [pay('cash', 3333), pay('card', 3335)], paid: 10001, net: 6668, balance: 0 },
  ])('$name', ({ total, deposit, rows, paid, net, balance }) => {
    expect(settle(total, deposit, rows)).toEqual({ paidMinor: paid, paymentsNetMinor: net, balanceMinor: balance });
  });

  it('refuses amounts that are not whole minor units (no floating point money)', () => {
    expect(() => settle(100.5, 0, [])).toThrow(RangeError);
    expect(() => settle(100, 0, [pay('cash', 0.1 + 0.2)])).toThrow(RangeError);
  });

  it('a discounted total is whole minor units, rounded as the pricing rule rounds, and settles exactly', () => {
    // 15% of 333.33 is 49.9995: the pricing rule decides the discount, payment arithmetic takes it as it is.
    const discount = discountAmount(33333, { kind: 'percent', value: 15, reason: 'x' });
    expect(Number.isInteger(discount)).toBe(true);
    const total = 33333 - discount;
    expect(settle(total, 5000, [pay('cash', total - 5000)]).balanceMinor).toBe(0);
  });
});

describe('decidePayment: a payment settles part or all of the balance, never more', () => {
  it.each([
    {
      name: 'card, part of the balance',
      balance: 16100,
      method: 'card',
      amount: 6100,
      tendered: null,
      expected: { ok: true, tenderedMinor: null, changeMinor: 0 },
    },
    {
      name: 'card, all of the balance',
      balance: 16100,
      method: 'card',
      amount: 16100,
      tendered: null,
      expected: { ok: true, tenderedMinor: null, changeMinor: 0 },
    },
    {
      name: 'cash with change',
      balance: 16100,
      method: 'cash',
      amount: 16100,
      tendered: 20000,
      expected: { ok: true, tenderedMinor: 20000, changeMinor: 3900 },
    },
    {
      name: 'cash, exact (tendered left empty)',
      balance: 16100,
      method: 'cash',
      amount: 16100,
      tendered: null,
      expected: { ok: true, tenderedMinor: 16100, changeMinor: 0 },
    },
    {
      name: 'cash, odd fen of change',
      balance: 9999,
      method: 'cash',
      amount: 9999,
      tendered: 10000,
      expected: { ok: true, tenderedMinor: 10000, changeMinor: 1 },
    },
    {
      name: 'cash part, rest by WeChat later',
      balance: 16100,
      method: 'cash',
      amount: 10000,
      tendered: 10000,
      expected: { ok: true, tenderedMinor: 10000, changeMinor: 0 },
    },
    {
      name: 'more than the balance',
      balance: 16100,
      method: 'card',
      amount: 16101,
      tendered: null,
      expected: { ok: false, field: 'amountMinor', reason: 'amount_over_balance' },
    },
    {
      name: 'nothing due (refund due)',
      balance: -7000,
      method: 'alipay',
      amount: 1,
      tendered: null,
      expected: { ok: false, field: 'amountMinor', reason: 'amount_over_balance' },
    },
    {
      name: 'cash tendered short',
      balance: 16100,
      method: 'cash',
      amount: 16100,
      tendered: 16000,
      expected: { ok: false, field: 'tenderedMinor', reason: 'tendered_short' },
    },
    {
      name: 'tendered with a card',
      balance: 16100,
      method: 'card',
      amount: 16100,
      tendered: 20000,
      expected: { ok: false, field: 'tenderedMinor', reason: 'tendered_not_cash' },
    },
    { name: 'zero amount', balance: 16100, method: 'wechat', amount: 0, tendered: null, expected: { ok: false, field: 'amountMinor', reason: 'invalid' } },
    {
      name: 'fractional amount',
      balance: 16100,
      method: 'wechat',
      amount: 10.5,
      tendered: null,
      expected: { ok: false, field: 'amountMinor', reason: 'invalid' },
    },
  ] as const)('$name', ({ balance, method, amount, tendered, expected }) => {
    expect(decidePayment({ balanceMinor: balance, method, amountMinor: amount, tenderedMinor: tendered })).toEqual(expected);
  });
});

describe('decideRefund: at most what the shop holds, with a reason', () => {
  it.each([
    { name: 'the excess deposit', paid: 10000, amount: 7000, reason: 'deposit over the bill', expected: { ok: true } },
    { name: 'everything received', paid: 26100, amount: 26100, reason: 'customer complaint', expected: { ok: true } },
    { name: 'more than received', paid: 26100, amount: 26101, reason: 'x', expected: { ok: false, field: 'amountMinor', reason: 'refund_over_paid' } },
    { name: 'nothing received', paid: 0, amount: 1, reason: 'x', expected: { ok: false, field: 'amountMinor', reason: 'refund_over_paid' } },
    { name: 'no reason', paid: 26100, amount: 100, reason: '  ', expected: { ok: false, field: 'reason', reason: 'required' } },
    { name: 'zero', paid: 26100, amount: 0, reason: 'x', expected: { ok: false, field: 'amountMinor', reason: 'invalid' } },
  ])('$name', ({ paid, amount, reason, expected }) => {
    expect(decideRefund(paid, amount, reason)).toEqual(expected);
  });
});

describe('decideVoid: a mistake comes out of the totals once', () => {
  it.each([
    { name: 'a live payment', row: pay('card', 6100), paid: 26100, reason: 'wrong method', expected: { ok: true } },
    { name: 'a live refund', row: refund('cash', 7000), paid: 3000, reason: 'refund typed twice', expected: { ok: true } },
    { name: 'already voided', row: pay('card', 6100, true), paid: 20000, reason: 'again', expected: { ok: false, reason: 'already_voided' } },
    { name: 'no reason', row: pay('card', 6100), paid: 26100, reason: '', expected: { ok: false, reason: 'required' } },
    // 100 deposit, 50 paid, 150 refunded: voiding the 50 would leave -50 held.
    { name: 'would leave more refunded than held', row: pay('cash', 5000), paid: 0, reason: 'x', expected: { ok: false, reason: 'refund_over_paid' } },
  ])('$name', ({ row, paid, reason, expected }) => {
    expect(decideVoid(row, paid, reason)).toEqual(expected);
  });
});
