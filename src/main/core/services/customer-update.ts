// Changing a customer's archive record is its own act, never a side effect of
// checking in: old tickets and reprints show the customer's current name, so
// the history keeps what it was before, who changed it and when.
import type { WriteTx } from '../storage/transactions';
import type { ChannelParsedInput } from '../../../shared/contract';
import { DeskError } from '../../../shared/errors';
import type { CustomerUpdateResult } from '../../../shared/trust-contract';
import { changedValues, recordAudit } from './audit';
import type { Actor } from './auth';
import { phoneDigits } from './customers';

interface CustomerRecord {
  id: number;
  name: string;
  phone: string;
  address: string;
  notes: string;
}

export async function updateCustomer(
  tx: WriteTx,
  actor: Actor,
  input: ChannelParsedInput<'customers.update'>,
  nowIso: string,
): Promise<CustomerUpdateResult> {
  const rows: CustomerRecord[] = await tx.query(`SELECT id, name, phone, address, notes FROM customer WHERE id = ?`, [input.id]);
  const before = rows[0];
  if (!before) throw DeskError.field('id', 'not_found');
  const after: CustomerRecord = { id: before.id, name: input.name, phone: input.phone, address: input.address, notes: input.notes };
  const change = changedValues({ ...before }, { ...after });
  if (change === null) return { ...before, changed: false };
  await tx.query(`UPDATE customer SET name = ?, phone = ?, phone_digits = ?, address = ?, notes = ?, updated_at = ? WHERE id = ?`, [
    after.name,
    after.phone,
    phoneDigits(after.phone),
    after.address,
    after.notes,
    nowIso,
    after.id,
  ]);
  await recordAudit(tx, { kind: 'customer', subjectId: after.id, oldValue: change.old, newValue: change.new, staffId: actor.id, at: nowIso });
  return { ...after, changed: true };
}
