// A new intake started from a customer's page: the customer linked from the
// archive, and optionally one of their devices already filled in.
import type { IntakePrefill } from '../shell/intake-request';
import { customerFromArchive, emptyDevice, emptyIntake, withDeviceType, type IntakeDraft } from './draft';

export type { IntakePrefill };

export function prefilledIntake(prefill: IntakePrefill | null): IntakeDraft {
  const draft = emptyIntake();
  if (prefill === null) return draft;
  const first = draft.devices[0] ?? emptyDevice();
  const { type, ...device } = prefill.device ?? { type: '' as const, brand: '', model: '', serial: '', colour: '' };
  return {
    ...draft,
    customer: customerFromArchive(prefill.customer),
    devices: [withDeviceType({ ...first, ...device }, type)],
  };
}
