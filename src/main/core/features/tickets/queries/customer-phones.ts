// The ticket search's statements on the customer table's phone digits.
import { ids, type Lookup } from '../../../storage/lookup';

export function* customerIdsWithPhone(digits: string, limit: number): Lookup<number[]> {
  return yield* ids(`SELECT id FROM customer WHERE phone_digits = ? ORDER BY id DESC LIMIT ?`, [digits, limit]);
}

export function* customerIdsWithPhonePrefix(digits: string, limit: number): Lookup<number[]> {
  return yield* ids(`SELECT id FROM customer WHERE phone_digits >= ? AND phone_digits < ? ORDER BY id DESC LIMIT ?`, [
    digits,
    `${digits}:`, // ':' follows '9'
    limit,
  ]);
}

/** Phones ending with the digits (given reversed): the same number with a country code. */
export function* customerIdsWithPhoneEnding(reversed: string, limit: number): Lookup<number[]> {
  return yield* ids(`SELECT id FROM customer WHERE phone_digits_reversed > ? AND phone_digits_reversed < ? ORDER BY id DESC LIMIT ?`, [
    reversed,
    `${reversed}:`,
    limit,
  ]);
}
