// A desk that takes a while to open (a file left unclean by a power cut is
// checked first: seconds on years of tickets) still gets its window at once,
// loading, and what the window asks for waits for the desk. One that opens, or
// fails, within a moment starts as if there were no wait. Shared by the
// Electron shell and the web harness; no Electron here.
import type { Dispatch } from '../core/dispatch';

/** How long a start waits for the desk before it shows the window anyway (a start after a clean close takes well under it). */
export const WINDOW_WAIT_MS = 400;

interface Dispatching {
  dispatch: Dispatch;
}

/** The desk if it opened within `ms`, null if it is still opening; throws if it failed by then. */
export async function openedWithin<D>(opening: Promise<D>, ms: number): Promise<D | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((answer) => (timer = setTimeout(() => answer(null), ms)));
  try {
    return await Promise.race([opening, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** An open desk's own dispatch, or one that waits for a desk still opening (and fails as its opening fails). */
export function dispatchWhenOpen(opened: Dispatching | null, opening: Promise<Dispatching>): Dispatch {
  if (opened) return opened.dispatch;
  return async (channel, input) => (await opening).dispatch(channel, input);
}
