// A claim ticket scanned while the focus is not in a text field (on a button,
// a checkbox, the signature, a ticket's page) still goes to the screen's scan
// or search box: the scanner's first digit moves the focus there, and its
// other digits and its Enter follow. A dialog keeps its own keys.
import { useEffect, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** Where typed digits belong where they are: text fields, lists, editable text. */
function takesTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
}

/** `setQuery` receives the first digit (inside flushSync, so the box holds it before it takes the focus). */
export function useScanAnywhere(listening: boolean, inputRef: RefObject<HTMLInputElement | null>, setQuery: (text: string) => void): void {
  useEffect(() => {
    if (!listening) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!/^[0-9]$/.test(event.key) || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (takesTyping(event.target) || document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      flushSync(() => setQuery(event.key));
      const input = inputRef.current;
      if (!input) return;
      input.focus();
      // Focusing selects the box's text; the next digits must follow this one, not replace it.
      input.setSelectionRange(input.value.length, input.value.length);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [listening, inputRef, setQuery]);
}
