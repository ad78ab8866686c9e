import { useCallback, useState } from 'react';
import type { PasscodeKind } from '../../../../shared/domain';
import { invoke } from '../../api';

type Revealed = { kind: PasscodeKind; value: string };

/** A ticket's passcode, opened only on request (main logs each viewing) and forgotten when hidden. */
export function usePasscodeReveal(ticketId: number, staffId: number | null) {
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const show = useCallback(async () => {
    const result = await invoke('tickets.revealPasscode', { ticketId, staffId });
    if (result.ok) {
      setRevealed(result.data);
      setFailure(null);
    } else {
      setFailure(result.error.message);
    }
  }, [ticketId, staffId]);
  const hide = useCallback(() => setRevealed(null), []);
  return { revealed, failure, show, hide };
}
