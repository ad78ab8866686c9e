// Who and what the clerk is handing back: customer, device, what was left with
// it at intake, and what was found and done.
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CollectionView } from '../../../shared/collection-contract';
import { LabelledValue } from '../widgets/LabelledValue';

/** Intake accessories in the interface language, plus the free-text "other". */
export function useAccessoryNames(view: CollectionView): { value: string; label: string }[] {
  const { t } = useTranslation();
  const named = view.accessories.map((code) => ({ value: code, label: t(`accessory.${code}` as 'accessory.charger') }));
  const other = view.accessoriesOther.trim();
  return other ? [...named, { value: other, label: other }] : named;
}

export function TicketFacts({ view }: { view: CollectionView }) {
  const { t } = useTranslation();
  const accessories = useAccessoryNames(view);
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-label={t('collection.facts.title')}>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <LabelledValue label={t('collection.facts.customer')}>
          {view.customer.name} · {view.customer.phone}
        </LabelledValue>
        <LabelledValue label={t('collection.facts.device')}>
          {t(`deviceType.${view.device.type}`)} · {view.device.brand} {view.device.model}
          {view.device.serial ? ` · ${view.device.serial}` : ''}
        </LabelledValue>
        <LabelledValue label={t('collection.facts.accessories')}>
          {accessories.length > 0 ? accessories.map((a) => a.label).join(t('printResult.listSeparator')) : t('collection.facts.noAccessories')}
        </LabelledValue>
      </SimpleGrid>
      <Title order={3} size="h6" mt="sm">
        {t('collection.facts.workDone')}
      </Title>
      {view.workDone ? (
        <SimpleGrid cols={2} spacing="sm">
          <LabelledValue label={t('collection.facts.cause')}>{view.workDone.cause}</LabelledValue>
          <LabelledValue label={t('collection.facts.solution')}>{view.workDone.solution}</LabelledValue>
        </SimpleGrid>
      ) : (
        <Text size="sm" c="dimmed">
          {t('collection.facts.noWorkDone')}
        </Text>
      )}
    </Paper>
  );
}
