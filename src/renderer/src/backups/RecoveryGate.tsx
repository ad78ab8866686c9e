// Asks main first whether the shop's data opened safely; if not, the recovery
// screen stands in for the whole desk until a backup is restored.
import type { ReactNode } from 'react';
import type { RecoveryStatus } from '../../../shared/data-safety-contract';
import { invoke } from '../api';
import { applyLanguage, systemLanguage } from '../i18n';
import { useLoaded } from '../widgets/useLoaded';
import { RecoveryScreen } from './RecoveryScreen';
import { StartingScreen } from './StartingScreen';

/** Whether the shop's data opened safely. A check that fails opens the desk as usual; the desk's own load then says what is wrong. */
export async function readRecoveryStatus(): Promise<RecoveryStatus> {
  const result = await invoke('recovery.status', {});
  const status: RecoveryStatus = result.ok ? result.data : { problem: null, newest: null, canStartEmpty: false };
  // The shop's language is in the missing file: follow the computer's.
  if (status.problem) applyLanguage(systemLanguage());
  return status;
}

/** `initial`: the status read before the first render (the desk's start), so no loading screen comes first. */
export function RecoveryGate({ children, initial }: { children: ReactNode; initial?: RecoveryStatus }) {
  const [loaded] = useLoaded(readRecoveryStatus, String, '', { initial });

  // The first thing asked of a desk still opening: its window waits here.
  if (loaded.state !== 'done') return <StartingScreen />;
  // After a restore the desk starts again from the top, everyone signed out.
  const status = loaded.data;
  if (status.problem) return <RecoveryScreen status={status} onRestored={() => window.location.reload()} />;
  return <>{children}</>;
}
