// Asks main first whether the shop's data opened safely; if not, the recovery
// screen stands in for the whole desk until a backup is restored.
import { Center, Loader } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import type { RecoveryStatus } from '../../../shared/data-safety-contract';
import { invoke } from '../api';
import { applyLanguage } from '../i18n';
import { RecoveryScreen } from './RecoveryScreen';

/** The shop's language is in the missing file: follow the computer's. */
const systemLanguage = () => (navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

export function RecoveryGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<RecoveryStatus | 'checking'>('checking');

  useEffect(() => {
    void invoke('recovery.status', {}).then((result) => {
      const next: RecoveryStatus = result.ok ? result.data : { problem: null, newest: null, canStartEmpty: false };
      if (next.problem) applyLanguage(systemLanguage());
      setStatus(next);
    });
  }, []);

  if (status === 'checking') {
    return (
      <Center h="100vh" aria-busy="true">
        <Loader />
      </Center>
    );
  }
  // After a restore the desk starts again from the top, everyone signed out.
  if (status.problem) return <RecoveryScreen status={status} onRestored={() => window.location.reload()} />;
  return <>{children}</>;
}
