// A sample walk-in for previews, test prints and benchmarks: customer, device
// and fault mix Chinese and Latin text, as at a real counter.
import type { ChannelInput, TicketDetail } from '../../../shared/contract';
import { composeTicketNumber, displayTicketNumber } from '../../../shared/ticket-number';
import { localIsoDate } from '../../../shared/calendar';
import type { ShopInfo } from './types';
import { itemAt } from '../../../shared/lists';

export const SAMPLE_SHOP: ShopInfo = {
  name: '明辉电脑维修 Minghui Computer Repair',
  address: '广州市天河区体育西路 191 号 B 座 3 楼 (Tiyu West Rd 191)',
  phone: '020-3888 1234',
};

export const SAMPLE_PASSCODE = '0428';

export interface SampleOverrides {
  name?: string;
  phone?: string;
  brand?: string;
  model?: string;
  fault?: string;
  passcode?: string;
}

/** The intake a clerk would enter for the sample laptop. */
export function sampleCheckInInput(overrides: SampleOverrides = {}): Omit<ChannelInput<'intake.checkIn'>, 'session'> {
  return {
    technicianId: null,
    customer: {
      name: overrides.name ?? '王小明 Wang Xiaoming',
      phone: overrides.phone ?? '138 0013 8000',
      address: '天河区天河北路 233 号 (Tianhe North Rd 233)',
    },
    devices: [
      {
        type: 'laptop',
        brand: overrides.brand ?? 'Lenovo 联想',
        model: overrides.model ?? 'ThinkPad X1',
        serial: 'PF3ABC12',
        colour: '黑色 black',
        accessories: ['charger', 'bag'],
        accessoriesOther: 'USB-C 扩展坞 dock',
        conditionChecks: ['screen_scratched', 'hinge_loose'],
        conditionNotes: '左下角磕碰 dent on the lower left corner',
        fault: overrides.fault ?? '开机黑屏 no display after boot',
        customerRequest: '保留数据 keep all files',
        purchaseDate: null,
        proofOfPurchase: false,
        feeConsent: true,
        dataAnswer: 'shop_backup',
        estimateMinor: 45000,
        depositMinor: 10000,
        promisedDate: null,
        passcode: { kind: 'pin', value: overrides.passcode ?? SAMPLE_PASSCODE },
      },
    ],
  };
}

/** The sample laptop as a stored ticket, for test prints: nothing is written to the shop's file. */
export function sampleTicketDetail(now: Date): TicketDetail {
  const input = sampleCheckInInput();
  const device = itemAt(input.devices, 0);
  const createdAt = now.toISOString();
  return {
    id: 0,
    // The sequence 9999 is the last a day can reach, so the test never looks like a real morning ticket.
    number: composeTicketNumber(localIsoDate(now).slice(2).replace(/-/g, ''), 9999),
    displayNumber: displayTicketNumber(composeTicketNumber(localIsoDate(now).slice(2).replace(/-/g, ''), 9999), 'TEST'),
    status: 'received',
    deviceType: device.type,
    brand: device.brand,
    model: device.model,
    fault: device.fault,
    createdAt,
    technicianName: '李工 Li',
    customer: { id: 0, name: input.customer.name, phone: input.customer.phone, address: input.customer.address ?? '' },
    serial: device.serial ?? '',
    colour: device.colour ?? '',
    accessories: device.accessories ?? [],
    accessoriesOther: device.accessoriesOther ?? '',
    conditionChecks: device.conditionChecks ?? [],
    conditionNotes: device.conditionNotes ?? '',
    customerRequest: device.customerRequest ?? '',
    purchaseDate: null,
    proofOfPurchase: false,
    warrantyStatus: 'out_of_warranty',
    warrantyBasis: 'no_purchase_date',
    feeConsent: true,
    dataAnswer: device.dataAnswer,
    estimateMinor: device.estimateMinor,
    depositMinor: device.depositMinor,
    depositMethod: device.depositMinor > 0 ? 'wechat' : null,
    currency: 'CNY',
    promisedDate: null,
    clerkName: 'Manager',
    hasPasscode: false,
    passcodeKind: null,
    updatedAt: createdAt,
    events: [],
  };
}
