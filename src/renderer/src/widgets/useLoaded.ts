// A list loaded from main when a tab opens, reloaded after each change.
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ContractFailure } from '../api';
import { readFailure } from './error-text';

export type Loaded<T> = { state: 'loading' } | { state: 'done'; data: T } | { state: 'failed'; message: string };

/**
 * `key`: loads again whenever it changes (a search box, a filter).
 * The third element puts data main already answered with (an action's result) in place of a load.
 */
export function useLoaded<T>(load: () => Promise<T>, describe: (error: unknown) => string, key = ''): [Loaded<T>, () => Promise<void>, (data: T) => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const latest = useRef(0);
  const loadRef = useRef(load);
  const describeRef = useRef(describe);
  loadRef.current = load;
  describeRef.current = describe;

  const reload = useCallback(async () => {
    const request = ++latest.current;
    try {
      const data = await loadRef.current();
      if (request === latest.current) setLoaded({ state: 'done', data });
    } catch (error) {
      if (request === latest.current) setLoaded({ state: 'failed', message: describeRef.current(error) });
    }
  }, []);

  const replace = useCallback((data: T) => {
    ++latest.current;
    setLoaded({ state: 'done', data });
  }, []);

  useEffect(() => {
    void reload();
  }, [reload, key]);
  return [loaded, reload, replace];
}

/** One sentence for a failed load. */
export function loadFailure(t: TFunction, error: unknown): string {
  if (error instanceof ContractFailure) return readFailure(t, error.error).message ?? t('errors.validation');
  return t('errors.internal');
}
