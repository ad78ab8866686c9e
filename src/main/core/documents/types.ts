// What every intake document is built from. The documents are pure functions
// of this input: the same input gives the same definition, byte for byte.
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { CollectionView } from '../../../shared/collection-contract';
import type { TicketDetail } from '../../../shared/contract';
import type { Language } from '../../../shared/domain';

export interface ShopInfo {
  name: string;
  address: string;
  phone: string;
  /** A PNG or JPEG data URL (data:image/png;base64,...). */
  logo?: string;
}

/**
 * Printer calibration, for label and receipt printers that rescale the page or
 * have odd unprintable margins: the content is scaled by `scale` from the
 * top-left corner of the printable area, then shifted by the offsets (mm,
 * positive = right / down). The page size itself never changes.
 */
export interface Calibration {
  offsetXmm: number;
  offsetYmm: number;
  scale: number;
}

export interface DocumentInput {
  ticket: TicketDetail;
  shop: ShopInfo;
  language: Language;
  /** The shop's own terms for the intake form, one clause a line; default terms when absent. */
  terms?: string;
  /** The pick-up terms printed on the claim ticket; short default terms when absent. */
  claimTerms?: string;
  printedAt: Date;
  /** A preset id of the document's kind (see presets.ts); the kind's default when absent. */
  preset?: string;
  calibration?: Calibration;
  /** On an extra device label: what the label is stuck on (e.g. "Charger"), shown before the device. */
  labelCaption?: string;
  /** The receipt only: the collection as stored (charges, payments, signature); required by the receipt. */
  collection?: CollectionView;
}

export type DocumentDefinition = TDocumentDefinitions;

/** What check-in prints. */
export const INTAKE_DOCUMENT_KINDS = ['intake-form', 'claim-ticket', 'device-label'] as const;
export type IntakeDocumentKind = (typeof INTAKE_DOCUMENT_KINDS)[number];
/** Every printed document: the intake documents and the repair receipt printed at collection. */
export const DOCUMENT_KINDS = [...INTAKE_DOCUMENT_KINDS, 'receipt'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
