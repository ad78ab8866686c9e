// A list loaded from main when a tab opens, reloaded after each change.
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ContractFailure } from '../api';
import type { SignedInResult } from '../session/useSignedInCall';
import { readFailure } from './error-text';

/** `previous`: with `keepPrevious`, what the last load gave, to show while the next one is under way or after it failed. */
export type Loaded<T> = { state: 'loading'; previous?: T } | { state: 'done'; data: T } | { state: 'failed'; message: string; previous?: T };

export interface LoadedOptions<T> {
  /** A reload (a new key, or the returned reload) shows as loading, the data so far kept as `previous`. */
  keepPrevious?: boolean;
  /** Data read before the screen first rendered (the desk's start): shown at once, and not loaded again until asked. */
  initial?: T;
}

/** Thrown by a load whose sign-in was closed: the screen keeps what it shows. */
export class LoadCancelled extends Error {}

/** A signed-in call's data, or the failure thrown for useLoaded. */
export function signedInData<T>(result: SignedInResult<T>): T {
  if (result.ok) return result.data;
  if ('cancelled' in result) throw new LoadCancelled();
  throw new ContractFailure(result.error);
}

/** The data to show: what loaded, or with `keepPrevious` the last data while loading again or after a failure. */
export function shownData<T>(loaded: Loaded<T>): T | undefined {
  return loaded.state === 'done' ? loaded.data : loaded.previous;
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
  { keepPrevious = false, initial }: LoadedOptions<T> = {},
): [Loaded<T>, () => Promise<void>, (change: (data: T) => T) => void] {
  const first = (): Loaded<T> => (initial === undefined ? { state: 'loading' } : { state: 'done', data: initial });
  const [loaded, setLoaded] = useState<Loaded<T>>(first);
  const latest = useRef(0);
  const loadRef = useRef(load);
  const describeRef = useRef(describe);
  loadRef.current = load;
  describeRef.current = describe;
  // What the last finished load (or update) left on screen: a sign-in closed during a reload goes back to it.
  const settled = useRef<Loaded<T>>(loaded);
  // The first load was done before the first render: the effect's first run has nothing to load.
  const loadedBeforeRender = useRef(initial !== undefined);

  const settle = useCallback((next: Loaded<T>) => {
    settled.current = next;
    setLoaded(next);
  }, []);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    const previous = () => (keepPrevious ? { previous: shownData(settled.current) } : {});
    if (keepPrevious) setLoaded({ state: 'loading', ...previous() });
    try {
      const data = await loadRef.current();
      if (request === latest.current) settle({ state: 'done', data });
    } catch (error) {
      if (request !== latest.current) return;
      if (error instanceof LoadCancelled) {
        if (keepPrevious) setLoaded(settled.current);
        return;
      }
      settle({ state: 'failed', message: describeRef.current(error), ...previous() });
    }
  }, [keepPrevious, settle]);

  const update = useCallback((change: (data: T) => T) => {
    latest.current += 1;
    setLoaded((current) => {
      const data = shownData(current);
      if (data === undefined) return current;
      settled.current = { state: 'done', data: change(data) };
      return settled.current;
    });
  }, []);

  useEffect(() => {
    if (loadedBeforeRender.current) {
      loadedBeforeRender.current = false;
      return;
    }
    void reload();
  }, [reload, key]);
  return [loaded, reload, update];
}

/** One sentence for a failed load. */
export function loadFailure(t: TFunction, error: unknown): string {
  if (error instanceof ContractFailure) return readFailure(t, error.error).message ?? t('errors.validation');
  return t('errors.internal');
}
