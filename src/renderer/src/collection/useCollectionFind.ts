// Finds tickets to collect: a scanned or typed number, or the customer's phone or name.
import type { CollectionMatch } from '../../../shared/collection-contract';
import { WORKFLOW_LIMITS } from '../../../shared/workflow';
import { invoke } from '../api';
import { useTypeaheadLookup, type TypeaheadLookup } from '../forms/useTypeaheadLookup';
import { useErrorText } from '../widgets/error-text';

export function useCollectionFind(): TypeaheadLookup<CollectionMatch> {
  const errorText = useErrorText();
  return useTypeaheadLookup((text) => invoke('collection.find', { query: text.slice(0, WORKFLOW_LIMITS.searchQueryMax) }), errorText);
}
