// A list loaded from main when a tab opens, reloaded after each change.
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ContractFailure } from '../api';
import type { SignedInResult } from '../session/useSignedInCall';
import { readFailure } from './error-text';

export type Loaded<T> = { state: 'loading' } | { state: 'done'; data: T } | { state: 'failed'; message: string };

/** Thrown by a load whose sign-in was closed: the screen keeps what it shows. */
export class LoadCancelled extends Error {}

/** A signed-in call's data, or the failure thrown for useLoaded. */
export function signedInData<T>(result: SignedInResult<T>): T {
  if (result.ok) return result.data;
  if ('cancelled' in result) throw new LoadCancelled();
  throw new ContractFailure(result.error);
}

/**
 * `key`: loads again whenever it changes (a search box, a filter).
 * The third element puts what a save answered in place of the loaded data
 * (a load still under way is then dropped, being older).
 */
export function useLoaded<T>(
  load: () => Promise<T>,
  describe: (error: unknown) => string,
  key = '',
): [Loaded<T>, () => Promise<void>, (change: (data: T) => T) => void] {
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
      if (error instanceof LoadCancelled) return;
      if (request === latest.current) setLoaded({ state: 'failed', message: describeRef.current(error) });
    }
  }, []);

  const update = useCallback((change: (data: T) => T) => {
    latest.current += 1;
    setLoaded((current) => (current.state === 'done' ? { state: 'done', data: change(current.data) } : current));
  }, []);

  useEffect(() => {
    void reload();
  }, [reload, key]);
  return [loaded, reload, update];
}

/** One sentence for a failed load. */
export function loadFailure(t: TFunction, error: unknown): string {
  if (error instanceof ContractFailure) return readFailure(t, error.error).message ?? t('errors.validation');
  return t('errors.internal');
}
