// The open tickets board, shown under the search box while it is empty: what
// is in the shop, how old, promised when, with whom, in which state.
import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketStatus } from '../../../../shared/domain';
import type { TicketRef } from '../../../../shared/repair-contract';
import { useSession } from '../../session/session-context';
import { BoardFilters } from './BoardFilters';
import { BoardPager, pageCount } from './BoardPager';
import { BoardTable } from './BoardTable';
import { useTicketBoard } from './useTicketBoard';

interface Props {
  /** Changes each time the board should be fetched again (screen shown, back from a ticket). */
  refreshKey: unknown;
  onOpen(ticket: TicketRef): void;
}

export function TicketBoard({ refreshKey, onOpen }: Props) {
  const { t } = useTranslation();
  const { current, ensureSession } = useSession();
  const [statuses, setStatuses] = useState<TicketStatus[]>([]);
  const [technicianId, setTechnicianId] = useState<number | null>(null);
  const [mine, setMine] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const [retries, setRetries] = useState(0);

  // "My tickets" follows whoever is signed in; signing out turns it off.
  const me = current?.staff ?? null;
  const mineOn = mine && me !== null;
  const result = useTicketBoard({ statuses, technicianId: mineOn ? me.id : technicianId, page, pageSize }, `${String(refreshKey)}:${retries}`);
  const board = result.state === 'done' ? result.board : result.state === 'loading' ? result.previous : null;

  // A page past the end (tickets closed meanwhile) falls back to the last one.
  const pages = board ? pageCount(board.total, board.pageSize) : 1;
  useEffect(() => {
    if (result.state === 'done' && page > pages) setPage(pages);
  }, [result.state, page, pages]);

  const filtered =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };

  const toggleMine = async (on: boolean) => {
    if (on && me === null && (await ensureSession()) === null) return;
    setMine(on);
    setPage(1);
  };

  return (
    <Stack gap="sm" mt="xl" component="section" aria-labelledby="ticket-board-title">
      <Group justify="space-between" align="center">
        <Title order={3} id="ticket-board-title">
          {t('board.title')}
        </Title>
        {result.state === 'loading' && <Loader size="xs" aria-label={t('app.loading')} />}
      </Group>
      <BoardFilters
        statuses={statuses}
        onStatuses={filtered(setStatuses)}
        counts={result.state === 'failed' ? {} : result.counts}
        technicianId={technicianId}
        onTechnician={filtered(setTechnicianId)}
        mine={mineOn}
        mineName={me?.name ?? null}
        onMine={(on) => void toggleMine(on)}
      />
      {result.state === 'failed' && (
        <Alert color="red" p="xs" role="alert">
          <Group gap="sm">
            <Text size="sm">
              {t('board.loadFailed')} {result.message || t(`errors.${result.code}` as 'errors.internal')}
            </Text>
            <Button size="xs" variant="default" onClick={() => setRetries((n) => n + 1)}>
              {t('board.retry')}
            </Button>
          </Group>
        </Alert>
      )}
      {board && board.items.length === 0 && (
        <Text c="dimmed" role="status">
          {t('board.empty')}
        </Text>
      )}
      {board && board.items.length > 0 && <BoardTable items={board.items} onOpen={onOpen} />}
      {board && board.total > 0 && <BoardPager page={board.page} pageSize={pageSize} total={board.total} onPage={setPage} onPageSize={filtered(setPageSize)} />}
    </Stack>
  );
}
