// As-you-type lookup in the customer archive, debounced, ignoring answers
// that arrive after a newer query was typed.
import { useEffect, useState } from 'react';
import type { CustomerSummary } from '../../../shared/contract';
import { invoke } from '../api';

const DEBOUNCE_MS = 150;

export type LookupSource = 'name' | 'phone';

/** Worth asking the archive: 3+ digits of a phone, 2+ characters of a name. */
export function isLookupQuery(source: LookupSource, query: string): boolean {
  return source === 'phone' ? query.replace(/\D/g, '').length >= 3 : query.trim().length >= 2;
}

export function useCustomerSearch(source: LookupSource | null, query: string): CustomerSummary[] {
  const [found, setFound] = useState<{ query: string; matches: CustomerSummary[] }>({ query: '', matches: [] });
  const wanted = source !== null && isLookupQuery(source, query) ? query : '';

  useEffect(() => {
    if (wanted === '') return;
    let current = true;
    const timer = window.setTimeout(async () => {
      const result = await invoke('customers.search', { query: wanted, limit: 8 });
      if (current) setFound({ query: wanted, matches: result.ok ? result.data : [] });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [wanted]);

  // Earlier matches stay up while the next query is on its way, so the list does not flicker.
  return wanted !== '' ? found.matches : [];
}
