// The fee_item table's statement for collection: which fee-standard items carry a code.
import type { ReadTx } from '../../../storage/transactions';

export interface FeeItemIdRecord {
  id: number;
}

export function selectFeeItemIdsByCode(tx: ReadTx, code: string): Promise<FeeItemIdRecord[]> {
  return tx.query<FeeItemIdRecord[]>(`SELECT id FROM fee_item WHERE code = ?`, [code]);
}
