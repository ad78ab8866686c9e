// A part of a screen (a Settings section) only some roles may change: for
// anyone else it is shown disabled, with why and a way to hand over to a
// manager. The fieldset's own disabled state reaches every field and button in it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../shared/contract';
import { useAccess } from '../session/useAccess';
import { ManagerOnly } from './ManagerOnly';

export function RoleSection({ channel, label, children }: { channel: Channel; label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const access = useAccess(channel);
  if (access.state !== 'refused') return <>{children}</>;
  return (
    <div role="group" aria-label={label} data-refused>
      <ManagerOnly message={access.reason} signInLabel={t('trust.gate.signInAsManager')} />
      <fieldset disabled aria-disabled="true" style={{ border: 0, padding: 0, margin: '8px 0 0', minWidth: 0 }}>
        {children}
      </fieldset>
    </div>
  );
}
