import { createContext, useContext } from 'react';
import type { AuthSession } from '../../../shared/staff-contract';

/** A manager's id and PIN typed at the counter for one privileged call. */
export interface ManagerApproval {
  staffId: number;
  pin: string;
}

export interface SessionState {
  /** Who signed in at this counter with their PIN, or null. */
  current: AuthSession | null;
  /** A live session token, asking for a sign-in first when nobody is signed in; null if the dialog was cancelled. */
  ensureSession(): Promise<string | null>;
  openSignIn(): void;
  signOut(): Promise<void>;
  /** Signs the current person out and asks for a PIN straight away (F2). */
  switchUser(): Promise<void>;
  /** Main said the session ended (timed out, PIN reset): forget it so the next call asks again. */
  sessionEnded(): void;
  /** Asks a manager for their PIN to approve one call; null if cancelled. */
  askManagerApproval(reason: string): Promise<ManagerApproval | null>;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
