// What a backup holds, shown before anyone restores it.
import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupContentsView } from '../../../shared/data-safety-contract';
import { LabelledValue } from '../widgets/LabelledValue';
import { useInstant } from './useInstant';

export function BackupHolds({ contents }: { contents: BackupContentsView }) {
  const { t } = useTranslation();
  const instant = useInstant();
  const when = contents.takenAt ? instant(contents.takenAt) : '—';
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" aria-label={t('dataSafety.restore.holds')}>
      <LabelledValue label={t('dataSafety.restore.takenAt')}>{when}</LabelledValue>
      <LabelledValue label={t('dataSafety.restore.ticketCount')}>{String(contents.tickets)}</LabelledValue>
      <LabelledValue label={t('dataSafety.restore.lastTicket')}>{contents.displayLastTicket ?? '—'}</LabelledValue>
      <LabelledValue label={t('dataSafety.restore.shop')}>{contents.shopName || '—'}</LabelledValue>
    </SimpleGrid>
  );
}
