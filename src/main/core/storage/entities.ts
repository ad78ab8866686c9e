// Table mappings, written as EntitySchemas: the bundler emits no decorator
// metadata, and plain row interfaces keep the services honest about types.
import { EntitySchema } from 'typeorm';
import type { DataAnswer, DeviceType, PasscodeKind, PaymentMethod, StaffRole, TicketStatus, WarrantyBasis, WarrantyStatus } from '../../../shared/domain';

export interface StaffRow {
  id: number;
  name: string;
  role: StaffRole;
  active: boolean;
  createdAt: string;
}

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

export interface TicketRow {
  id: number;
  number: number;
  status: TicketStatus;
  customerId: number;
  deviceId: number;
  /** Tickets checked in together share it (one customer, several devices). */
  intakeBatch: string;
  fault: string;
  customerRequest: string;
  /** JSON array of accessory ids. */
  accessories: string;
  accessoriesOther: string;
  /** JSON array of condition check ids. */
  conditionChecks: string;
  conditionNotes: string;
  purchaseDate: string | null;
  proofOfPurchase: boolean;
  warrantyStatus: WarrantyStatus;
  warrantyBasis: WarrantyBasis;
  feeConsent: boolean;
  dataAnswer: DataAnswer;
  estimateMinor: number;
  depositMinor: number;
  /** How the deposit was paid; null without a deposit (or before this was asked). */
  depositMethod: PaymentMethod | null;
  currency: string;
  promisedDate: string | null;
  technicianId: number | null;
  clerkId: number | null;
  passcodeKind: PasscodeKind | null;
  /** Sealed with the shop's key; never listed, never printed. */
  passcodeSealed: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TicketEventRow {
  id: number;
  ticketId: number;
  kind: string;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  amountMinor: number | null;
  note: string;
  /** A note written as data (rendered in the shop's language when read), as JSON; null for text as typed. */
  noteData: string | null;
  staffId: number | null;
  /** The manager whose PIN approved the step, when it needed one. */
  approvedBy: number | null;
  at: string;
}

export interface SettingRow {
  key: string;
  value: string;
}

export interface TicketDayCounterRow {
  day: string;
  lastSequence: number;
}

const id = { type: Number, primary: true, generated: 'increment' } as const;
const text = { type: 'text' } as const;
const nullableText = { type: 'text', nullable: true } as const;
const integer = { type: 'integer' } as const;
const nullableInteger = { type: 'integer', nullable: true } as const;
const flag = { type: 'boolean' } as const;

export const StaffEntity = new EntitySchema<StaffRow>({
  name: 'Staff',
  tableName: 'staff',
  columns: { id, name: text, role: text, active: flag, createdAt: { ...text, name: 'created_at' } },
});

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

export const TicketEntity = new EntitySchema<TicketRow>({
  name: 'Ticket',
  tableName: 'ticket',
  columns: {
    id,
    number: integer,
    status: text,
    customerId: { ...integer, name: 'customer_id' },
    deviceId: { ...integer, name: 'device_id' },
    intakeBatch: { ...text, name: 'intake_batch' },
    fault: text,
    customerRequest: { ...text, name: 'customer_request' },
    accessories: text,
    accessoriesOther: { ...text, name: 'accessories_other' },
    conditionChecks: { ...text, name: 'condition_checks' },
    conditionNotes: { ...text, name: 'condition_notes' },
    purchaseDate: { ...nullableText, name: 'purchase_date' },
    proofOfPurchase: { ...flag, name: 'proof_of_purchase' },
    warrantyStatus: { ...text, name: 'warranty_status' },
    warrantyBasis: { ...text, name: 'warranty_basis' },
    feeConsent: { ...flag, name: 'fee_consent' },
    dataAnswer: { ...text, name: 'data_answer' },
    estimateMinor: { ...integer, name: 'estimate_minor' },
    depositMinor: { ...integer, name: 'deposit_minor' },
    depositMethod: { ...nullableText, name: 'deposit_method' },
    currency: text,
    promisedDate: { ...nullableText, name: 'promised_date' },
    technicianId: { ...nullableInteger, name: 'technician_id' },
    clerkId: { ...nullableInteger, name: 'clerk_id' },
    passcodeKind: { ...nullableText, name: 'passcode_kind' },
    passcodeSealed: { ...nullableText, name: 'passcode_sealed' },
    createdAt: { ...text, name: 'created_at' },
    updatedAt: { ...text, name: 'updated_at' },
  },
});

export const TicketEventEntity = new EntitySchema<TicketEventRow>({
  name: 'TicketEvent',
  tableName: 'ticket_event',
  columns: {
    id,
    ticketId: { ...integer, name: 'ticket_id' },
    kind: text,
    fromStatus: { ...nullableText, name: 'from_status' },
    toStatus: { ...nullableText, name: 'to_status' },
    amountMinor: { ...nullableInteger, name: 'amount_minor' },
    note: text,
    noteData: { ...nullableText, name: 'note_data' },
    staffId: { ...nullableInteger, name: 'staff_id' },
    approvedBy: { ...nullableInteger, name: 'approved_by' },
    at: text,
  },
});

export const SettingEntity = new EntitySchema<SettingRow>({
  name: 'Setting',
  tableName: 'setting',
  columns: { key: { type: 'text', primary: true }, value: text },
});

export const TicketDayCounterEntity = new EntitySchema<TicketDayCounterRow>({
  name: 'TicketDayCounter',
  tableName: 'ticket_day_counter',
  columns: { day: { type: 'text', primary: true }, lastSequence: { ...integer, name: 'last_sequence' } },
});

export const ALL_ENTITIES = [StaffEntity, CustomerEntity, DeviceEntity, TicketEntity, TicketEventEntity, SettingEntity, TicketDayCounterEntity];
