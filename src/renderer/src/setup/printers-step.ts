// The first-run setup ends with the printers, once the manager is signed in
// and the desk has loaded; the page reloads in between, so the step waiting is
// kept for this window's session.
const KEY = 'repairDesk.setupPrinters';

export function printersStepPending(): boolean {
  try {
    return window.sessionStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function markPrintersStep(pending: boolean): void {
  try {
    if (pending) window.sessionStorage.setItem(KEY, '1');
    else window.sessionStorage.removeItem(KEY);
  } catch {
    // Without storage the step is skipped; Settings > Printing does the same.
  }
}
