import { useEffect, useRef } from 'react';

/** A window-wide Alt+<letter> shortcut, e.g. Alt+N for a new intake. */
export function useAltShortcut(letter: string, action: () => void): void {
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => {
    const code = `Key${letter.toUpperCase()}`;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.code !== code) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [letter]);
}

/** The window-wide search shortcut: Ctrl+F (Cmd+F on macOS) or F3, as in most desktop programs. */
export function useSearchShortcut(action: () => void): void {
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const ctrlF = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.code === 'KeyF';
      const f3 = event.key === 'F3' && !event.ctrlKey && !event.metaKey && !event.altKey;
      if (!ctrlF && !f3) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
