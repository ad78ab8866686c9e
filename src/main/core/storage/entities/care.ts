// Customer care after the counter: follow-up calls and their state, complaints
// and their steps, manufacturer trips, messages and notifications.
import { EntitySchema } from 'typeorm';
import { id, text, nullableText, integer, nullableInteger, flag, nullableFlag } from './columns';
import type { ComplaintCategory, ComplaintSeverity, ComplaintStatus, ComplaintStepKind } from '../../../../shared/customer-care-contract';
import type { NotificationMethod, NotificationOutcome } from '../../../../shared/workflow';

export interface FollowUpCallRow {
  id: number;
  ticketId: number;
  reached: boolean;
  working: boolean | null;
  quality: number | null;
  attitude: number | null;
  remarks: string;
  staffId: number | null;
  at: string;
}

export const FollowUpCallEntity = new EntitySchema<FollowUpCallRow>({
  name: 'FollowUpCall',
  tableName: 'follow_up_call',
  columns: {
    id,
    ticketId: { ...integer, name: 'ticket_id' },
    reached: flag,
    working: nullableFlag,
    quality: nullableInteger,
    attitude: nullableInteger,
    remarks: text,
    staffId: { ...nullableInteger, name: 'staff_id' },
    at: text,
  },
});

export interface FollowUpStateRow {
  ticketId: number;
  collectedOn: string;
  sameDay: number;
  failedAttempts: number;
  lastFailedOn: string | null;
  reached: number;
}

export const FollowUpStateEntity = new EntitySchema<FollowUpStateRow>({
  name: 'FollowUpState',
  tableName: 'follow_up_state',
  columns: {
    ticketId: { type: 'integer', primary: true, name: 'ticket_id' },
    collectedOn: { ...text, name: 'collected_on' },
    sameDay: { ...integer, name: 'same_day' },
    failedAttempts: { ...integer, name: 'failed_attempts' },
    lastFailedOn: { ...nullableText, name: 'last_failed_on' },
    reached: integer,
  },
});

export interface ComplaintRow {
  id: number;
  customerId: number;
  ticketId: number | null;
  followUpCallId: number | null;
  category: ComplaintCategory;
  reason: string;
  severity: ComplaintSeverity;
  ownerId: number;
  dueDate: string;
  status: ComplaintStatus;
  reworkTicketId: number | null;
  outcome: string;
  customerAccepted: boolean | null;
  openedBy: number | null;
  openedAt: string;
  resolvedAt: string | null;
  closedBy: number | null;
  closedAt: string | null;
}

export const ComplaintEntity = new EntitySchema<ComplaintRow>({
  name: 'Complaint',
  tableName: 'complaint',
  columns: {
    id,
    customerId: { ...integer, name: 'customer_id' },
    ticketId: { ...nullableInteger, name: 'ticket_id' },
    followUpCallId: { ...nullableInteger, name: 'follow_up_call_id' },
    category: text,
    reason: text,
    severity: text,
    ownerId: { ...integer, name: 'owner_id' },
    dueDate: { ...text, name: 'due_date' },
    status: text,
    reworkTicketId: { ...nullableInteger, name: 'rework_ticket_id' },
    outcome: text,
    customerAccepted: { ...nullableFlag, name: 'customer_accepted' },
    openedBy: { ...nullableInteger, name: 'opened_by' },
    openedAt: { ...text, name: 'opened_at' },
    resolvedAt: { ...nullableText, name: 'resolved_at' },
    closedBy: { ...nullableInteger, name: 'closed_by' },
    closedAt: { ...nullableText, name: 'closed_at' },
  },
});

export interface ComplaintStepRow {
  id: number;
  complaintId: number;
  kind: ComplaintStepKind;
  note: string;
  staffId: number | null;
  at: string;
}

export const ComplaintStepEntity = new EntitySchema<ComplaintStepRow>({
  name: 'ComplaintStep',
  tableName: 'complaint_step',
  columns: {
    id,
    complaintId: { ...integer, name: 'complaint_id' },
    kind: text,
    note: text,
    staffId: { ...nullableInteger, name: 'staff_id' },
    at: text,
  },
});

export interface ManufacturerTripRow {
  id: number;
  ticketId: number;
  rmaNumber: string;
  manufacturer: string;
  expectedBack: string;
  note: string;
  sentBy: number | null;
  sentAt: string;
  backBy: number | null;
  backAt: string | null;
}

export const ManufacturerTripEntity = new EntitySchema<ManufacturerTripRow>({
  name: 'ManufacturerTrip',
  tableName: 'manufacturer_trip',
  columns: {
    id,
    ticketId: { ...integer, name: 'ticket_id' },
    rmaNumber: { ...text, name: 'rma_number' },
    manufacturer: text,
    expectedBack: { ...text, name: 'expected_back' },
    note: text,
    sentBy: { ...nullableInteger, name: 'sent_by' },
    sentAt: { ...text, name: 'sent_at' },
    backBy: { ...nullableInteger, name: 'back_by' },
    backAt: { ...nullableText, name: 'back_at' },
  },
});

export interface ContactMessageRow {
  id: number;
  ticketId: number;
  template: string;
  language: string;
  text: string;
  staffId: number | null;
  at: string;
}

export const ContactMessageEntity = new EntitySchema<ContactMessageRow>({
  name: 'ContactMessage',
  tableName: 'contact_message',
  columns: {
    id,
    ticketId: { ...integer, name: 'ticket_id' },
    template: text,
    language: text,
    text,
    staffId: { ...nullableInteger, name: 'staff_id' },
    at: text,
  },
});

export interface NotificationRow {
  id: number;
  ticketId: number;
  staffId: number | null;
  method: NotificationMethod;
  outcome: NotificationOutcome;
  note: string;
  at: string;
}

export const NotificationEntity = new EntitySchema<NotificationRow>({
  name: 'Notification',
  tableName: 'notification',
  columns: {
    id,
    ticketId: { ...integer, name: 'ticket_id' },
    staffId: { ...nullableInteger, name: 'staff_id' },
    method: text,
    outcome: text,
    note: text,
    at: text,
  },
});
