// One page of the open tickets board, fetched again whenever a filter, the
// page or the refresh key changes. The desk counts every open status whatever
// the status filter, so every chip keeps its count while one is chosen.
import { useEffect, useRef, useState } from 'react';
import type { TicketStatus } from '../../../../shared/domain';
import type { TicketBoard } from '../../../../shared/tickets-contract';
import { invoke } from '../../api';

export interface BoardQuery {
  /** Empty: every open status. */
  statuses: TicketStatus[];
  technicianId: number | null;
  page: number;
  pageSize: number;
}

export type BoardState =
  | { state: 'loading'; previous: TicketBoard | null; counts: TicketBoard['countsByStatus'] }
  | { state: 'done'; board: TicketBoard; counts: TicketBoard['countsByStatus'] }
  | { state: 'failed'; code: string; message: string };

export function useTicketBoard(query: BoardQuery, refreshKey: unknown): BoardState {
  const [result, setResult] = useState<BoardState>({ state: 'loading', previous: null, counts: {} });
  const latest = useRef(0);
  const { statuses, technicianId, page, pageSize } = query;
  const statusKey = statuses.join(',');

  useEffect(() => {
    const request = ++latest.current;
    setResult((before) => ({
      state: 'loading',
      previous: before.state === 'done' ? before.board : before.state === 'loading' ? before.previous : null,
      counts: before.state === 'failed' ? {} : before.counts,
    }));
    const chosen = statusKey === '' ? null : (statusKey.split(',') as TicketStatus[]);
    void invoke('tickets.board', { statuses: chosen, technicianId, page, pageSize }).then((list) => {
      if (request !== latest.current) return;
      if (!list.ok) return setResult({ state: 'failed', code: list.error.code, message: list.error.message });
      setResult({ state: 'done', board: list.data, counts: list.data.countsByStatus });
    });
  }, [statusKey, technicianId, page, pageSize, refreshKey]);

  return result;
}
