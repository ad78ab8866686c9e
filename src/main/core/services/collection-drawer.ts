// The cash drawer (收银): the day's takings by payment method at any moment,
// refunds negative, voided rows left out, and the deposits taken at intake. A day is the shop's local calendar
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
  const totals = drawerTotals(rows.map((r) => ({ kind: r.kind, method: r.method, amountMinor: r.amount_minor, voided: r.voided_at !== null })));
  // The deposit is money taken at the counter too, on the day of the intake.
  const deposits: { n: number; amount: number }[] = await tx.query(
    `SELECT COUNT(*) AS n, COALESCE(SUM(deposit_minor), 0) AS amount FROM ticket WHERE created_at >= ? AND created_at < ? AND deposit_minor > 0`,
    [localDayStart(day), localDayStart(addDays(day, 1))],
  );
  const intakeDeposits = { count: deposits[0].n, amountMinor: deposits[0].amount };
  return { date: day, ...totals, intakeDeposits, takingsMinor: totals.totalMinor + intakeDeposits.amountMinor, currency: settings.currency };
}
