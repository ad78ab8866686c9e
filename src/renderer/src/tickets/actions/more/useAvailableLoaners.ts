// The loaners on the shelf now, read again whenever the ticket's loans change
// (a loaner lent or returned here, or on the other counter).
import { useEffect, useState } from 'react';
import type { LoanerView } from '../../../../../shared/workflow-contract';
import { invoke } from '../../../api';

export type AvailableLoaners = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; loaners: LoanerView[] };

export function useAvailableLoaners(enabled: boolean, loansKey: string): AvailableLoaners {
  const [list, setList] = useState<AvailableLoaners>({ state: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    void invoke('loaners.list', { includeInactive: false }).then((result) => {
      if (!current) return;
      setList(result.ok ? { state: 'ready', loaners: result.data.filter((l) => l.available) } : { state: 'failed' });
    });
    return () => {
      current = false;
    };
  }, [enabled, loansKey]);
  return list;
}
