// The search half of the Tickets screen: one box that finds a ticket by
// number, phone, name, serial or model as the clerk types. Enter opens the
// highlighted ticket; a scanned claim ticket (10 digits + Enter) opens its
// ticket straight away.
//
// Phones are shown in full: the box matches any part of a number, so the clerk
// must see which digits matched to tell two customers apart, and the same
// screen is where the shop finds the number to call the customer. Paper that
// leaves the shop (the claim ticket) masks it; this screen faces the clerk.
import { Alert, Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTicketNumber } from '../../../shared/ticket-number';
import type { TicketSearchHit } from '../../../shared/tickets-contract';
import { TicketHits } from './TicketHits';
import type { TicketSearch as Search } from './useTicketSearch';

interface Props {
  search: Search;
  inputRef: RefObject<HTMLInputElement | null>;
  onOpen(hit: TicketSearchHit): void;
}

export function TicketSearch({ search, inputRef, onOpen }: Props) {
  const { t } = useTranslation();
  const { query, result } = search;
  const hits = result.state === 'done' ? result.items : [];
  const matched = result.state === 'done' ? result.query : null;
  // An exact number, phone or serial ends the search; the clerk may still want the partial matches.
  const canShowMore = hits.some((hit) => hit.match === 'exact') && !search.showingMore;
  const [active, setActive] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  // A new list highlights its best match.
  useEffect(() => setActive(0), [result]);

  const openFromEnter = async () => {
    const text = query.trim();
    if (text === '') return;
    const number = parseTicketNumber(text);
    const outcome = await search.lookupNow();
    if ('message' in outcome) return setNotice(outcome.message);
    if (number !== null) {
      // A ticket number, typed or scanned: open it only when it names exactly one ticket.
      const exact = outcome.items.filter((hit) => hit.matchedOn === 'number' && hit.match === 'exact');
      const [only] = exact;
      if (exact.length === 1 && only) return onOpen(only);
      return setNotice(t('tickets.noSuchNumber', { number: text }));
    }
    const chosen = outcome.items[Math.min(active, outcome.items.length - 1)];
    if (chosen) onOpen(chosen);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter also confirms a Chinese input method's candidate: leave that alone.
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      void openFromEnter();
    } else if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, hits.length - 1));
    } else if (event.key === 'ArrowUp' && hits.length > 0) {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    }
  };

  return (
    <Stack gap="md">
      <Title order={2}>{t('tickets.title')}</Title>
      <TextInput
        ref={inputRef}
        // This box reads a scanned claim ticket itself (see useScanFromAnywhere).
        data-scan-box
        type="search"
        label={t('tickets.search')}
        description={t('tickets.searchHint')}
        placeholder={t('tickets.searchPlaceholder')}
        value={query}
        size="md"
        maw={640}
        autoComplete="off"
        spellCheck={false}
        aria-controls="ticket-hits"
        rightSection={result.state === 'searching' ? <Loader size="xs" aria-label={t('tickets.searching')} /> : null}
        onChange={(event) => {
          setNotice(null);
          search.setQuery(event.currentTarget.value);
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
        <Alert color="red" p="xs" maw={640}>
          {t('tickets.searchFailed')} {result.message}
        </Alert>
      )}
      {result.state === 'done' && hits.length === 0 && !notice && (
        <Text c="dimmed" role="status">
          {t('tickets.noResults', { query: result.query })}
        </Text>
      )}
      {hits.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" c="dimmed" role="status">
            {t('tickets.resultCount', { count: hits.length })}
          </Text>
          <TicketHits hits={hits} active={active} matched={matched} onOpen={onOpen} onHover={setActive} />
          {canShowMore && (
            <Group>
              <Button variant="subtle" size="compact-sm" onClick={() => search.showMore()}>
                {t('tickets.moreResults')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {result.state === 'idle' && (
        <Group gap="xs">
          <Text c="dimmed" size="sm">
            {t('tickets.emptyHint')}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
