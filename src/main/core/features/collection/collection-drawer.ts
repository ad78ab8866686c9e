// The cash drawer (收银): the day's takings by payment method at any moment:
// deposits taken at intake and payments at collection, refunds negative and
// counted apart from payments, a void booked on the day it was made. A day is
// the shop's local calendar day; payments are stored with UTC timestamps.
import type { ReadTx } from '../../storage/transactions';
import type { CashDrawer } from '../../../../shared/collection-contract';
import type { Settings } from '../../../../shared/contract';
import { addDays, localIsoDate } from '../../../../shared/calendar';
import { localDayStart, periodMoney } from '../figures';

export async function cashDrawer(tx: ReadTx, date: string | null, settings: Settings, now: Date): Promise<CashDrawer> {
  const day = date ?? localIsoDate(now);
  const money = await periodMoney(tx, { from: localDayStart(day), to: localDayStart(addDays(day, 1)) });
  return {
    date: day,
    byMethod: money.byMethod,
    totalMinor: money.totalMinor,
    cashInMinor: money.byMethod.find((m) => m.method === 'cash')!.amountMinor,
    refunds: money.refunds,
    intakeDeposits: money.deposits,
    depositsWithoutMethodMinor: money.depositsWithoutMethodMinor,
    currency: settings.currency,
  };
}
