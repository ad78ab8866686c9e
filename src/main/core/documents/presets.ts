// Paper and label sizes the desk prints on. Sizes and margins in millimetres.
import type { DocumentKind } from './types';

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface PaperPreset {
  id: string;
  kind: DocumentKind;
  /** English name for settings screens and logs. */
  name: string;
  widthMm: number;
  /** null: a continuous roll; the page height is fitted to the content. */
  heightMm: number | null;
  margins: Margins;
}

const even = (mm: number): Margins => ({ top: mm, right: mm, bottom: mm, left: mm });

export const PRESETS: readonly PaperPreset[] = [
  { id: 'a4', kind: 'intake-form', name: 'A4', widthMm: 210, heightMm: 297, margins: { top: 12, right: 14, bottom: 14, left: 14 } },
  { id: 'a5', kind: 'intake-form', name: 'A5', widthMm: 148, heightMm: 210, margins: { top: 8, right: 9, bottom: 9, left: 9 } },
  // Thermal rolls: 80 mm paper prints about 72 mm, 58 mm paper about 48 mm.
  { id: 'roll-80', kind: 'claim-ticket', name: '80 mm receipt roll', widthMm: 80, heightMm: null, margins: { top: 3, right: 4, bottom: 5, left: 4 } },
  { id: 'roll-58', kind: 'claim-ticket', name: '58 mm receipt roll', widthMm: 58, heightMm: null, margins: { top: 3, right: 5, bottom: 5, left: 5 } },
  // The repair receipt at collection: the counter's roll by default, or A4 for a customer who wants a sheet.
  { id: 'roll-80', kind: 'receipt', name: '80 mm receipt roll', widthMm: 80, heightMm: null, margins: { top: 3, right: 4, bottom: 5, left: 4 } },
  { id: 'a4', kind: 'receipt', name: 'A4', widthMm: 210, heightMm: 297, margins: { top: 12, right: 14, bottom: 14, left: 14 } },
  { id: 'label-62x29', kind: 'device-label', name: 'Brother DK-11209 62 x 29 mm', widthMm: 62, heightMm: 29, margins: even(1.5) },
  { id: 'label-2x1in', kind: 'device-label', name: '2" x 1" (50.8 x 25.4 mm)', widthMm: 50.8, heightMm: 25.4, margins: even(1.5) },
  {
    id: 'label-dymo-30252',
    kind: 'device-label',
    name: 'DYMO 30252 address (89 x 28 mm)',
    widthMm: 89,
    heightMm: 28,
    margins: { top: 1.5, right: 2, bottom: 1.5, left: 3 },
  },
];

export const DEFAULT_PRESET: Record<DocumentKind, string> = {
  'intake-form': 'a4',
  'claim-ticket': 'roll-80',
  'device-label': 'label-62x29',
  receipt: 'roll-80',
};

export function presetsOf(kind: DocumentKind): PaperPreset[] {
  return PRESETS.filter((p) => p.kind === kind);
}

/** The preset with this id for this kind of document; the kind's default when id is absent. */
export function resolvePreset(kind: DocumentKind, id: string | undefined): PaperPreset {
  const wanted = id ?? DEFAULT_PRESET[kind];
  const preset = PRESETS.find((p) => p.id === wanted && p.kind === kind);
  if (!preset) {
    const known = presetsOf(kind)
      .map((p) => p.id)
      .join(', ');
    throw new Error(`unknown ${kind} preset "${wanted}" (known: ${known})`);
  }
  return preset;
}
