// One figures document's printing: the printer (empty: the computer's
// default), the paper, and how many copies.
import { Group, NativeSelect, NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FiguresPrinting } from '../../../shared/figures-contract';

type DocumentPrinting = FiguresPrinting[keyof FiguresPrinting];

interface Props {
  label: string;
  papers: string[];
  /** The printers found, the computer's default first. */
  printerOptions: { value: string; label: string }[];
  value: DocumentPrinting;
  onChange(value: DocumentPrinting): void;
}

export function FiguresPrinterFields({ label, papers, printerOptions, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="flex-end">
      <NativeSelect
        label={label}
        w={260}
        value={value.printer ?? ''}
        data={printerOptions}
        onChange={(event) => onChange({ ...value, printer: event.currentTarget.value || null })}
      />
      <NativeSelect
        label={t('figures.calendar.paper')}
        aria-label={`${label}: ${t('figures.calendar.paper')}`}
        w={200}
        value={value.preset}
        data={papers.map((p) => ({ value: p, label: t(`figures.calendar.paperName.${p}` as 'figures.calendar.paperName.a4') }))}
        onChange={(event) => onChange({ ...value, preset: event.currentTarget.value } as DocumentPrinting)}
      />
      <NumberInput
        label={t('figures.calendar.copies')}
        aria-label={`${label}: ${t('figures.calendar.copies')}`}
        w={90}
        min={1}
        max={10}
        allowDecimal={false}
        value={value.copies}
        onChange={(copies) => onChange({ ...value, copies: typeof copies === 'number' ? copies : 1 })}
      />
    </Group>
  );
}
