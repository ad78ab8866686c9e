// The fee standard and the parts in stock, for the quote and parts forms.
// Reloaded whenever the ticket changes, as drawing a part changes the stock.
import { useEffect, useState } from 'react';
import type { FeeItem, PartView } from '../../../../shared/stock-contract';
import { invoke } from '../../api';

export function useCatalog(reloadKey: unknown, needed: boolean) {
  const [feeItems, setFeeItems] = useState<FeeItem[]>([]);
  const [parts, setParts] = useState<PartView[]>([]);
  useEffect(() => {
    if (!needed) return;
    let stale = false;
    void Promise.all([invoke('feeStandard.list', { includeInactive: false }), invoke('parts.list', { query: '', limit: 500 })]).then(([fees, stock]) => {
      if (stale) return;
      if (fees.ok) setFeeItems(fees.data);
      if (stock.ok) setParts(stock.data);
    });
    return () => {
      stale = true;
    };
  }, [reloadKey, needed]);
  return { feeItems, parts };
}
