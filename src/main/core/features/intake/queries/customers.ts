// The customer table's statement for intake: a customer already in the archive
// with the same phone and name.
import type { ReadTx } from '../../../storage/transactions';
import { rowReaderOf } from '../../../storage/sql-reader';

export interface CustomerIdRecord {
  id: number;
}

/** The oldest customer with these phone digits and this name (case and outer spaces aside); on SQLite on the driver, as a check-in's hot path. */
export async function selectCustomerByPhoneAndName(tx: ReadTx, phoneDigits: string, name: string): Promise<CustomerIdRecord | undefined> {
  const rows = await rowReaderOf(tx)<CustomerIdRecord>(`SELECT id FROM customer WHERE phone_digits = ? AND lower(trim(name)) = lower(?) ORDER BY id LIMIT 1`, [
    phoneDigits,
    name,
  ]);
  return rows[0];
}
