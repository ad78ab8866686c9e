// Ticket numbers: the shop's local date (YYMMDD) followed by a four-digit daily
// sequence, e.g. 2611230007. Digits only, so a USB scanner types them correctly
// under any keyboard layout or Chinese input method; fixed width, so they sort
// by date. The prefix (e.g. "RD-") is for display only.

export const DAILY_SEQUENCE_MAX = 9999;

export interface TicketNumberParts {
  day: string; // YYMMDD
  sequence: number;
}

export function composeTicketNumber(day: string, sequence: number): number {
  if (!/^\d{6}$/.test(day)) throw new Error(`bad ticket day ${day}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > DAILY_SEQUENCE_MAX) {
    throw new Error(`bad ticket sequence ${sequence}`);
  }
  return Number(day) * 10_000 + sequence;
}

export function splitTicketNumber(ticketNumber: number): TicketNumberParts {
  const text = String(ticketNumber).padStart(10, '0');
  return { day: text.slice(0, 6), sequence: Number(text.slice(6)) };
}

/** What a barcode encodes and a scanner types. */
export function barcodeText(ticketNumber: number): string {
  return String(ticketNumber).padStart(10, '0');
}

/** What people read: "RD-261123-0007". */
export function displayTicketNumber(ticketNumber: number, prefix: string): string {
  const { day, sequence } = splitTicketNumber(ticketNumber);
  const body = `${day}-${String(sequence).padStart(4, '0')}`;
  return prefix ? `${prefix}-${body}` : body;
}

const SCANNED = /^\d{10}$/;

/**
 * Reads a number as a clerk types or a scanner sends it: with or without any
 * letter prefix, with dashes or spaces, full-width digits included.
 * Returns null when it is not a ticket number.
 */
export function parseTicketNumber(input: string): number | null {
  // What a scanner sends, checked first: ten plain digits.
  if (SCANNED.test(input)) return Number(input.slice(6)) < 1 ? null : Number(input);
  const halfWidth = input.normalize('NFKC').trim();
  const withoutPrefix = halfWidth.replace(/^[A-Za-z]+[-\s]*/, '');
  if (!/^[\d\s-]+$/.test(withoutPrefix)) return null;
  const digits = withoutPrefix.replace(/[\s-]/g, '');
  if (!SCANNED.test(digits)) return null;
  const sequence = Number(digits.slice(6));
  if (sequence < 1) return null;
  return Number(digits);
}

/** The shop's local calendar day as YYMMDD. */
export function localDayCode(at: Date): string {
  const yy = String(at.getFullYear() % 100).padStart(2, '0');
  const mm = String(at.getMonth() + 1).padStart(2, '0');
  const dd = String(at.getDate()).padStart(2, '0');
  return `${yy}${mm}${dd}`;
}
