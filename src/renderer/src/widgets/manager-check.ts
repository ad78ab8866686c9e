// The two manager checks main makes, read from its refusal.
import type { ContractError } from '../../../shared/errors';

/** A manager's PIN typed at the counter would let it through (a void, a stocktake, a large discount). */
export function needsManagerApproval(error: ContractError): boolean {
  return (error.fields ?? []).some((field) => field.path === 'managerApproval' && field.code === 'manager_required');
}

/** Only a manager's own session may do this (parts.save, feeStandard.save). */
export function needsManagerSession(error: ContractError): boolean {
  return (error.fields ?? []).some((field) => field.path === 'session' && field.code === 'manager_required');
}
