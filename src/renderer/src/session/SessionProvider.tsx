// Who is signed in at this counter (PIN sign-in), and the dialogs that ask for
// a sign-in or a manager's approval when a privileged action needs one.
import { Modal, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthSession, SignInRoster } from '../../../shared/staff-contract';
import { invoke } from '../api';
import { useDesk } from '../desk/desk-context';
import { FirstPinForm } from './FirstPinForm';
import { PinForm } from './PinForm';
import { useIdleLock, useSwitchUserKey } from './idle-lock';
import { SessionContext, type ManagerApproval, type SessionState } from './session-context';
import { useErrorText } from '../widgets/error-text';

const STORAGE_KEY = 'repairDesk.session';

type Dialog =
  | { kind: 'signIn'; roster: SignInRoster; resolve(token: string | null): void }
  | { kind: 'approval'; roster: SignInRoster; reason: string; resolve(approval: ManagerApproval | null): void };

function readStored(): AuthSession | null {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as AuthSession) : null;
  } catch {
    return null;
  }
}

function store(session: AuthSession | null): void {
  try {
    if (session === null) window.sessionStorage.removeItem(STORAGE_KEY);
    else window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  } catch {
    // Without storage the sign-in lasts until the window reloads.
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { settings } = useDesk();
  const [current, setCurrent] = useState<AuthSession | null>(readStored);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const currentRef = useRef(current);
  currentRef.current = current;
  // Who signed in last at this counter: the sign-in dialog offers them first, so a lock costs only the PIN.
  const [lastStaffId, setLastStaffId] = useState<number | null>(current?.staff.id ?? null);

  const remember = useCallback((session: AuthSession | null) => {
    store(session);
    // At once, not at the next render: a call retried right after a session ended must ask again.
    currentRef.current = session;
    setCurrent(session);
  }, []);

  // A stored session may have ended while the window was closed.
  useEffect(() => {
    const stored = currentRef.current;
    if (stored === null) return;
    void invoke('auth.session', { session: stored.token }).then((result) => {
      if (!result.ok || result.data.staff === null) remember(null);
    });
  }, [remember]);

  const ensureSession = useCallback(async (): Promise<string | null> => {
    if (currentRef.current !== null) return currentRef.current.token;
    const roster = await invoke('auth.roster', {});
    if (!roster.ok) return null;
    return new Promise<string | null>((resolve) => setDialog({ kind: 'signIn', roster: roster.data, resolve }));
  }, []);

  const askManagerApproval = useCallback(async (reason: string): Promise<ManagerApproval | null> => {
    const roster = await invoke('auth.roster', {});
    if (!roster.ok) return null;
    return new Promise<ManagerApproval | null>((resolve) => setDialog({ kind: 'approval', roster: roster.data, reason, resolve }));
  }, []);

  const signOut = useCallback(async () => {
    const session = currentRef.current;
    remember(null);
    if (session !== null) await invoke('auth.signOut', { session: session.token });
  }, [remember]);

  /** Ends the session here and in main, then asks for a PIN at once (a shared counter's "switch user"). */
  const switchUser = useCallback(async () => {
    await signOut();
    void ensureSession();
  }, [signOut, ensureSession]);

  useSwitchUserKey(switchUser);
  // Left alone, the counter locks: the next action asks for a PIN first and then goes on.
  useIdleLock(current !== null, settings.idleLockMinutes * 60_000, signOut);

  const state = useMemo<SessionState>(
    () => ({
      current,
      ensureSession,
      openSignIn: () => void ensureSession(),
      signOut,
      switchUser,
      sessionEnded: () => remember(null),
      askManagerApproval,
    }),
    [current, ensureSession, signOut, switchUser, remember, askManagerApproval],
  );

  const close = () => {
    if (dialog?.kind === 'signIn') dialog.resolve(null);
    if (dialog?.kind === 'approval') dialog.resolve(null);
    setDialog(null);
  };

  const signIn = async (staffId: number, pin: string): Promise<string | null> => {
    const result = await invoke('auth.signIn', { staffId, pin });
    if (!result.ok) return errorText(result.error);
    remember(result.data);
    setLastStaffId(result.data.staff.id);
    if (dialog?.kind === 'signIn') dialog.resolve(result.data.token);
    setDialog(null);
    return null;
  };

  const setFirstPin = async (staffId: number, pin: string): Promise<string | null> => {
    const result = await invoke('auth.setPin', { session: null, staffId, currentPin: null, newPin: pin });
    if (!result.ok) return errorText(result.error);
    return signIn(staffId, pin);
  };

  const approve = (staffId: number, pin: string): Promise<string | null> => {
    if (dialog?.kind === 'approval') dialog.resolve({ staffId, pin });
    setDialog(null);
    return Promise.resolve(null);
  };

  const withPin = dialog?.roster.staff.filter((person) => person.hasPin) ?? [];
  return (
    <SessionContext value={state}>
      {children}
      <Modal opened={dialog !== null} onClose={close} title={dialog?.kind === 'approval' ? t('session.approvalTitle') : t('session.signInTitle')} centered>
        {dialog?.kind === 'signIn' && dialog.roster.setupNeeded && (
          <FirstPinForm managers={dialog.roster.staff.filter((person) => person.role === 'manager')} onSubmit={setFirstPin} onCancel={close} />
        )}
        {dialog?.kind === 'signIn' && !dialog.roster.setupNeeded && (
          <PinForm staff={withPin} initialStaffId={lastStaffId} submitLabel={t('session.signIn')} onSubmit={signIn} onCancel={close} />
        )}
        {dialog?.kind === 'approval' && (
          <>
            <Text size="sm" mb="sm">
              {dialog.reason}
            </Text>
            <PinForm
              staff={withPin.filter((person) => person.role === 'manager')}
              initialStaffId={null}
              submitLabel={t('session.approve')}
              onSubmit={approve}
              onCancel={close}
            />
          </>
        )}
      </Modal>
    </SessionContext>
  );
}
