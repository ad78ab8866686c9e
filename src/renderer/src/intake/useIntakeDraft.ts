import { useMemo, useReducer } from 'react';
import type { CustomerSummary } from '../../../shared/contract';
import { LIMITS } from '../../../shared/domain';
import { customerFromArchive, emptyDevice, withDeviceType, type CustomerDraft, type DeviceDraft, type IntakeDraft } from './draft';
import { prefilledIntake, type IntakePrefill } from './prefill';

type Action =
  | { kind: 'customer'; patch: Partial<Omit<CustomerDraft, 'id'>> }
  | { kind: 'link'; customer: CustomerSummary; technicianId: number | null }
  | { kind: 'unlink' }
  | { kind: 'device'; index: number; patch: Partial<Omit<DeviceDraft, 'key'>> }
  | { kind: 'addDevice' }
  | { kind: 'removeDevice'; index: number }
  | { kind: 'technician'; id: number | null }
  | { kind: 'restore'; draft: IntakeDraft };

function reduce(draft: IntakeDraft, action: Action): IntakeDraft {
  switch (action.kind) {
    case 'customer':
      return { ...draft, customer: { ...draft.customer, ...action.patch } };
    case 'link':
      // One owner per customer: a returning customer goes to the technician who served them.
      return { ...draft, customer: customerFromArchive(action.customer), technicianId: action.technicianId ?? draft.technicianId };
    case 'unlink':
      return { ...draft, customer: { ...draft.customer, id: null } };
    case 'device':
      return {
        ...draft,
        devices: draft.devices.map((device, i) => {
          if (i !== action.index) return device;
          const { type, ...rest } = action.patch;
          const patched = { ...device, ...rest };
          return type === undefined ? patched : withDeviceType(patched, type);
        }),
      };
    case 'addDevice':
      if (draft.devices.length >= LIMITS.devicesPerIntake) return draft;
      return { ...draft, devices: [...draft.devices, emptyDevice()] };
    case 'removeDevice':
      if (draft.devices.length <= 1) return draft;
      return { ...draft, devices: draft.devices.filter((_, i) => i !== action.index) };
    case 'technician':
      return { ...draft, technicianId: action.id };
    case 'restore':
      return action.draft;
  }
}

export interface IntakeActions {
  setCustomer(patch: Partial<Omit<CustomerDraft, 'id'>>): void;
  linkCustomer(customer: CustomerSummary, technicianId: number | null): void;
  unlinkCustomer(): void;
  setDevice(index: number, patch: Partial<Omit<DeviceDraft, 'key'>>): void;
  addDevice(): void;
  removeDevice(index: number): void;
  setTechnician(id: number | null): void;
  /** The draft kept in storage, brought back. */
  restore(draft: IntakeDraft): void;
}

export function useIntakeDraft(prefill: IntakePrefill | null = null): [IntakeDraft, IntakeActions] {
  const [draft, dispatch] = useReducer(reduce, prefill, prefilledIntake);
  const actions = useMemo<IntakeActions>(
    () => ({
      setCustomer: (patch) => dispatch({ kind: 'customer', patch }),
      linkCustomer: (customer, technicianId) => dispatch({ kind: 'link', customer, technicianId }),
      unlinkCustomer: () => dispatch({ kind: 'unlink' }),
      setDevice: (index, patch) => dispatch({ kind: 'device', index, patch }),
      addDevice: () => dispatch({ kind: 'addDevice' }),
      removeDevice: (index) => dispatch({ kind: 'removeDevice', index }),
      setTechnician: (id) => dispatch({ kind: 'technician', id }),
      restore: (draft) => dispatch({ kind: 'restore', draft }),
    }),
    [],
  );
  return [draft, actions];
}
