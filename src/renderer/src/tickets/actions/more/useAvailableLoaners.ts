// The loaners on the shelf now, read again whenever the ticket's loans change
// (a loaner lent or returned here, or on the other counter).
import type { LoanerView } from '../../../../../shared/repair-contract';
import { call } from '../../../api';
import { useLoaded } from '../../../widgets/useLoaded';

export type AvailableLoaners = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; loaners: LoanerView[] };

export function useAvailableLoaners(loansKey: string): AvailableLoaners {
  // The section says in its own words that the list could not be read.
  const [list] = useLoaded(
    () => call('loaners.list', { includeInactive: false }),
    () => '',
    loansKey,
  );
  if (list.state === 'loading') return list;
  if (list.state === 'failed') return { state: 'failed' };
  return { state: 'ready', loaners: list.data.filter((l) => l.available) };
}
