import { useCallback, useState } from 'react';

const STORAGE_KEY = 'repairDesk.clerkId';

function readStored(): number | null {
  try {
    const value = Number(window.localStorage.getItem(STORAGE_KEY));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

/** Who is working at this counter, remembered between sessions on this PC. */
export function useStoredClerk(): [number | null, (id: number | null) => void] {
  const [clerkId, setState] = useState<number | null>(readStored);
  const setClerkId = useCallback((id: number | null) => {
    setState(id);
    try {
      if (id === null) window.localStorage.removeItem(STORAGE_KEY);
      else window.localStorage.setItem(STORAGE_KEY, String(id));
    } catch {
      // Storage may be unavailable; the choice then lasts for this session.
    }
  }, []);
  return [clerkId, setClerkId];
}
