// 回访: the follow-up calls due today (or on a chosen day), same-day calls and
// overdue ones marked; a row opens the form to record the call.
import { Alert, Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpDue } from '../../../../shared/customer-care-contract';
import { call } from '../../api';
import { useFormat } from '../../desk/useFormat';
import { DayInput } from '../../widgets/DayInput';
import { loadFailure, useLoaded } from '../../widgets/useLoaded';
import type { CareNavigation } from '../navigation';
import { FollowUpCallForm } from './FollowUpCallForm';

export function FollowUpsTab({ navigation, refreshKey }: { navigation: CareNavigation; refreshKey: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [date, setDate] = useState('');
  const [calling, setCalling] = useState<FollowUpDue | null>(null);
  const [loaded, reload] = useLoaded(
    () => call('followUps.due', { date: date === '' ? null : date }),
    (error) => loadFailure(t, error),
    `${date}:${refreshKey}`,
  );

  if (calling)
    return (
      <FollowUpCallForm
        due={calling}
        navigation={navigation}
        onClose={() => {
          setCalling(null);
          void reload();
        }}
      />
    );

  return (
    <Stack gap="md">
      <DayInput label={t('care.followUps.date')} value={date} onChange={setDate} maw={220} />
      {loaded.state === 'loading' && <Loader aria-label={t('app.loading')} />}
      {loaded.state === 'failed' && (
        <Alert color="red" role="alert">
          {loaded.message}
        </Alert>
      )}
      {loaded.state === 'done' && loaded.data.length === 0 && <Text c="dimmed">{t('care.followUps.empty')}</Text>}
      {loaded.state === 'done' && loaded.data.length > 0 && (
        <Table verticalSpacing="xs" highlightOnHover aria-label={t('care.followUps.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('care.page.number')}</Table.Th>
              <Table.Th>{t('care.followUps.customer')}</Table.Th>
              <Table.Th>{t('care.followUps.device')}</Table.Th>
              <Table.Th>{t('care.followUps.collected')}</Table.Th>
              <Table.Th>{t('care.followUps.window')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('care.followUps.attempts')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loaded.data.map((due) => (
              <Table.Tr key={due.ticketId}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{due.displayNumber}</Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" px={0} onClick={() => navigation.openCustomer(due.customerId)}>
                    {due.customerName}
                  </Button>
                  <Text size="sm">{due.customerPhone}</Text>
                </Table.Td>
                <Table.Td>{due.device}</Table.Td>
                <Table.Td>{format.instant(due.collectedAt)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Text size="sm">{due.dueFrom === due.dueTo ? format.day(due.dueFrom) : `${format.day(due.dueFrom)} – ${format.day(due.dueTo)}`}</Text>
                    {due.reason === 'same_day' && (
                      <Badge color="orange" tt="none">
                        {t('care.followUps.sameDay')}
                      </Badge>
                    )}
                    {due.reason === 'retry' && (
                      <Badge color="blue" tt="none">
                        {t('care.followUps.retry')}
                      </Badge>
                    )}
                    {due.overdue && (
                      <Badge color="red" tt="none">
                        {t('care.followUps.overdue')}
                      </Badge>
                    )}
                    {!due.repaired && (
                      <Badge color="gray" tt="none">
                        {t('care.followUps.notFixed')}
                      </Badge>
                    )}
                    {due.isRework && (
                      <Badge color="gray" tt="none">
                        {t('care.followUps.rework')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{due.attempts}</Table.Td>
                <Table.Td>
                  <Button size="xs" onClick={() => setCalling(due)} aria-label={t('care.followUps.call', { number: due.displayNumber })}>
                    {t('care.followUps.record')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
