// Who changed what on the customer's record, with the old and new values, newest first.
import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ArchiveChange } from '../../../../shared/customer-care-contract';
import { useFormat } from '../../desk/useFormat';

export function ChangeHistory({ changes }: { changes: ArchiveChange[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (changes.length === 0) return <Text c="dimmed">{t('care.page.noHistory')}</Text>;
  return (
    <List spacing={4} size="sm">
      {changes.map((change, index) => (
        <List.Item key={index}>
          <Text size="sm" span>
            {t('care.page.changed', { field: t(`care.field.${change.field}`), old: change.oldValue, new: change.newValue })}
          </Text>{' '}
          <Text size="xs" c="dimmed" span>
            {t('care.page.by', { name: change.staffName ?? '?', date: format.instant(change.at) })}
            {change.approvedByName ? `, ${t('care.page.approvedBy', { name: change.approvedByName })}` : ''}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
