// Customers, their devices, the record of their edits and merges, and the
// brand and model names the intake form offers.
import { EntitySchema } from 'typeorm';
import type { DeviceType } from '../../../../shared/domain';
import { id, integer, nullableInteger, text } from './columns';

export interface CustomerRow {
  id: number;
  name: string;
  phone: string;
  /** Digits of the phone only, for lookups whatever the clerk typed. */
  phoneDigits: string;
  address: string;
  notes: string;
  /** The technician who serves this customer (one owner per customer). */
  ownerTechnicianId: number | null;
  /** Set once this record was merged into another (a duplicate); the kept customer's id. */
  mergedIntoId: number | null;
  createdAt: string;
  updatedAt: string;
}
export interface DeviceRow {
  id: number;
  customerId: number;
  type: DeviceType;
  brand: string;
  model: string;
  serial: string;
  colour: string;
  createdAt: string;
}

// Left out: phone_digits_reversed, the phone's digits backwards for suffix lookups. The database computes it
// (a generated column on both engines, hidden in SQLite's table_info), so no row ever writes it.
export const CustomerEntity = new EntitySchema<CustomerRow>({
  name: 'Customer',
  tableName: 'customer',
  columns: {
    id,
    name: text,
    phone: text,
    phoneDigits: { ...text, name: 'phone_digits' },
    address: text,
    notes: text,
    ownerTechnicianId: { ...nullableInteger, name: 'owner_technician_id' },
    mergedIntoId: { ...nullableInteger, name: 'merged_into_id' },
    createdAt: { ...text, name: 'created_at' },
    updatedAt: { ...text, name: 'updated_at' },
  },
});
export const DeviceEntity = new EntitySchema<DeviceRow>({
  name: 'Device',
  tableName: 'device',
  columns: {
    id,
    customerId: { ...integer, name: 'customer_id' },
    type: text,
    brand: text,
    model: text,
    serial: text,
    colour: text,
    createdAt: { ...text, name: 'created_at' },
  },
});

export interface CustomerChangeRow {
  id: number;
  customerId: number;
  field: string;
  oldValue: string;
  newValue: string;
  staffId: number | null;
  approvedBy: number | null;
  at: string;
}

export const CustomerChangeEntity = new EntitySchema<CustomerChangeRow>({
  name: 'CustomerChange',
  tableName: 'customer_change',
  columns: {
    id,
    customerId: { ...integer, name: 'customer_id' },
    field: text,
    oldValue: { ...text, name: 'old_value' },
    newValue: { ...text, name: 'new_value' },
    staffId: { ...nullableInteger, name: 'staff_id' },
    approvedBy: { ...nullableInteger, name: 'approved_by' },
    at: text,
  },
});

export interface CustomerMergeRow {
  id: number;
  keptCustomerId: number;
  mergedCustomerId: number;
  ticketsMoved: number;
  devicesMoved: number;
  staffId: number | null;
  approvedBy: number;
  at: string;
}

export const CustomerMergeEntity = new EntitySchema<CustomerMergeRow>({
  name: 'CustomerMerge',
  tableName: 'customer_merge',
  columns: {
    id,
    keptCustomerId: { ...integer, name: 'kept_customer_id' },
    mergedCustomerId: { ...integer, name: 'merged_customer_id' },
    ticketsMoved: { ...integer, name: 'tickets_moved' },
    devicesMoved: { ...integer, name: 'devices_moved' },
    staffId: { ...nullableInteger, name: 'staff_id' },
    approvedBy: { ...integer, name: 'approved_by' },
    at: text,
  },
});

export interface DeviceModelRow {
  brand: string;
  model: string;
}

export const DeviceModelEntity = new EntitySchema<DeviceModelRow>({
  name: 'DeviceModel',
  tableName: 'device_model',
  columns: {
    brand: { type: 'text', primary: true },
    model: { type: 'text', primary: true },
  },
});
