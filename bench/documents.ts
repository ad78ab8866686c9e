// The documents the benchmarks render: the sample walk-in on the default
// presets (intake form A4, claim ticket on an 80 mm roll, device label
// 62 x 29 mm) as a test print would show it, and its repair receipt (80 mm
// roll) with the sample collection (lines, payments, signature image).
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { buildDocument, type DocumentKind } from '../src/main/core/documents';
import { SAMPLE_SHOP, sampleTicketDetail } from '../src/main/core/documents/sample';
import { sampleCollectionView } from '../src/main/core/documents/sample-receipt';
import type { Language } from '../src/shared/domain';

export const BENCH_DOCUMENTS: { kind: DocumentKind; preset: string; label: string }[] = [
  { kind: 'intake-form', preset: 'a4', label: 'intake form (A4, 2 pages)' },
  { kind: 'claim-ticket', preset: 'roll-80', label: 'claim ticket (80 mm roll)' },
  { kind: 'device-label', preset: 'label-62x29', label: 'device label (62x29 mm)' },
  { kind: 'receipt', preset: 'roll-80', label: 'repair receipt (80 mm roll)' },
];

export const BENCH_NOW = new Date('2026-11-23T06:05:00Z');

export function benchDefinition(kind: DocumentKind, language: Language = 'en'): TDocumentDefinitions {
  const preset = BENCH_DOCUMENTS.find((d) => d.kind === kind)!.preset;
  const ticket = sampleTicketDetail(BENCH_NOW);
  return buildDocument(kind, {
    ticket,
    collection: kind === 'receipt' ? sampleCollectionView(ticket, BENCH_NOW) : undefined,
    shop: SAMPLE_SHOP,
    language,
    printedAt: BENCH_NOW,
    preset,
  });
}
