// The archive search as the clerk types (debounced, newest answer wins). A
// whole phone or serial stops at its exact match; "More results" asks for the
// partial matches of the same text too, until the text changes.
import { useCallback, useRef, useState } from 'react';
import type { ArchiveHit } from '../../../../shared/customer-care-contract';
import { invoke } from '../../api';
import { useTypeaheadLookup, type TypeaheadLookup } from '../../forms/useTypeaheadLookup';
import { useErrorText } from '../../widgets/error-text';

const LIMIT = 20;

export interface ArchiveSearch extends TypeaheadLookup<ArchiveHit> {
  /** The hits on show include the partial matches of their text. */
  showingMore: boolean;
  /** Searches the current text again with the partial matches too. */
  showMore(): void;
}

/** `partialsAlways`: every search brings the partial matches too (finding a duplicate to merge, where a near number is the point). */
export function useArchiveSearch({ partialsAlways = false }: { partialsAlways?: boolean } = {}): ArchiveSearch {
  const errorText = useErrorText();
  // The text the partial matches were asked for; another text is searched as usual.
  const moreFor = useRef<string | null>(null);
  const [moreShownFor, setMoreShownFor] = useState<string | null>(null);
  const lookup = useTypeaheadLookup<ArchiveHit>(
    (query) => invoke('archive.search', { query, limit: LIMIT, more: partialsAlways || query === moreFor.current }),
    errorText,
  );
  const { query, refresh } = lookup;
  const showMore = useCallback(() => {
    const text = query.trim();
    moreFor.current = text;
    setMoreShownFor(text);
    refresh();
  }, [query, refresh]);
  const showingMore = partialsAlways || (lookup.result.state === 'done' && lookup.result.query === moreShownFor);
  return { ...lookup, showingMore, showMore };
}
