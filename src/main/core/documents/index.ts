// The intake documents: pure functions from a ticket to a pdfmake definition,
// and a renderer that turns definitions into PDF buffers.
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { claimTicketDefinition } from './claim-ticket';
import { deviceLabelDefinition } from './device-label';
import { intakeFormDefinition } from './intake-form';
import { receiptDefinition } from './receipt';
import type { DocumentInput, DocumentKind } from './types';

export const DOCUMENT_BUILDERS: Record<DocumentKind, (input: DocumentInput) => TDocumentDefinitions> = {
  'intake-form': intakeFormDefinition,
  'claim-ticket': claimTicketDefinition,
  'device-label': deviceLabelDefinition,
  receipt: receiptDefinition,
};

export function buildDocument(kind: DocumentKind, input: DocumentInput): TDocumentDefinitions {
  return DOCUMENT_BUILDERS[kind](input);
}

export { claimTicketDefinition, deviceLabelDefinition, intakeFormDefinition, receiptDefinition };
export { createDocumentRenderer, FONT_FILES, type DocumentRenderer, type DocumentRendererOptions } from './render';
export { DEFAULT_PRESET, PRESETS, presetsOf, resolvePreset, type PaperPreset } from './presets';
export {
  DOCUMENT_KINDS,
  INTAKE_DOCUMENT_KINDS,
  type IntakeDocumentKind,
  type Calibration,
  type DocumentDefinition,
  type DocumentInput,
  type DocumentKind,
  type ShopInfo,
} from './types';
