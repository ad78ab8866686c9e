// The device rows a customer's page lists, and the merge that moves a duplicate
// customer's devices to the record kept.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import type { DeviceType } from '../../../../../shared/domain';

export interface CustomerDeviceRow {
  id: number;
  type: DeviceType;
  brand: string;
  model: string;
  serial: string;
  colour: string;
  ticket_count: number;
}

export async function selectDevicesOfCustomer(tx: ReadTx, customerId: number): Promise<CustomerDeviceRow[]> {
  return tx.query<CustomerDeviceRow[]>(
    `SELECT d.id, d.type, d.brand, d.model, d.serial, d.colour, (SELECT COUNT(*) FROM ticket t WHERE t.device_id = d.id) AS ticket_count
     FROM device d WHERE d.customer_id = ? ORDER BY d.id DESC`,
    [customerId],
  );
}

/** Moves every device of one customer to another; answers how many moved. */
export async function moveDevicesToCustomer(tx: WriteTx, toCustomerId: number, fromCustomerId: number): Promise<number> {
  const moved = await tx.query<{ id: number }[]>(`UPDATE device SET customer_id = ? WHERE customer_id = ? RETURNING id`, [toCustomerId, fromCustomerId]);
  return moved.length;
}
