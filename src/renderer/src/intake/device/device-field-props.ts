import type { WarrantyAssessment } from '../../../../shared/contract';
import type { DeviceDraft } from '../draft';
import type { FieldProps } from '../field-props';

/** What each part of a device's form gets: its draft, its fields' ids and errors, and a patcher. */
export interface DeviceFieldProps {
  device: DeviceDraft;
  /** id and error for a field of this device, by its name in the contract ("brand", "passcode.value"). */
  field(name: string): ReturnType<FieldProps>;
  onChange(patch: Partial<Omit<DeviceDraft, 'key'>>): void;
}

export interface WarrantyFieldProps extends DeviceFieldProps {
  warranty: WarrantyAssessment | undefined;
}
