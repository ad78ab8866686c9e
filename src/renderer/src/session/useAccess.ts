// What the signed-in person may do with one channel, read from the role table
// (src/shared/roles.ts) the way main enforces it: a control their role may not
// use is shown disabled with this reason, and one a manager's PIN lets through
// says that it will ask for it. Nobody signed in yet: the call asks for a
// sign-in first, so nothing is disabled for that.
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../shared/contract';
import { accessOf, costsVisibleTo, roleMayCall } from '../../../shared/roles';
import { useSession } from './session-context';

export type AccessView = { state: 'allowed' } | { state: 'approval'; hint: string } | { state: 'refused'; reason: string };

export function useAccess(channel: Channel): AccessView {
  const { t } = useTranslation();
  const role = useSession().current?.staff.role ?? null;
  const access = accessOf(channel);
  if (role === null || access.kind !== 'roles' || roleMayCall(channel, role)) return { state: 'allowed' };
  if (access.approval) return { state: 'approval', hint: t('trust.gate.approval') };
  return { state: 'refused', reason: t('trust.gate.refused', { rule: t(`trust.needsRole.${access.refusal}`), role: t(`role.${role}`) }) };
}

/** Cost prices are shown to a signed-in manager only (main leaves them out for everyone else). */
export function useCostsVisible(): boolean {
  return costsVisibleTo(useSession().current?.staff.role ?? null);
}
