import { useCallback, useState } from 'react';
import type { PasscodeKind } from '../../../shared/domain';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';

type Revealed = { kind: PasscodeKind; value: string };

/**
 * A ticket's passcode, opened only on request by a staff member signed in with
 * their PIN (main logs each viewing with their name), and forgotten when hidden.
 */
export function usePasscodeReveal(ticketId: number) {
  const run = useSignedInCall();
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const show = useCallback(async () => {
    const result = await run('tickets.revealPasscode', { ticketId });
    if (isCancelled(result)) return;
    if (result.ok) {
      setRevealed(result.data);
      setFailure(null);
    } else {
      setFailure(result.error.message);
    }
  }, [ticketId, run]);
  const hide = useCallback(() => setRevealed(null), []);
  return { revealed, failure, show, hide };
}
