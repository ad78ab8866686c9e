// Searches tickets as the clerk types (debounced), and at once when Enter is
// pressed, so a USB scanner's 10 digits + Enter never race the debounce.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TicketSearchHit } from '../../../shared/workflow-contract';
import { WORKFLOW_LIMITS } from '../../../shared/workflow';
import { invoke } from '../api';

const DEBOUNCE_MS = 150;
const LIMIT = 20;

export type SearchState =
  | { state: 'idle' }
  | { state: 'searching'; query: string }
  | { state: 'done'; query: string; hits: TicketSearchHit[] }
  | { state: 'failed'; query: string; message: string };

export interface TicketSearch {
  query: string;
  setQuery(query: string): void;
  result: SearchState;
  /** The hits for the query as typed now, searching at once if they are not in yet. */
  searchNow(): Promise<{ hits: TicketSearchHit[] } | { message: string }>;
  refresh(): void;
}

export function useTicketSearch(errorMessage: (code: string, message: string) => string): TicketSearch {
  const [query, setQueryState] = useState('');
  const [result, setResult] = useState<SearchState>({ state: 'idle' });
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cache = useRef<{ query: string; hits: TicketSearchHit[] } | null>(null);
  const describe = useRef(errorMessage);
  useEffect(() => {
    describe.current = errorMessage;
  });

  const run = useCallback(async (text: string) => {
    const request = ++latest.current;
    setResult({ state: 'searching', query: text });
    const outcome = await invoke('tickets.search', { query: text.slice(0, WORKFLOW_LIMITS.searchQueryMax), limit: LIMIT });
    const current = request === latest.current;
    if (!outcome.ok) {
      const message = describe.current(outcome.error.code, outcome.error.message);
      if (current) setResult({ state: 'failed', query: text, message });
      return { message };
    }
    cache.current = { query: text, hits: outcome.data };
    if (current) setResult({ state: 'done', query: text, hits: outcome.data });
    return { hits: outcome.data };
  }, []);

  const queryRef = useRef('');
  const setQuery = useCallback(
    (next: string) => {
      queryRef.current = next;
      setQueryState(next);
      if (timer.current) clearTimeout(timer.current);
      const text = next.trim();
      if (text === '') {
        latest.current++;
        setResult({ state: 'idle' });
        return;
      }
      timer.current = setTimeout(() => void run(text), DEBOUNCE_MS);
    },
    [run],
  );

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const searchNow = useCallback(async () => {
    const text = queryRef.current.trim();
    if (text === '') return { hits: [] };
    if (cache.current?.query === text) return { hits: cache.current.hits };
    if (timer.current) clearTimeout(timer.current);
    return run(text);
  }, [run]);

  /** Searches the current query again (tickets change on other counters). */
  const refresh = useCallback(() => {
    const text = queryRef.current.trim();
    cache.current = null;
    if (text !== '') void run(text);
  }, [run]);

  return { query, setQuery, result, searchNow, refresh };
}
