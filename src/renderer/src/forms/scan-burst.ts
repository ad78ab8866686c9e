// Tells a barcode scanner from a person at the keyboard. A USB scanner types
// the claim ticket's ten digits a few milliseconds apart and presses Enter; a
// person types slower than that, and a phone number or a name does not have a
// ticket number's shape. Pure, so it is unit-tested with made-up timings.
import { parseTicketNumber } from '../../../shared/ticket-number';

/** Longest pause between a scanner's keys: people take well over 100 ms a key. */
export const SCAN_MAX_GAP_MS = 50;
/** What a claim ticket's barcode holds: the ticket number's ten digits. */
const SCANNED = /^\d{10}$/;

export interface Burst {
  text: string;
  lastAt: number;
}

/** The burst after one more printable key: a long pause starts a new one. */
export function addKey(burst: Burst | null, key: string, at: number): Burst {
  if (burst === null || at - burst.lastAt > SCAN_MAX_GAP_MS) return { text: key, lastAt: at };
  return { text: burst.text + key, lastAt: at };
}

/** At Enter: the ticket number the scanner read, or null when a person typed. */
export function scannedNumber(burst: Burst | null, enterAt: number): string | null {
  if (burst === null || enterAt - burst.lastAt > SCAN_MAX_GAP_MS) return null;
  if (!SCANNED.test(burst.text) || parseTicketNumber(burst.text) === null) return null;
  return burst.text;
}
