// A shared counter: F2 switches user, and a session left idle locks itself.
// Locking only forgets the session; an action started afterwards asks for the
// PIN (ensureSession) and then carries on with what was typed.
import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

export function useIdleLock(signedIn: boolean, idleMs: number, lock: () => Promise<void>): void {
  const latest = useRef(lock);
  useEffect(() => {
    latest.current = lock;
  });
  useEffect(() => {
    if (!signedIn || !(idleMs > 0)) return;
    let timer = window.setTimeout(() => void latest.current(), idleMs);
    const activity = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void latest.current(), idleMs);
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, activity, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, activity, { capture: true });
    };
  }, [signedIn, idleMs]);
}

export function useSwitchUserKey(switchUser: () => Promise<void>): void {
  const latest = useRef(switchUser);
  useEffect(() => {
    latest.current = switchUser;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'F2' || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      event.preventDefault();
      void latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
