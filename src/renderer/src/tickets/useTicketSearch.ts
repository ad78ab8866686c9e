// The Tickets screen's search: number, phone, name, serial or model, best first.
// A whole ticket number, phone or serial stops at its exact match; "More
// results" asks for the partial matches of the same text too, until the text
// changes.
import { useCallback, useRef, useState } from 'react';
import type { TicketSearchHit } from '../../../shared/tickets-contract';
import { WORKFLOW_LIMITS } from '../../../shared/workflow';
import { invoke } from '../api';
import { useTypeaheadLookup, type TypeaheadLookup } from '../forms/useTypeaheadLookup';

const LIMIT = 20;

export interface TicketSearch extends TypeaheadLookup<TicketSearchHit> {
  /** The hits on show include the partial matches of their text, asked for with showMore. */
  showingMore: boolean;
  /** Searches the current text again with the partial matches too. */
  showMore(): void;
}

export function useTicketSearch(errorMessage: (code: string, message: string) => string): TicketSearch {
  // The text the partial matches were asked for; another text is searched as usual.
  const moreFor = useRef<string | null>(null);
  const [moreShownFor, setMoreShownFor] = useState<string | null>(null);
  const lookup = useTypeaheadLookup(
    (text) => invoke('tickets.search', { query: text.slice(0, WORKFLOW_LIMITS.searchQueryMax), limit: LIMIT, more: text === moreFor.current }),
    (error) => errorMessage(error.code, error.message),
  );
  const { query, refresh } = lookup;
  const showMore = useCallback(() => {
    const text = query.trim();
    moreFor.current = text;
    setMoreShownFor(text);
    refresh();
  }, [query, refresh]);
  const showingMore = lookup.result.state === 'done' && lookup.result.query === moreShownFor;
  return { ...lookup, showingMore, showMore };
}
