// The cash drawer (收银): the day's takings by payment method at any moment:
// deposits taken at intake and payments at collection, refunds negative,
// voided rows left out. A day is the shop's local calendar
// day; payments are stored with UTC timestamps.
import type { EntityManager } from 'typeorm';
import type { CashDrawer, PaymentKind, PaymentMethod } from '../../../shared/collection-contract';
import type { Settings } from '../../../shared/contract';
import { addDays, localIsoDate } from '../rules/calendar';
import { drawerTotals } from '../rules/payments';

/** The UTC instant a local calendar day starts. */
function localDayStart(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d).toISOString();
}

export async function cashDrawer(tx: EntityManager, date: string | null, settings: Settings, now: Date): Promise<CashDrawer> {
  const day = date ?? localIsoDate(now);
  const rows: { kind: PaymentKind; method: PaymentMethod; amount_minor: number; voided_at: string | null }[] = await tx.query(
    `SELECT kind, method, amount_minor, voided_at FROM payment WHERE at >= ? AND at < ?`,
    [localDayStart(day), localDayStart(addDays(day, 1))],
  );
  // A deposit is money taken at the counter too, on the day of the intake, by its method.
  const deposits: { method: PaymentMethod | null; amount_minor: number }[] = await tx.query(
    `SELECT deposit_method AS method, deposit_minor AS amount_minor FROM ticket WHERE created_at >= ? AND created_at < ? AND deposit_minor > 0`,
    [localDayStart(day), localDayStart(addDays(day, 1))],
  );
  const withMethod = deposits.filter((d): d is { method: PaymentMethod; amount_minor: number } => d.method !== null);
  const depositsWithoutMethodMinor = deposits.filter((d) => d.method === null).reduce((sum, d) => sum + d.amount_minor, 0);
  const totals = drawerTotals([
    ...rows.map((r) => ({ kind: r.kind, method: r.method, amountMinor: r.amount_minor, voided: r.voided_at !== null })),
    ...withMethod.map((d) => ({ kind: 'payment' as const, method: d.method, amountMinor: d.amount_minor, voided: false })),
  ]);
  return {
    date: day,
    ...totals,
    totalMinor: totals.totalMinor + depositsWithoutMethodMinor,
    intakeDeposits: { count: deposits.length, amountMinor: deposits.reduce((sum, d) => sum + d.amount_minor, 0) },
    depositsWithoutMethodMinor,
    currency: settings.currency,
  };
}
