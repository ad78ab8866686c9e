// Keyboard-first forms: Enter in a single-line field moves to the next field
// (Shift+Enter to the previous) instead of submitting; Ctrl+Enter submits from
// anywhere. A control marked data-enter-target (the submit button) ends the chain.
import type { KeyboardEvent } from 'react';

const NOT_FIELDS = new Set(['button', 'submit', 'reset', 'image', 'file']);

function isSingleLineField(element: Element): boolean {
  if (element instanceof HTMLSelectElement) return true;
  return element instanceof HTMLInputElement && !NOT_FIELDS.has(element.type);
}

function isReachable(element: HTMLElement): boolean {
  if ((element as HTMLInputElement).disabled || element.tabIndex < 0) return false;
  if (element instanceof HTMLInputElement && element.type === 'hidden') return false;
  return element.getClientRects().length > 0;
}

/** Fields in Tab order; a radio group counts once, at its checked (or first) radio. */
function fieldsIn(container: HTMLElement): HTMLElement[] {
  const seenGroups = new Set<string>();
  const fields: HTMLElement[] = [];
  for (const element of container.querySelectorAll<HTMLElement>('input, select, textarea, [data-enter-target]')) {
    if (!isReachable(element)) continue;
    if (element instanceof HTMLInputElement && element.type === 'radio' && element.name) {
      if (seenGroups.has(element.name)) continue;
      seenGroups.add(element.name);
      const checked = container.querySelector<HTMLInputElement>(`input[type=radio][name="${CSS.escape(element.name)}"]:checked`);
      fields.push(checked ?? element);
      continue;
    }
    fields.push(element);
  }
  return fields;
}

function moveFocus(container: HTMLElement, from: Element, step: 1 | -1): void {
  const fields = fieldsIn(container);
  let index = fields.indexOf(from as HTMLElement);
  if (index === -1 && from instanceof HTMLInputElement && from.type === 'radio') {
    index = fields.findIndex((field) => field instanceof HTMLInputElement && field.name === from.name);
  }
  fields[index + step]?.focus();
}

export function keyboardFormKeyDown(submit: () => void) {
  return (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'Enter') return;
    // Enter also confirms a Chinese input method's candidate: leave that alone.
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      submit();
      return;
    }
    if (event.defaultPrevented || event.altKey || !isSingleLineField(event.target as Element)) return;
    event.preventDefault();
    moveFocus(event.currentTarget, event.target as Element, event.shiftKey ? -1 : 1);
  };
}
