// A lookup that runs as the clerk types (debounced), and at once on Enter, so
// a USB scanner's digits + Enter never wait for the debounce. Only the newest
// request may change what is shown.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContractError, ContractResult } from '../../../shared/errors';

const DEBOUNCE_MS = 150;

export type LookupState<T> =
  | { state: 'idle' }
  | { state: 'searching'; query: string }
  | { state: 'done'; query: string; items: T[] }
  | { state: 'failed'; query: string; message: string };

export type LookupOutcome<T> = { items: T[] } | { message: string };

export interface TypeaheadLookup<T> {
  query: string;
  setQuery(query: string): void;
  result: LookupState<T>;
  /** The items for the text as typed now, asking main at once unless they are the ones on show. */
  lookupNow(): Promise<LookupOutcome<T>>;
  /** Asks again for the current text (tickets change on other counters). */
  refresh(): void;
}

export function useTypeaheadLookup<T>(lookup: (text: string) => Promise<ContractResult<T[]>>, describe: (error: ContractError) => string): TypeaheadLookup<T> {
  const [query, setQueryState] = useState('');
  const [result, setResult] = useState<LookupState<T>>({ state: 'idle' });
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queryRef = useRef('');
  const shown = useRef<LookupState<T>>(result);
  shown.current = result;
  // The callers' functions may change on every render; the lookup keeps the newest.
  const calls = useRef({ lookup, describe });
  useEffect(() => {
    calls.current = { lookup, describe };
  });

  const run = useCallback(async (text: string): Promise<LookupOutcome<T>> => {
    const request = ++latest.current;
    setResult({ state: 'searching', query: text });
    const outcome = await calls.current.lookup(text);
    const current = request === latest.current;
    if (!outcome.ok) {
      const message = calls.current.describe(outcome.error);
      if (current) setResult({ state: 'failed', query: text, message });
      return { message };
    }
    if (current) setResult({ state: 'done', query: text, items: outcome.data });
    return { items: outcome.data };
  }, []);

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

  const lookupNow = useCallback(async (): Promise<LookupOutcome<T>> => {
    const text = queryRef.current.trim();
    if (text === '') return { items: [] };
    if (timer.current) clearTimeout(timer.current);
    const onShow = shown.current;
    if (onShow.state === 'done' && onShow.query === text) return { items: onShow.items };
    return run(text);
  }, [run]);

  const refresh = useCallback(() => {
    const text = queryRef.current.trim();
    if (text !== '') void run(text);
  }, [run]);

  return { query, setQuery, result, lookupNow, refresh };
}
