// A sample collection for the receipt's previews, test prints, samples and
// benchmarks: the sample laptop repaired, part-paid by deposit, settled with
// cash (with change) and WeChat Pay, signed for on screen.
import type { CollectionView } from '../../../shared/collection-contract';
import type { TicketDetail } from '../../../shared/contract';
import { barcodeText } from '../../../shared/ticket-number';
import { addDays, localIsoDate } from '../../../shared/calendar';
import { greyscalePngDataUrl } from './png';

/** A hand-written-looking stroke on white, as a PNG data URL (what the signature pad sends). */
export function sampleSignaturePng(width = 360, height = 110): string {
  const ink = new Uint8Array(width * height).fill(0xff);
  const dot = (cx: number, cy: number) => {
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -2; dx <= 2; dx++) {
        const x = Math.round(cx + dx);
        const y = Math.round(cy + dy);
        if (x >= 0 && x < width && y >= 0 && y < height && dx * dx + dy * dy <= 5) ink[y * width + x] = 0x20;
      }
    }
  };
  for (let t = 0; t <= 1; t += 0.0005) {
    const x = 20 + t * (width - 40);
    const y = height / 2 + Math.sin(t * 19) * (height / 4) * (1 - t * 0.4) + Math.cos(t * 47) * 6;
    dot(x, y);
  }
  return greyscalePngDataUrl(width, height, (x, y) => ink[y * width + x] ?? 0xff);
}

/** The sample ticket collected at `now`, repaired, with its charges and payments. */
export function sampleCollectionView(ticket: TicketDetail, now: Date): CollectionView {
  const at = now.toISOString();
  return {
    ticketId: ticket.id,
    number: ticket.number,
    displayNumber: ticket.displayNumber,
    barcode: barcodeText(ticket.number),
    status: 'collected',
    collectable: false,
    refusal: 'already_collected',
    repaired: true,
    customer: { name: ticket.customer.name, phone: ticket.customer.phone },
    device: { type: ticket.deviceType, brand: ticket.brand, model: ticket.model, serial: ticket.serial },
    accessories: ticket.accessories,
    accessoriesOther: ticket.accessoriesOther,
    workDone: { cause: '屏幕排线松动 loose display cable', solution: '更换屏幕排线并清洁 replaced the display cable, cleaned' },
    lines: [
      { kind: 'labour', description: '检测费 Diagnosis and inspection', qty: 1, unitMinor: 3000, totalMinor: 3000, free: false, reason: 'out_of_warranty' },
      { kind: 'part', description: '屏幕排线 Display cable (X1 Gen 9)', qty: 1, unitMinor: 18000, totalMinor: 18000, free: false, reason: 'out_of_warranty' },
      {
        kind: 'labour',
        description: '更换屏幕（工时）Screen replacement (labour)',
        qty: 1,
        unitMinor: 8000,
        totalMinor: 8000,
        free: false,
        reason: 'out_of_warranty',
      },
      { kind: 'labour', description: '清洁保养 Cleaning', qty: 1, unitMinor: 6000, totalMinor: 0, free: true, reason: 'in_warranty' },
    ],
    discountMinor: 2900,
    discountReason: '老客户 returning customer',
    totalMinor: 26100,
    depositMinor: ticket.depositMinor,
    payments: [
      {
        id: 1,
        kind: 'payment',
        method: 'cash',
        amountMinor: 10000,
        tenderedMinor: 20000,
        changeMinor: 10000,
        reference: '',
        reason: '',
        staffName: '前台 Zhou',
        approvedByName: null,
        at,
        voided: false,
        voidedAt: null,
        voidReason: null,
        voidedByName: null,
      },
      {
        id: 2,
        kind: 'payment',
        method: 'wechat',
        amountMinor: 26100 - ticket.depositMinor - 10000,
        tenderedMinor: null,
        changeMinor: 0,
        reference: '4200001234',
        reason: '',
        staffName: '前台 Zhou',
        approvedByName: null,
        at,
        voided: false,
        voidedAt: null,
        voidReason: null,
        voidedByName: null,
      },
    ],
    paymentsNetMinor: 26100 - ticket.depositMinor,
    paidMinor: 26100,
    balanceMinor: 0,
    openLoans: [],
    repairWarrantyDays: 90,
    repairWarrantyUntil: addDays(localIsoDate(now), 90),
    collectedAt: at,
    collection: {
      identity: 'claim_ticket',
      identityNote: '',
      signaturePng: sampleSignaturePng(),
      accessoriesReturned: ['charger', 'bag', 'USB-C 扩展坞 dock'],
      loanerOverrideReason: null,
      staffName: '前台 Zhou',
      approvedByName: null,
      at,
    },
    oldPartsReturned: [{ name: '屏幕总成 Screen assembly', specification: '6.1"', qty: 1 }],
    currency: ticket.currency,
  };
}
