// The archive search as the clerk types (debounced, newest answer wins).
import type { ArchiveHit } from '../../../../shared/customer-care-contract';
import { invoke } from '../../api';
import { useTypeaheadLookup } from '../../forms/useTypeaheadLookup';
import { useErrorText } from '../../widgets/error-text';

export function useArchiveSearch() {
  const errorText = useErrorText();
  return useTypeaheadLookup<ArchiveHit>(
    (query) => invoke('archive.search', { query, limit: 20 }),
    errorText,
  );
}
