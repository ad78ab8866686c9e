// Merges a duplicate record of the same person into the one on screen: the
// clerk finds the duplicate, a manager approves with their PIN (or is the one
// signed in), and every repair and device moves here.
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerArchive, MergeResult } from '../../../../shared/customer-care-contract';
import { useApprovedCall } from '../../widgets/useManagerApproval';
import { ActionCard } from '../../widgets/ActionCard';
import { useWorkflowCall } from '../../session/useWorkflowCall';
import { useArchiveSearch } from './useArchiveSearch';

export function MergePanel({ customer, onDone, onCancel }: { customer: CustomerArchive; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const search = useArchiveSearch({ partialsAlways: true });
  const approved = useApprovedCall();
  const action = useWorkflowCall([]);
  const [merged, setMerged] = useState<MergeResult | null>(null);
  const others = search.result.state === 'done' ? search.result.items.filter((hit) => hit.id !== customer.id) : [];

  const merge = async (mergeId: number) => {
    const result = await action.submit(() =>
      approved('archive.merge', { keepId: customer.id, mergeId, managerApproval: null }, t('care.merge.approvalReason')),
    );
    if (result) setMerged(result);
  };

  if (merged)
    return (
      <Alert color="green" role="status" withCloseButton closeButtonLabel={t('care.merge.cancel')} onClose={onDone}>
        {t('care.merge.done', { tickets: merged.ticketsMoved, devices: merged.devicesMoved })}
      </Alert>
    );

  return (
    <ActionCard title={t('care.merge.title')} error={action.error}>
      <Text size="sm" c="dimmed">
        {t('care.merge.hint')}
      </Text>
      <TextInput
        label={t('care.merge.find')}
        description={t('care.search.hint')}
        value={search.query}
        onChange={(event) => search.setQuery(event.currentTarget.value)}
        autoFocus
        maw={420}
      />
      <Stack gap={4}>
        {others.map((hit) => (
          <Button key={hit.id} variant="light" color="orange" justify="flex-start" loading={action.busy} onClick={() => void merge(hit.id)}>
            {t('care.merge.choose', { name: hit.name, phone: hit.phone })}
          </Button>
        ))}
      </Stack>
      <Group>
        <Button variant="default" onClick={onCancel}>
          {t('care.merge.cancel')}
        </Button>
      </Group>
    </ActionCard>
  );
}
