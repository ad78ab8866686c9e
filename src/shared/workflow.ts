// Vocabulary of the repair workflow (diagnosis, quotes, stock, loaners,
// notifications, sign-in), shared by main and the renderer. Every id is stored
// in the database and translated under `workflow.*` in the i18n tables.

/** 软件故障 / 硬件故障 */
export const FAULT_CATEGORIES = ['software', 'hardware'] as const;
export type FaultCategory = (typeof FAULT_CATEGORIES)[number];

/**
 * 故障等级: 1 major (dead, basic function lost, key data lost), 2 main (partial
 * loss of function or performance, risk of breakdown), 3 minor (a function
 * affected, main use still works).
 */
export const SEVERITY_LEVELS = [1, 2, 3] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

/** First response target in minutes for each level (levels 1-2: 10, level 3: 30). */
export const FIRST_RESPONSE_MINUTES: Record<SeverityLevel, number> = { 1: 10, 2: 10, 3: 30 };

/** Labour items of the fee standard (收费标准) are software, hardware or general work. */
export const FEE_CATEGORIES = ['software', 'hardware', 'general'] as const;
export type FeeCategory = (typeof FEE_CATEGORIES)[number];

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'superseded'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/** labour: from the fee standard or typed; part: taken from stock; bought_part: bought in for this one repair (no stock). */
export const QUOTE_LINE_KINDS = ['labour', 'part', 'bought_part'] as const;
export type QuoteLineKind = (typeof QUOTE_LINE_KINDS)[number];

export const DISCOUNT_KINDS = ['percent', 'amount'] as const;
export type DiscountKind = (typeof DISCOUNT_KINDS)[number];

/** Why a quote line is free, partly free or charged. */
export const PRICING_REASONS = [
  'rework_within_repair_warranty',
  'in_warranty',
  'software_within_15_days',
  'upgrade_difference',
  'software_after_15_days',
  'user_caused',
  'out_of_warranty',
] as const;
export type PricingReason = (typeof PRICING_REASONS)[number];

export const APPROVAL_DECISIONS = ['accepted', 'declined'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

export const APPROVAL_METHODS = ['in_person', 'phone'] as const;
export type ApprovalMethod = (typeof APPROVAL_METHODS)[number];

/**
 * used: drawn for a ticket (配件申领); returned_to_stores: the replaced part of a
 * warranty repair kept for the stores (旧件返还), not sellable stock; restock:
 * goods received; override: a manager's correction (stocktake), any sign.
 */
export const STOCK_MOVE_REASONS = ['used', 'returned_to_stores', 'restock', 'override'] as const;
export type StockMoveReason = (typeof STOCK_MOVE_REASONS)[number];

export const NOTIFICATION_METHODS = ['phone', 'sms'] as const;
export type NotificationMethod = (typeof NOTIFICATION_METHODS)[number];

export const NOTIFICATION_OUTCOMES = ['reached', 'no_answer', 'left_message'] as const;
export type NotificationOutcome = (typeof NOTIFICATION_OUTCOMES)[number];

/** Kinds of ticket_event rows written by the workflow (intake writes checked_in, estimate, deposit, passcode_viewed). */
export const WORKFLOW_EVENT_KINDS = [
  'status_changed',
  'diagnosis_saved',
  'quote_saved',
  'approval_recorded',
  'handed_over',
  'promised_date_changed',
  'customer_notified',
  'loaner_lent',
  'loaner_returned',
  'part_used',
  'part_returned_to_stores',
  /** The replaced part handed back to the customer. */
  'part_returned_to_customer',
  /** A cancelled repair's fitted part back on the shelf. */
  'part_restocked',
  'reopened_as_rework',
  'rework_opened',
] as const;
export type WorkflowEventKind = (typeof WORKFLOW_EVENT_KINDS)[number];

/** What the ticket page may offer for a ticket, given its status (see tickets.getWorkflow). */
export const WORKFLOW_ACTIONS = [
  'diagnosis.save',
  'quotes.save',
  'approvals.record',
  'parts.use',
  'parts.returnToStores',
  'parts.returnToCustomer',
  'tickets.handOver',
  'tickets.changePromisedDate',
  'notifications.log',
  'loans.lend',
  'loans.return',
  'workflow.reopen',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/**
 * How a status move is made: a plain move (workflow.move), only by recording
 * the customer's decision (approvals.record), or only by the collection use case.
 */
export const MOVE_VIAS = ['move', 'approval', 'collection'] as const;
export type MoveVia = (typeof MOVE_VIAS)[number];

export const SEARCH_MATCH_FIELDS = ['number', 'phone', 'name', 'serial', 'model'] as const;
export type SearchMatchField = (typeof SEARCH_MATCH_FIELDS)[number];

/** Best first: exact ticket number, then exact phone or serial, then prefixes, then substrings. */
export const SEARCH_MATCH_KINDS = ['exact', 'prefix', 'contains'] as const;
export type SearchMatchKind = (typeof SEARCH_MATCH_KINDS)[number];

export const PIN_LIMITS = {
  minDigits: 4,
  maxDigits: 8,
  /** Wrong PINs in a row before sign-in is locked for a while. */
  freeAttempts: 5,
  /** First lock; doubles with each further wrong PIN, up to the maximum. */
  lockBaseSeconds: 30,
  lockMaxSeconds: 15 * 60,
} as const;

export const WORKFLOW_LIMITS = {
  quoteLines: 50,
  lineQtyMax: 999,
  /** An on-screen signature as a PNG data URL. */
  signatureMaxChars: 400_000,
  searchQueryMax: 100,
  boardPageSizeMax: 200,
} as const;
