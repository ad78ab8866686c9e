// The manager's count of the drawer: one sum, or notes and coins by face
// value (the sum is worked out). Fields of the day close's form.
import { Group, NumberInput, SegmentedControl, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../desk/useFormat';
import { MoneyInput } from '../widgets/MoneyInput';
import type { CountMode, DayCloseForm } from './day-close-form';

export function CashCount({ form }: { form: DayCloseForm }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { countBy, denominations } = form.getValues();
  return (
    <Stack gap="xs">
      <Group gap="sm" align="center">
        <SegmentedControl
          aria-label={t('figures.dayClose.countBy')}
          value={countBy}
          onChange={(mode) => form.setFieldValue('countBy', mode as CountMode)}
          data={[
            { value: 'sum', label: t('figures.dayClose.countSum') },
            { value: 'denominations', label: t('figures.dayClose.countDenominations') },
          ]}
        />
      </Group>
      {countBy === 'sum' ? (
        <MoneyInput label={t('figures.dayClose.counted')} w={220} {...form.getInputProps('countedCashMinor')} />
      ) : (
        <SimpleGrid cols={4} spacing="xs" maw={640}>
          {denominations.map(({ faceMinor }, index) => (
            <NumberInput
              key={faceMinor}
              label={format.money(faceMinor)}
              aria-label={`${t('figures.dayClose.denomination')} ${format.money(faceMinor)}`}
              min={0}
              max={100000}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps(`denominations.${index}.count`)}
            />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
