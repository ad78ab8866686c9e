// One ticket as the collection counter sees it: loaded when opened, fetched
// again when the screen is shown, and replaced by what each payment, refund or
// void answers (so the balance on screen is always main's).
import { useCallback, useEffect, useState } from 'react';
import type { CollectionView } from '../../../shared/collection-contract';
import { invoke } from '../api';
import { useErrorText } from '../widgets/error-text';

export type ViewLoad = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; view: CollectionView };

export function useCollectionView(ticketId: number, refreshKey: number) {
  const errorText = useErrorText();
  const [load, setLoad] = useState<ViewLoad>({ state: 'loading' });

  const reload = useCallback(async () => {
    const result = await invoke('collection.get', { ticketId });
    setLoad(result.ok ? { state: 'ready', view: result.data } : { state: 'failed', message: errorText(result.error) });
  }, [ticketId, errorText]);

  useEffect(() => {
    void reload();
  }, [reload, refreshKey]);

  const replace = useCallback((view: CollectionView) => setLoad({ state: 'ready', view }), []);
  return { load, reload, replace };
}
