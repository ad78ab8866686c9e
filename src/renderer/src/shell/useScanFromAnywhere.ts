// A claim ticket scanned anywhere in the desk, even into a text field such as
// the intake's customer name: the digits the scanner typed into the field are
// taken back out, its Enter does nothing else, and the ticket is opened. The
// Tickets and Collection scan boxes (data-scan-box) handle their own scans.
import { useEffect, useRef } from 'react';
import { addKey, scannedNumber, type Burst } from '../forms/scan-burst';

type TextField = HTMLInputElement | HTMLTextAreaElement;

function asTextField(target: EventTarget | null): TextField | null {
  if (target instanceof HTMLTextAreaElement) return target;
  if (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(target.type)) return target;
  return null;
}

/** Puts a field's text back the way React's own typing would (its onChange sees it). */
function restoreText(field: TextField, text: string): void {
  if (field.value === text) return;
  const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, text);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

export function useScanFromAnywhere(onScan: (digits: string) => void): void {
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  });
  useEffect(() => {
    let burst: Burst | null = null;
    /** The field the burst started in and its text before the burst. */
    let before: { field: TextField; text: string } | null = null;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
      const at = event.timeStamp;
      if (event.key.length === 1) {
        const next = addKey(burst, event.key, at);
        if (next.text.length === 1) {
          const field = asTextField(event.target);
          before = field ? { field, text: field.value } : null;
        }
        burst = next;
        return;
      }
      if (event.key !== 'Enter') {
        if (event.key !== 'Shift') burst = null;
        return;
      }
      const digits = scannedNumber(burst, at);
      const started = before;
      burst = null;
      before = null;
      if (digits === null) return;
      if (event.target instanceof HTMLElement && event.target.closest('[data-scan-box]')) return;
      event.preventDefault();
      event.stopPropagation();
      if (started) restoreText(started.field, started.text);
      latest.current(digits);
    };
    // Capture: the scan is recognised before a form moves focus on Enter or a button is pressed.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
