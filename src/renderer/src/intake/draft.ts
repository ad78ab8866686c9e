// What the clerk has typed so far, kept as text where the clerk types text
// (money, dates), and turned into the contract's payload only on submit.
import type { CustomerSummary } from '../../../shared/contract';
import { CONDITION_CHECKS, type Accessory, type DataAnswer, type DeviceType, type PaymentMethod } from '../../../shared/domain';

export type PasscodeChoice = 'none' | 'pin' | 'pattern';

export interface CustomerDraft {
  /** Set when the clerk picked a returning customer from the archive. */
  id: number | null;
  name: string;
  phone: string;
  address: string;
  notes: string;
}

export interface DeviceDraft {
  /** Stable React key; devices can be removed from the middle. */
  key: string;
  type: DeviceType | '';
  brand: string;
  model: string;
  serial: string;
  colour: string;
  accessories: Accessory[];
  accessoriesOther: string;
  conditionChecks: string[];
  conditionNotes: string;
  fault: string;
  customerRequest: string;
  purchaseDate: string;
  proofOfPurchase: boolean;
  feeConsent: boolean;
  dataAnswer: DataAnswer | null;
  estimateText: string;
  depositText: string;
  depositMethod: PaymentMethod;
  promisedDate: string;
  passcodeChoice: PasscodeChoice;
  pin: string;
  pattern: number[];
}

export interface IntakeDraft {
  customer: CustomerDraft;
  devices: DeviceDraft[];
  technicianId: number | null;
}

let nextDeviceKey = 1;

export function emptyDevice(): DeviceDraft {
  return {
    key: `device-${nextDeviceKey++}`,
    type: '',
    brand: '',
    model: '',
    serial: '',
    colour: '',
    accessories: [],
    accessoriesOther: '',
    conditionChecks: [],
    conditionNotes: '',
    fault: '',
    customerRequest: '',
    purchaseDate: '',
    proofOfPurchase: false,
    feeConsent: false,
    dataAnswer: null,
    estimateText: '',
    depositText: '',
    depositMethod: 'cash',
    promisedDate: '',
    passcodeChoice: 'none',
    pin: '',
    pattern: [],
  };
}

export function emptyIntake(): IntakeDraft {
  return { customer: { id: null, name: '', phone: '', address: '', notes: '' }, devices: [emptyDevice()], technicianId: null };
}

export function customerFromArchive(summary: CustomerSummary): CustomerDraft {
  const { id, name, phone, address, notes } = summary;
  return { id, name, phone, address, notes };
}

/** A new device type keeps only the condition checks that type offers. */
export function withDeviceType(device: DeviceDraft, type: DeviceType | ''): DeviceDraft {
  // Before a type is chosen the common checks are offered (they are those of 'other').
  const offered = CONDITION_CHECKS[type || 'other'];
  return { ...device, type, conditionChecks: device.conditionChecks.filter((check) => offered.includes(check)) };
}
