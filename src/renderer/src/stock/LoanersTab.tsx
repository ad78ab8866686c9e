// Loaner units (备机): the shop's spare devices and who has each one now.
// Lending and taking back happen on the ticket's page.
import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanerView } from '../../../shared/repair-contract';
import { call } from '../api';
import { useFormat } from '../desk/useFormat';
import { LoanerForm } from './LoanerForm';
import { loadFailure, useLoaded } from '../widgets/useLoaded';

export function LoanersTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const [loaded, reload] = useLoaded(
    () => call('loaners.list', { includeInactive: true }),
    (error) => loadFailure(t, error),
  );
  const [editing, setEditing] = useState<LoanerView | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const whereIs = (loaner: LoanerView) => {
    if (loaner.currentLoan) {
      const loan = loaner.currentLoan;
      return (
        <>
          <Badge color="orange" variant="light" size="sm" tt="none" mr={6}>
            {t('stock.loaners.out')}
          </Badge>
          {t('stock.loaners.withCustomer', { customer: loan.customerName, number: loan.displayNumber, since: format.instant(loan.lentAt) })}
        </>
      );
    }
    if (!loaner.active) {
      return (
        <Badge color="gray" variant="light" size="sm" tt="none">
          {t('stock.inactive')}
        </Badge>
      );
    }
    return (
      <Badge color="teal" variant="light" size="sm" tt="none">
        {t('stock.loaners.available')}
      </Badge>
    );
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" c="dimmed" maw={640} style={{ flex: 1 }}>
          {t('stock.loaners.hint')}
        </Text>
        <Button onClick={() => setEditing('new')} disabled={editing !== null}>
          {t('stock.loaners.addButton')}
        </Button>
      </Group>
      {editing !== null && (
        <LoanerForm
          key={editing === 'new' ? 'new' : editing.id}
          loaner={editing === 'new' ? undefined : editing}
          onSaved={(loaner) => {
            setEditing(null);
            setNotice(t('stock.loaners.saved', { name: loaner.name }));
            void reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {notice && (
        <Text size="sm" c="teal" role="status">
          {notice}
        </Text>
      )}
      {loaded.state === 'loading' && <Loader size="sm" aria-label={t('app.loading')} />}
      {loaded.state === 'failed' && (
        <Alert color="red" p="xs" role="alert">
          {loaded.message}
        </Alert>
      )}
      {loaded.state === 'done' && loaded.data.length === 0 && <Text c="dimmed">{t('stock.loaners.empty')}</Text>}
      {loaded.state === 'done' && loaded.data.length > 0 && (
        <Table aria-label={t('stock.loaners.table')} withTableBorder verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('stock.loaners.name')}</Table.Th>
              <Table.Th>{t('stock.loaners.serial')}</Table.Th>
              <Table.Th>{t('stock.loaners.notes')}</Table.Th>
              <Table.Th>{t('stock.loaners.now')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('stock.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loaded.data.map((loaner) => (
              <Table.Tr key={loaner.id} c={loaner.active ? undefined : 'dimmed'}>
                <Table.Td fw={500}>{loaner.name}</Table.Td>
                <Table.Td ff="monospace">{loaner.serial}</Table.Td>
                <Table.Td>{loaner.notes}</Table.Td>
                <Table.Td>{whereIs(loaner)}</Table.Td>
                <Table.Td ta="right">
                  <Button size="compact-sm" variant="default" aria-label={t('stock.loaners.editOne', { name: loaner.name })} onClick={() => setEditing(loaner)}>
                    {t('stock.edit')}
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
