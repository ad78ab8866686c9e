import { createContext, useContext } from 'react';
import type { Settings, Staff } from '../../../shared/contract';

export interface DeskState {
  settings: Settings;
  /** Active staff, for the technician choices (who is acting comes from the PIN session). */
  staff: Staff[];
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
