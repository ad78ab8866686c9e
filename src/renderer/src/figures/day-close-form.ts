// The day close's form: the opening float and the cash count, keyed by the
// contract's paths (dayClose.close) so its schema's errors land on the fields.
// Amounts stay as typed; one that cannot be read reaches the schema as missing,
// which it reports as not an amount.
import type { UseFormReturnType } from '@mantine/form';
import { DENOMINATIONS_MINOR } from '../../../shared/figures-contract';
import { parseMoney } from '../../../shared/money';

export type CountMode = 'sum' | 'denominations';

export interface DayCloseValues {
  openingFloatMinor: string;
  countBy: CountMode;
  /** The count as one sum, as typed. */
  countedCashMinor: string;
  /** Pieces of each note and coin, in DENOMINATIONS_MINOR's order; '' while not typed. */
  denominations: { faceMinor: number; count: number | string }[];
  note: string;
}

export type DayCloseForm = UseFormReturnType<DayCloseValues>;

/** What the count starts as, and goes back to after a close. */
export const EMPTY_COUNT = {
  countBy: 'sum',
  countedCashMinor: '',
  denominations: DENOMINATIONS_MINOR.map((faceMinor) => ({ faceMinor, count: '' })),
  note: '',
} satisfies Omit<DayCloseValues, 'openingFloatMinor'>;

/** An amount field's minor units; an empty float is none, an empty count is not yet counted. */
export function amountMinor(text: string): number | undefined {
  const parsed = parseMoney(text);
  return parsed.ok ? parsed.minor : undefined;
}

const pieces = (count: number | string) => (typeof count === 'number' ? count : 0);

/** The counted cash: the typed sum, or what the notes and coins add up to. */
export function countedMinor(values: DayCloseValues): number | undefined {
  if (values.countBy === 'denominations') return values.denominations.reduce((sum, d) => sum + d.faceMinor * pieces(d.count), 0);
  return values.countedCashMinor.trim() === '' ? undefined : amountMinor(values.countedCashMinor);
}

export function toInput(values: DayCloseValues) {
  return {
    openingFloatMinor: amountMinor(values.openingFloatMinor),
    countedCashMinor: countedMinor(values),
    denominations: values.countBy === 'denominations' ? values.denominations.map((d) => ({ faceMinor: d.faceMinor, count: pieces(d.count) })) : null,
    note: values.note,
  };
}
