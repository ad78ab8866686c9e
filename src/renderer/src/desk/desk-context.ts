import { createContext, useContext } from 'react';
import type { Settings, Staff } from '../../../shared/contract';

export interface DeskState {
  settings: Settings;
  /** Active staff, for the "Working as" and technician choices. */
  staff: Staff[];
  /** The clerk working at this counter, sent with each intake. */
  clerkId: number | null;
  setClerkId(id: number | null): void;
  /** Keeps the app in step after Settings saved them (language switches at once). */
  settingsSaved(next: Settings): void;
  reloadStaff(): Promise<void>;
}

export const DeskContext = createContext<DeskState | null>(null);

export function useDesk(): DeskState {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk outside DeskProvider');
  return desk;
}
