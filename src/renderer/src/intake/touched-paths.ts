import type { DeviceDraft } from './draft';

/** Contract paths whose error an edit of these draft fields may fix. */
const DEVICE_PATHS: Partial<Record<keyof DeviceDraft, string[]>> = {
  estimateText: ['estimateMinor', 'depositMinor'],
  depositText: ['depositMinor'],
  pin: ['passcode.value'],
  pattern: ['passcode.value'],
  passcodeChoice: ['passcode.value', 'passcode.kind'],
  conditionNotes: ['conditionNotes', 'conditionChecks'],
  type: ['type', 'conditionChecks'],
  purchaseDate: ['purchaseDate', 'feeConsent'],
  proofOfPurchase: ['proofOfPurchase', 'feeConsent'],
};

export function touchedDevicePaths(index: number, patch: Partial<DeviceDraft>): string[] {
  return Object.keys(patch).flatMap((name) => (DEVICE_PATHS[name as keyof DeviceDraft] ?? [name]).map((field) => `devices.${index}.${field}`));
}
