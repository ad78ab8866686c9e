// Every kind of row a ticket's history (ticket_event) holds, grouped by the
// part of the desk that writes it. The screens name each one under
// workflow.eventKind in both languages.
import type { PrintableDocument } from './contract';
import { COLLECTION_EVENT_KINDS } from './collection-contract';
import { WORKFLOW_EVENT_KINDS } from './workflow';

export const INTAKE_EVENT_KINDS = ['checked_in', 'estimate', 'deposit', 'passcode_viewed'] as const;

/** The event a printed document leaves on its ticket. */
export const PRINTED_EVENT_KINDS = {
  'intake-form': 'printed_intake_form',
  'claim-ticket': 'printed_claim_ticket',
  'device-label': 'printed_device_label',
  receipt: 'printed_receipt',
} as const satisfies Record<PrintableDocument, `printed_${string}`>;

/** Written by customer care: follow-up calls, complaints, messages and the bench tests of a repair. */
export const CARE_EVENT_KINDS = [
  'follow_up_reached',
  'follow_up_not_reached',
  'complaint_opened',
  'complaint_closed',
  'message_copied',
  'repair_test_passed',
  'repair_test_failed',
] as const;

export const TICKET_EVENT_KINDS = [
  ...INTAKE_EVENT_KINDS,
  ...Object.values(PRINTED_EVENT_KINDS),
  ...WORKFLOW_EVENT_KINDS,
  ...COLLECTION_EVENT_KINDS,
  ...CARE_EVENT_KINDS,
] as const;
export type TicketEventKind = (typeof TICKET_EVENT_KINDS)[number];
