// A printer's calibration: a shift in millimetres and a scale, for label
// printers that move or shrink what they print. Shared by every document that
// prints on the same printer.
import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PrintableDocument } from '../../../shared/contract';
import type { FormErrors } from '@mantine/form';
import { fieldId } from '../forms/field-errors';
import { calibrationPath, NO_CALIBRATION, PRINTING_FORM, type CalibrationDraft } from './printing-draft';

interface Props {
  document: PrintableDocument;
  documentName: string;
  printer: string;
  value: CalibrationDraft | undefined;
  /** Messages by contract path. */
  errors: FormErrors;
  onChange(next: CalibrationDraft | null): void;
}

const FIELDS = [
  { key: 'offsetXmm', label: 'offsetX', aria: 'offsetXFor', min: -10, max: 10, step: 0.5, decimals: 1 },
  { key: 'offsetYmm', label: 'offsetY', aria: 'offsetYFor', min: -10, max: 10, step: 0.5, decimals: 1 },
  { key: 'scale', label: 'scale', aria: 'scaleFor', min: 0.8, max: 1.2, step: 0.01, decimals: 3 },
] as const;

export function CalibrationFields({ document, documentName, printer, value, errors, onChange }: Props) {
  const { t } = useTranslation();
  const shown: CalibrationDraft = value ?? NO_CALIBRATION;
  const headingId = fieldId(PRINTING_FORM, `${document}.calibration`);
  return (
    <Stack gap={4} role="group" aria-labelledby={headingId}>
      <Text size="sm" fw={600} id={headingId}>
        {t('settings.printing.calibration', { printer })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('settings.printing.calibrationHint')}
      </Text>
      <Group gap="sm" align="flex-end" wrap="nowrap">
        {FIELDS.map((field) => {
          const message = errors[calibrationPath(printer, field.key)];
          return (
            <NumberInput
              key={field.key}
              id={fieldId(PRINTING_FORM, `${document}.calibration.${field.key}`)}
              label={t(`settings.printing.${field.label}`)}
              aria-label={t(`settings.printing.${field.aria}`, { document: documentName })}
              value={shown[field.key]}
              min={field.min}
              max={field.max}
              step={field.step}
              decimalScale={field.decimals}
              clampBehavior="none"
              error={message}
              onChange={(next) => onChange({ ...shown, [field.key]: next })}
              w={170}
            />
          );
        })}
        <Button
          type="button"
          variant="subtle"
          aria-label={t('settings.printing.resetCalibrationFor', { printer })}
          disabled={value === undefined}
          onClick={() => onChange(null)}
          mb={FIELDS.some((field) => errors[calibrationPath(printer, field.key)]) ? 22 : 0}
        >
          {t('settings.printing.resetCalibration')}
        </Button>
      </Group>
    </Stack>
  );
}
