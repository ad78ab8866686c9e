// Errors that cross the contract: a code the UI can act on, a message already in
// the user's language, and for validation the fields at fault.

export const ERROR_CODES = [
  'validation',
  'not_found',
  'conflict',
  'forbidden',
  'unavailable',
  'internal',
  // storage and data safety (translations in i18n/features/data-safety.ts)
  'busy',
  'disk_full',
  'read_only',
  'corrupt',
  'wrong_key',
  'recovery_needed',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Why one field was refused; each has a translation under errors.field.<code>. */
export const FIELD_ERROR_CODES = [
  'required',
  'too_long',
  'invalid',
  'phone_invalid',
  'date_invalid',
  'date_in_future',
  'date_in_past',
  'money_invalid',
  'money_negative',
  'money_too_large',
  'money_too_precise',
  'deposit_over_estimate',
  'consent_required',
  'condition_required',
  'pattern_too_short',
  'not_found',
  'too_many',
  // repair workflow and sign-in
  'signed_out',
  'pin_format',
  'pin_wrong',
  'pin_locked',
  'pin_not_set',
  'manager_required',
  'illegal_move',
  'use_approval',
  'use_collection',
  'wrong_status',
  'diagnosis_required',
  'quote_required',
  'quote_not_current',
  'signature_invalid',
  'stock_insufficient',
  'loaner_unavailable',
  'already_returned',
  'still_on_loan',
  'outside_repair_warranty',
  'discount_too_large',
  'duplicate',
  'not_technician',
  // collection and payments
  'balance_due',
  'amount_over_balance',
  'tendered_short',
  'tendered_not_cash',
  'refund_over_paid',
  'already_voided',
  'refund_due',
  // the shop's figures
  'already_closed',
  // roles and the first-run setup
  'role_repair_only',
  'role_counter_only',
  'move_not_for_role',
  'setup_required',
  'setup_done',
  // data safety
  'backup_exists',
  'folder_not_writable',
  'folder_inside_data',
  'not_a_folder',
  // the shared database (PostgreSQL)
  'server_refused',
  'server_wrong_password',
  'server_no_database',
  'server_missing_extension',
  'server_old_version',
  'server_timeout',
  'server_host_unknown',
  'server_tls',
  'server_failed',
  'shop_exists',
  'no_shop_on_server',
  'already_shared',
  'password_not_saved',
  'move_count_mismatch',
  'move_history_broken',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export interface FieldError {
  /** Dotted path into the input, e.g. "devices.0.fault". */
  path: string;
  code: FieldErrorCode;
}

export interface ContractError {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
}

export type ContractResult<T> = { ok: true; data: T } | { ok: false; error: ContractError };

/** Thrown by services; turned into a ContractError at the contract boundary. */
export class DeskError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields: FieldError[] = [],
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = 'DeskError';
  }

  static field(path: string, code: FieldErrorCode): DeskError {
    return new DeskError('validation', [{ path, code }]);
  }
}
