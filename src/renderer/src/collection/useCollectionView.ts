// One ticket as the collection counter sees it: loaded when opened, fetched
// again when the screen is shown, and replaced by what each payment, refund or
// void answers (so the balance on screen is always main's).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionView } from '../../../shared/collection-contract';
import { call } from '../api';
import { loadFailure, useLoaded } from '../widgets/useLoaded';

export function useCollectionView(ticketId: number, refreshKey: number) {
  const { t } = useTranslation();
  const [load, reload, update] = useLoaded(
    () => call('collection.get', { ticketId }),
    (error) => loadFailure(t, error),
    `${ticketId}:${refreshKey}`,
  );
  const replace = useCallback((view: CollectionView) => update(() => view), [update]);
  return { load, reload, replace };
}
