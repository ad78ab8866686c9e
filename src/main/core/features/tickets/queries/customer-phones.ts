// The ticket search's statements on the customer table's phone digits.
import { ids, type Lookup } from '../../../storage/lookup';
import { limitedText } from '../../../storage/row-limit';
import type { ReadSql } from '../../../storage/transactions';

const WITH_PHONE = limitedText<ReadSql>(`SELECT id FROM customer WHERE phone_digits = ? ORDER BY id DESC`);
const WITH_PHONE_PREFIX = limitedText<ReadSql>(`SELECT id FROM customer WHERE phone_digits >= ? AND phone_digits < ? ORDER BY id DESC`);
const WITH_PHONE_ENDING = limitedText<ReadSql>(`SELECT id FROM customer WHERE phone_digits_reversed > ? AND phone_digits_reversed < ? ORDER BY id DESC`);

export function* customerIdsWithPhone(digits: string, limit: number): Lookup<number[]> {
  return yield* ids(WITH_PHONE(limit), [digits]);
}

export function* customerIdsWithPhonePrefix(digits: string, limit: number): Lookup<number[]> {
  return yield* ids(WITH_PHONE_PREFIX(limit), [digits, `${digits}:`]); // ':' follows '9'
}

/** Phones ending with the digits (given reversed): the same number with a country code. */
export function* customerIdsWithPhoneEnding(reversed: string, limit: number): Lookup<number[]> {
  return yield* ids(WITH_PHONE_ENDING(limit), [reversed, `${reversed}:`]);
}
