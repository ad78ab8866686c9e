// Find a customer by name, any part of the phone number or a device's serial;
// Enter opens the first (or the highlighted) one, each row is also a button.
// A whole phone or serial shows its exact match; "More results" adds the rest.
import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveHit } from '../../../../shared/customer-care-contract';
import { useFormat } from '../../desk/useFormat';
import { useArchiveSearch } from './useArchiveSearch';

/** `focusKey`: the box takes focus again each time it changes (the screen shown again). */
export function ArchiveSearch({ onOpen, focusKey }: { onOpen(customerId: number): void; focusKey: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const search = useArchiveSearch();
  const input = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(0);
  const hits: ArchiveHit[] = search.result.state === 'done' ? search.result.items : [];
  // An exact phone or serial ends the search; the clerk may still want the partial matches.
  const canShowMore = hits.some((hit) => hit.match === 'exact') && !search.showingMore;

  useEffect(() => {
    requestAnimationFrame(() => input.current?.focus());
  }, [focusKey]);
  useEffect(() => setActive(0), [search.result]);

  const onKeyDown = async (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      const outcome = await search.lookupNow();
      const chosen = 'items' in outcome ? outcome.items[Math.min(active, outcome.items.length - 1)] : undefined;
      if (chosen) onOpen(chosen.id);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, Math.max(hits.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    }
  };

  return (
    <Stack gap="md">
      <TextInput
        ref={input}
        type="search"
        label={t('care.search.label')}
        description={t('care.search.hint')}
        placeholder={t('care.search.placeholder')}
        value={search.query}
        onChange={(event) => search.setQuery(event.currentTarget.value)}
        onKeyDown={(event) => void onKeyDown(event)}
        rightSection={search.result.state === 'searching' ? <Loader size="xs" /> : null}
        maw={520}
      />
      {search.result.state === 'failed' && (
        <Alert color="red" role="alert">
          {search.result.message}
        </Alert>
      )}
      {search.result.state === 'done' && hits.length === 0 && <Text c="dimmed">{t('care.search.none', { query: search.result.query })}</Text>}
      {hits.length > 0 && (
        <Table highlightOnHover aria-label={t('care.search.label')}>
          <Table.Tbody>
            {hits.map((hit, index) => (
              <Table.Tr key={hit.id} bg={index === active ? 'var(--mantine-color-blue-light)' : undefined}>
                <Table.Td>
                  <UnstyledButton onClick={() => onOpen(hit.id)} aria-label={t('care.search.open', { name: hit.name })}>
                    <Text fw={600}>{hit.name}</Text>
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>{hit.phone}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Badge variant="light" tt="none">
                      {t(`care.search.matchedOn.${hit.matchedOn}`)}
                    </Badge>
                    {hit.device && <Text size="sm">{hit.device}</Text>}
                  </Group>
                </Table.Td>
                <Table.Td>{t('care.search.tickets', { count: hit.ticketCount })}</Table.Td>
                <Table.Td>{hit.lastVisitAt ? t('care.search.lastVisit', { date: format.instant(hit.lastVisitAt) }) : null}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canShowMore && (
        <Group>
          <Button variant="subtle" size="compact-sm" onClick={() => search.showMore()}>
            {t('tickets.moreResults')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
