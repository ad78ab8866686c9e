// The fee standard (收费标准): the shop's own price list of labour items,
// quoted on tickets. Items are deactivated, never deleted: old quotes name them.
import { Alert, Badge, Group, Loader, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeeItem } from '../../../shared/stock-contract';
import { call } from '../api';
import { useFormat } from '../desk/useFormat';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { useErrorText } from '../widgets/error-text';
import { needsManagerSession } from '../widgets/manager-check';
import { FeeItemForm } from './FeeItemForm';
import { GatedButton } from '../widgets/GatedButton';
import { ManagerOnly } from '../widgets/ManagerOnly';
import { loadFailure, useLoaded } from '../widgets/useLoaded';

export function FeeStandardTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const run = useSignedInCall();
  const errorText = useErrorText();
  const [loaded, reload] = useLoaded(
    () => call('feeStandard.list', { includeInactive: true }),
    (error) => loadFailure(t, error),
  );
  const [editing, setEditing] = useState<FeeItem | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ managerOnly: boolean; message: string } | null>(null);
  const items = loaded.state === 'done' ? loaded.data : [];

  const name = (item: FeeItem) => t('stock.fees.itemName', { en: item.nameEn, zh: item.nameZh });

  const saved = async (item: FeeItem, message: string) => {
    setEditing(null);
    setNotice(message);
    await reload();
    return item;
  };

  const setActive = async (item: FeeItem, active: boolean) => {
    setFailure(null);
    setNotice(null);
    const { id, code, nameEn, nameZh, category, priceMinor, sortOrder } = item;
    const result = await run('feeStandard.save', { id, code, nameEn, nameZh, category, priceMinor, sortOrder, active });
    if (isCancelled(result)) return;
    if (!result.ok) return setFailure({ managerOnly: needsManagerSession(result.error), message: errorText(result.error) });
    await saved(result.data, t(active ? 'stock.fees.reactivated' : 'stock.fees.deactivated', { name: name(item) }));
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" c="dimmed" maw={640} style={{ flex: 1 }}>
          {t('stock.fees.hint')}
        </Text>
        <GatedButton channel="feeStandard.save" onClick={() => setEditing('new')} disabled={editing !== null}>
          {t('stock.fees.addButton')}
        </GatedButton>
      </Group>
      {editing !== null && (
        <FeeItemForm
          key={editing === 'new' ? 'new' : editing.id}
          item={editing === 'new' ? undefined : editing}
          nextSortOrder={items.reduce((max, item) => Math.max(max, item.sortOrder), 0) + 10}
          onSaved={(item) => void saved(item, t('stock.fees.saved', { name: name(item) }))}
          onCancel={() => setEditing(null)}
        />
      )}
      {notice && (
        <Text size="sm" c="teal" role="status">
          {notice}
        </Text>
      )}
      {failure?.managerOnly && <ManagerOnly message={t('stock.managerOnly')} signInLabel={t('stock.signInAsManager')} />}
      {failure && !failure.managerOnly && (
        <Alert color="red" p="xs" role="alert">
          {failure.message}
        </Alert>
      )}
      {loaded.state === 'loading' && <Loader size="sm" aria-label={t('app.loading')} />}
      {loaded.state === 'failed' && (
        <Alert color="red" p="xs" role="alert">
          {loaded.message}
        </Alert>
      )}
      {loaded.state === 'done' && (
        <Table aria-label={t('stock.fees.table')} withTableBorder highlightOnHover verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('stock.fees.code')}</Table.Th>
              <Table.Th>{t('stock.fees.nameZh')}</Table.Th>
              <Table.Th>{t('stock.fees.nameEn')}</Table.Th>
              <Table.Th>{t('stock.fees.category')}</Table.Th>
              <Table.Th ta="right">{t('stock.fees.price')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('stock.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} c={item.active ? undefined : 'dimmed'} aria-label={name(item)}>
                <Table.Td ff="monospace" fz="xs">
                  {item.code}
                </Table.Td>
                <Table.Td>{item.nameZh}</Table.Td>
                <Table.Td>
                  {item.nameEn}
                  {!item.active && (
                    <Badge color="gray" variant="light" size="xs" tt="none" ml={6}>
                      {t('stock.inactive')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{t(`workflow.feeCategory.${item.category}`)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  {format.money(item.priceMinor)}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap" justify="flex-end">
                    <GatedButton
                      channel="feeStandard.save"
                      size="compact-sm"
                      variant="default"
                      aria-label={t('stock.fees.editOne', { name: name(item) })}
                      onClick={() => setEditing(item)}
                    >
                      {t('stock.edit')}
                    </GatedButton>
                    <GatedButton
                      channel="feeStandard.save"
                      size="compact-sm"
                      variant="subtle"
                      color={item.active ? 'gray' : undefined}
                      aria-label={t(item.active ? 'stock.fees.deactivateOne' : 'stock.fees.reactivateOne', { name: name(item) })}
                      onClick={() => void setActive(item, !item.active)}
                    >
                      {t(item.active ? 'stock.deactivate' : 'stock.reactivate')}
                    </GatedButton>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
