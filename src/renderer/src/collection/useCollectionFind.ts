// Finds tickets to collect as the clerk types (debounced), and at once on
// Enter, so a USB scanner's digits + Enter never wait for the debounce.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CollectionMatch } from '../../../shared/collection-contract';
import { WORKFLOW_LIMITS } from '../../../shared/workflow';
import { invoke } from '../api';
import { useErrorText } from './error-text';

const DEBOUNCE_MS = 150;

export type FindState =
  | { state: 'idle' }
  | { state: 'searching'; query: string }
  | { state: 'done'; query: string; matches: CollectionMatch[] }
  | { state: 'failed'; query: string; message: string };

export type FindOutcome = { matches: CollectionMatch[] } | { message: string };

export interface CollectionFind {
  query: string;
  setQuery(query: string): void;
  result: FindState;
  /** The matches for the text as typed now, asking main at once if they are not in yet. */
  findNow(): Promise<FindOutcome>;
}

export function useCollectionFind(): CollectionFind {
  const errorText = useErrorText();
  const [query, setQueryState] = useState('');
  const [result, setResult] = useState<FindState>({ state: 'idle' });
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cache = useRef<{ query: string; matches: CollectionMatch[] } | null>(null);
  const queryRef = useRef('');

  const run = useCallback(
    async (text: string): Promise<FindOutcome> => {
      const request = ++latest.current;
      setResult({ state: 'searching', query: text });
      const outcome = await invoke('collection.find', { query: text.slice(0, WORKFLOW_LIMITS.searchQueryMax) });
      const current = request === latest.current;
      if (!outcome.ok) {
        const message = errorText(outcome.error);
        if (current) setResult({ state: 'failed', query: text, message });
        return { message };
      }
      cache.current = { query: text, matches: outcome.data };
      if (current) setResult({ state: 'done', query: text, matches: outcome.data });
      return { matches: outcome.data };
    },
    [errorText],
  );

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

  const findNow = useCallback(async (): Promise<FindOutcome> => {
    const text = queryRef.current.trim();
    if (text === '') return { matches: [] };
    if (timer.current) clearTimeout(timer.current);
    // Statuses change on other counters: only a list fetched for this very text is reused.
    if (cache.current?.query === text && result.state === 'done' && result.query === text) return { matches: cache.current.matches };
    return run(text);
  }, [run, result]);

  return { query, setQuery, result, findNow };
}
