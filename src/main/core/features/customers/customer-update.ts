// Changing a customer's archive record at intake is its own act ("Update
// customer"), never a side effect of checking in: old tickets and reprints show
// the customer's current name, so the change goes through the archive's one
// update, which keeps the old values, who changed them and when.
import type { WriteTx } from '../../storage/transactions';
import type { ChannelParsedInput } from '../../../../shared/contract';
import type { CustomerUpdateResult } from '../../../../shared/trust-contract';
import type { Actor } from '../staff';
import { updateCustomer as updateArchiveRecord } from './customer-archive';

export async function updateCustomer(tx: WriteTx, actor: Actor, input: ChannelParsedInput<'customers.update'>, nowIso: string): Promise<CustomerUpdateResult> {
  const record = { customerId: input.id, name: input.name, phone: input.phone, address: input.address, notes: input.notes };
  const changed = await updateArchiveRecord(tx, actor, record, nowIso, 'id');
  return { id: input.id, name: input.name, phone: input.phone, address: input.address, notes: input.notes, changed };
}
