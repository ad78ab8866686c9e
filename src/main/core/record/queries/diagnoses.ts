// The diagnosis facts the pricing and warranty rules read of any ticket.
import type { FaultCategory } from '../../../../shared/workflow';
import type { ReadTx } from '../../storage/transactions';

export interface DiagnosisFacts {
  category: FaultCategory;
  user_caused: number;
}

export async function selectDiagnosisFacts(tx: ReadTx, ticketId: number): Promise<DiagnosisFacts | undefined> {
  const rows = await tx.query<DiagnosisFacts[]>(`SELECT category, user_caused FROM diagnosis WHERE ticket_id = ?`, [ticketId]);
  return rows[0];
}
