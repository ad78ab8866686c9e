// Live totals of the quote being written: main prices the draft (warranty,
// discount, what needs a manager) a moment after each change.
import { useEffect, useState } from 'react';
import type { ContractError } from '../../../../../shared/errors';
import type { QuotePreview } from '../../../../../shared/repair-contract';
import { invoke } from '../../../api';
import { checkDraft, type QuoteDraft } from './quote-draft';

const SETTLE_MS = 200;

/** `pricedFor` changes when the diagnosis is saved again: the same lines are priced afresh (software or hardware). */
export function useQuotePreview(ticketId: number, draft: QuoteDraft, pricedFor: string | null) {
  const [preview, setPreview] = useState<QuotePreview | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [pending, setPending] = useState(false);
  const key = JSON.stringify(draft);

  useEffect(() => {
    const checked = checkDraft(JSON.parse(key) as QuoteDraft, true);
    const lineErrors = Object.keys(checked.errors).some((path) => path.startsWith('lines'));
    if (lineErrors) {
      setPreview(null);
      setPending(false);
      return;
    }
    let stale = false;
    setPending(true);
    const timer = setTimeout(async () => {
      const result = await invoke('quotes.preview', { ticketId, lines: checked.lines, discount: checked.discount });
      if (stale) return;
      setPending(false);
      if (result.ok) {
        setPreview(result.data);
        setError(null);
      } else setError(result.error);
    }, SETTLE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [ticketId, key, pricedFor]);

  return { preview, error, pending };
}
