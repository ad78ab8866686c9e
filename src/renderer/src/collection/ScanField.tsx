// The one box at the top of the Collection screen: a scanned claim ticket
// (digits + Enter) opens its ticket at once; a typed phone or name lists the
// customer's tickets (collectable ones first) to pick with ↑ ↓ and Enter.
import { Alert, Loader, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useCallback, useEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionMatch } from '../../../shared/collection-contract';
import { parseTicketNumber } from '../../../shared/ticket-number';
import { StatusBadge } from '../widgets/StatusBadge';
import { useCollectionFind } from './useCollectionFind';
import { useScanAnywhere } from '../forms/useScanAnywhere';

/** How the ticket was found: by its number (the claim ticket was presented) or by searching. */
export type FoundBy = 'number' | 'search';

interface Props {
  /** The Collect tab is on screen: a scan anywhere on it comes to this box. */
  listening: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  onOpen(match: CollectionMatch, by: FoundBy): void;
}

export function ScanField({ listening, inputRef, onOpen }: Props) {
  const { t } = useTranslation();
  const find = useCollectionFind();
  const { query, result } = find;
  const [active, setActive] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  // The list is put away once a ticket is opened from it, until the clerk types again.
  const [openedFor, setOpenedFor] = useState<string | null>(null);
  const matches = result.state === 'done' && result.query !== openedFor ? result.items : [];

  useEffect(() => setActive(0), [result]);

  const { setQuery } = find;
  const typeFromScanner = useCallback(
    (text: string) => {
      setNotice(null);
      setOpenedFor(null);
      setQuery(text);
    },
    [setQuery],
  );
  useScanAnywhere(listening, inputRef, typeFromScanner);

  const open = (match: CollectionMatch, by: FoundBy) => {
    setOpenedFor(query.trim());
    onOpen(match, by);
    inputRef.current?.select();
  };

  const openFromEnter = async () => {
    const text = query.trim();
    if (text === '') return;
    const number = parseTicketNumber(text);
    const outcome = await find.lookupNow();
    if ('message' in outcome) return setNotice(outcome.message);
    if (number !== null) {
      const exact = outcome.items.find((match) => match.number === number);
      return exact ? open(exact, 'number') : setNotice(t('collection.scan.noSuchNumber', { number: text }));
    }
    const chosen = outcome.items[Math.min(active, outcome.items.length - 1)];
    if (chosen) open(chosen, 'search');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter also confirms a Chinese input method's candidate: leave that alone.
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      void openFromEnter();
    } else if (event.key === 'ArrowDown' && matches.length > 0) {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, matches.length - 1));
    } else if (event.key === 'ArrowUp' && matches.length > 0) {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    }
  };

  return (
    <Stack gap="xs">
      <TextInput
        ref={inputRef}
        // This box reads a scanned claim ticket itself (see useScanFromAnywhere).
        data-scan-box
        type="search"
        label={t('collection.scan.label')}
        description={t('collection.scan.hint')}
        placeholder={t('collection.scan.placeholder')}
        value={query}
        size="md"
        maw={640}
        autoComplete="off"
        spellCheck={false}
        aria-controls="collection-matches"
        rightSection={result.state === 'searching' ? <Loader size="xs" aria-label={t('collection.scan.searching')} /> : null}
        onChange={(event) => {
          setNotice(null);
          setOpenedFor(null);
          find.setQuery(event.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
        onFocus={(event) => event.currentTarget.select()}
      />
      {notice && (
        <Alert color="orange" p="xs" maw={640} role="alert">
          {notice}
        </Alert>
      )}
      {result.state === 'failed' && (
        <Alert color="red" p="xs" maw={640} role="alert">
          {t('collection.scan.failed')} {result.message}
        </Alert>
      )}
      {result.state === 'done' && result.query !== openedFor && matches.length === 0 && !notice && (
        <Text c="dimmed" role="status">
          {t('collection.scan.noMatches', { query: result.query })}
        </Text>
      )}
      {matches.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" c="dimmed" role="status">
            {t('collection.scan.matchCount', { count: matches.length })}
          </Text>
          <Table id="collection-matches" aria-label={t('collection.scan.matches')} highlightOnHover withTableBorder verticalSpacing={6} layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>{t('collection.scan.column.number')}</Table.Th>
                <Table.Th>{t('collection.scan.column.customer')}</Table.Th>
                <Table.Th w={120}>{t('collection.scan.column.phone')}</Table.Th>
                <Table.Th>{t('collection.scan.column.device')}</Table.Th>
                <Table.Th w={170}>{t('collection.scan.column.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {matches.map((match, index) => {
                const selected = index === active;
                return (
                  <Table.Tr
                    key={match.ticketId}
                    data-active={selected || undefined}
                    bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
                    style={{ cursor: 'pointer' }}
                    onClick={() => open(match, 'search')}
                    onMouseEnter={() => setActive(index)}
                  >
                    <Table.Td>
                      <UnstyledButton
                        ff="monospace"
                        fw={600}
                        c="var(--mantine-primary-color-filled)"
                        aria-label={t('collection.scan.open', { number: match.displayNumber })}
                        onClick={(event) => {
                          event.stopPropagation();
                          open(match, 'search');
                        }}
                      >
                        {match.displayNumber}
                      </UnstyledButton>
                    </Table.Td>
                    <Table.Td>{match.customerName}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{match.customerPhoneMasked}</Table.Td>
                    <Table.Td>
                      {t(`deviceType.${match.deviceType}`)} · {match.brand} {match.model}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={match.status} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
