// The Tickets screen's search: number, phone, name, serial or model, best first.
import type { TicketSearchHit } from '../../../shared/workflow-contract';
import { WORKFLOW_LIMITS } from '../../../shared/workflow';
import { invoke } from '../api';
import { useTypeaheadLookup, type TypeaheadLookup } from '../forms/useTypeaheadLookup';

const LIMIT = 20;

export type TicketSearch = TypeaheadLookup<TicketSearchHit>;

export function useTicketSearch(errorMessage: (code: string, message: string) => string): TicketSearch {
  return useTypeaheadLookup(
    (text) => invoke('tickets.search', { query: text.slice(0, WORKFLOW_LIMITS.searchQueryMax), limit: LIMIT }),
    (error) => errorMessage(error.code, error.message),
  );
}
