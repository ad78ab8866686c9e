// The archive search as the clerk types (debounced, newest answer wins).
import { useTranslation } from 'react-i18next';
import type { ArchiveHit } from '../../../../shared/customer-care-contract';
import { invoke } from '../../api';
import { useTypeaheadLookup } from '../../forms/useTypeaheadLookup';

export function useArchiveSearch() {
  const { t } = useTranslation();
  return useTypeaheadLookup<ArchiveHit>(
    (query) => invoke('archive.search', { query, limit: 20 }),
    (error) => error.message || t(`errors.${error.code}` as 'errors.internal'),
  );
}
