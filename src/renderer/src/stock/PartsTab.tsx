// Parts stock: the list (search, low stock), a part's own page, adding a part.
import { Alert, Badge, Checkbox, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartView } from '../../../shared/stock-contract';
import { call } from '../api';
import { useSession } from '../session/session-context';
import { useFormat } from '../desk/useFormat';
import { PartForm } from './PartForm';
import { PartPage } from './PartPage';
import { useCostsVisible } from '../session/useAccess';
import { GatedButton } from '../widgets/GatedButton';
import { loadFailure, useLoaded } from '../widgets/useLoaded';

export function PartsTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const [query, setQuery] = useState('');
  const [lowOnly, setLowOnly] = useState(false);
  const [adding, setAdding] = useState(false);
  const [openPart, setOpenPart] = useState<PartView | null>(null);
  // Cost prices come back only for a manager's session (main leaves them out for everyone else).
  const session = useSession().current?.token ?? null;
  const showCosts = useCostsVisible();
  const [loaded, reload, update] = useLoaded(
    () => call('parts.list', { query: query.slice(0, 100), includeInactive: true, lowStockOnly: lowOnly, limit: 500, session }),
    (error) => loadFailure(t, error),
    // The list follows the search box and the low-stock switch.
    `${query}\u0000${lowOnly}\u0000${session}`,
  );

  if (openPart !== null) {
    return (
      <PartPage
        key={openPart.id}
        part={openPart}
        onChanged={setOpenPart}
        onBack={() => {
          // The page kept the part up to date: the list shows that at once, not what it read before the page opened.
          const latest = openPart;
          update((parts) => parts.map((part) => (part.id === latest.id ? latest : part)));
          setOpenPart(null);
          void reload();
        }}
      />
    );
  }

  const parts = loaded.state === 'done' ? loaded.data : [];
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="flex-end">
          <TextInput type="search" label={t('stock.parts.search')} value={query} w={280} onChange={(event) => setQuery(event.currentTarget.value)} />
          <Checkbox mb={8} label={t('stock.parts.lowOnly')} checked={lowOnly} onChange={(event) => setLowOnly(event.currentTarget.checked)} />
        </Group>
        <GatedButton channel="parts.save" onClick={() => setAdding(true)} disabled={adding}>
          {t('stock.parts.addButton')}
        </GatedButton>
      </Group>
      {adding && (
        <PartForm
          onSaved={(part) => {
            setAdding(false);
            setOpenPart(part);
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {loaded.state === 'loading' && <Loader size="sm" aria-label={t('app.loading')} />}
      {loaded.state === 'failed' && (
        <Alert color="red" p="xs" role="alert">
          {loaded.message}
        </Alert>
      )}
      {!showCosts && parts.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('trust.gate.costsHidden')}
        </Text>
      )}
      {loaded.state === 'done' && parts.length === 0 && <Text c="dimmed">{t('stock.parts.empty')}</Text>}
      {parts.length > 0 && (
        <Table aria-label={t('stock.parts.table')} withTableBorder highlightOnHover verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('stock.parts.name')}</Table.Th>
              <Table.Th>{t('stock.parts.specification')}</Table.Th>
              <Table.Th>{t('stock.parts.compatibleModels')}</Table.Th>
              {showCosts && <Table.Th ta="right">{t('stock.parts.cost')}</Table.Th>}
              <Table.Th ta="right">{t('stock.parts.price')}</Table.Th>
              <Table.Th ta="right">{t('stock.parts.onHand')}</Table.Th>
              <Table.Th ta="right">{t('stock.parts.reorderLevel')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {parts.map((part) => (
              <Table.Tr
                key={part.id}
                tabIndex={0}
                aria-label={t('stock.parts.openOne', { name: part.name })}
                data-low-stock={part.lowStock || undefined}
                c={part.active ? undefined : 'dimmed'}
                style={{ cursor: 'pointer' }}
                onClick={() => setOpenPart(part)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    setOpenPart(part);
                  }
                }}
              >
                <Table.Td fw={500}>
                  {part.name}
                  {!part.active && (
                    <Badge color="gray" variant="light" size="xs" tt="none" ml={6}>
                      {t('stock.inactive')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{part.specification}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {part.compatibleModels}
                  </Text>
                </Table.Td>
                {showCosts && (
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {part.costMinor === null ? '—' : format.money(part.costMinor)}
                  </Table.Td>
                )}
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {format.money(part.priceMinor)}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {part.lowStock && (
                    <Badge color="red" variant="filled" size="xs" tt="none" mr={6}>
                      {t('stock.parts.lowStock')}
                    </Badge>
                  )}
                  <Text span fw={600} c={part.lowStock ? 'red.8' : undefined} size="sm">
                    {part.qtyOnHand}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{part.reorderLevel}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
