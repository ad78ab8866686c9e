// A row of toggles (accessory chips, condition checks) is one Tab stop; the
// arrow keys move between its items and Space toggles, as in a toolbar.
import { useState, type KeyboardEvent } from 'react';

const STEPS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

export function useRovingFocus(count: number) {
  const [current, setCurrent] = useState(0);
  const active = Math.min(current, Math.max(0, count - 1));

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const step = STEPS[event.key];
    if (!step) return;
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-roving-item]')];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (index < 0) return;
    event.preventDefault();
    items[(index + step + items.length) % items.length]?.focus();
  };

  const itemProps = (index: number) => ({
    tabIndex: index === active ? 0 : -1,
    onFocus: () => setCurrent(index),
    'data-roving-item': true,
  });

  return { onKeyDown, itemProps };
}
