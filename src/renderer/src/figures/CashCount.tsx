// The manager's count of the drawer: one sum, or notes and coins by face
// value (the sum is worked out). Reports the counted amount in fen, or null
// while what is typed is not an amount.
import { Group, NumberInput, SegmentedControl, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DENOMINATIONS_MINOR } from '../../../shared/figures-contract';
import { parseMoney } from '../../../shared/money';
import { useFormat } from '../desk/useFormat';
import { MoneyInput } from '../widgets/MoneyInput';

export type CountMode = 'sum' | 'denominations';

export interface CashCountValue {
  mode: CountMode;
  sumText: string;
  pieces: Record<number, number>;
}

export const EMPTY_COUNT: CashCountValue = { mode: 'sum', sumText: '', pieces: {} };

export function countedMinor(value: CashCountValue): number | null {
  if (value.mode === 'denominations') return DENOMINATIONS_MINOR.reduce((sum, face) => sum + face * (value.pieces[face] ?? 0), 0);
  if (value.sumText.trim() === '') return null;
  const parsed = parseMoney(value.sumText);
  return parsed.ok ? parsed.minor : null;
}

export function denominationsOf(value: CashCountValue): { faceMinor: number; count: number }[] | null {
  return value.mode === 'denominations' ? DENOMINATIONS_MINOR.map((faceMinor) => ({ faceMinor, count: value.pieces[faceMinor] ?? 0 })) : null;
}

export function CashCount({ value, onChange, error }: { value: CashCountValue; onChange(next: CashCountValue): void; error: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="xs">
      <Group gap="sm" align="center">
        <SegmentedControl
          aria-label={t('figures.dayClose.countBy')}
          value={value.mode}
          onChange={(mode) => onChange({ ...value, mode: mode as CountMode })}
          data={[
            { value: 'sum', label: t('figures.dayClose.countSum') },
            { value: 'denominations', label: t('figures.dayClose.countDenominations') },
          ]}
        />
      </Group>
      {value.mode === 'sum' ? (
        <MoneyInput
          label={t('figures.dayClose.counted')}
          w={220}
          value={value.sumText}
          onChange={(event) => onChange({ ...value, sumText: event.currentTarget.value })}
          error={error}
        />
      ) : (
        <SimpleGrid cols={4} spacing="xs" maw={640}>
          {DENOMINATIONS_MINOR.map((face) => (
            <NumberInput
              key={face}
              label={format.money(face)}
              aria-label={`${t('figures.dayClose.denomination')} ${format.money(face)}`}
              min={0}
              max={100000}
              allowDecimal={false}
              allowNegative={false}
              value={value.pieces[face] ?? ''}
              onChange={(next) => onChange({ ...value, pieces: { ...value.pieces, [face]: typeof next === 'number' ? next : 0 } })}
            />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
