// Money travels and is stored as integer minor units (fen, cents).
// These helpers turn what a clerk types into minor units and back.

export type MoneyParseResult = { ok: true; minor: number } | { ok: false; reason: 'invalid' | 'negative' | 'too_precise' };

/** Parses "120", "120.5", "1,200.50", "¥120" into minor units (2 decimals). Empty means 0. */
export function parseMoney(text: string): MoneyParseResult {
  const cleaned = text
    .normalize('NFKC')
    .trim()
    .replace(/[,\s¥$￥]/g, '');
  if (cleaned === '') return { ok: true, minor: 0 };
  if (/^-/.test(cleaned)) return { ok: false, reason: 'negative' };
  const match = /^(\d{1,12})(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, reason: 'invalid' };
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return { ok: false, reason: 'too_precise' };
  return { ok: true, minor: Number(match[1]) * 100 + Number(fraction.padEnd(2, '0')) };
}

export type MoneyReading = { ok: true; minor: number } | { ok: false; code: 'required' | 'money_invalid' | 'money_negative' | 'money_too_precise' };

/**
 * Reads a money field as minor units, or the field error code to show under it
 * (the same codes main gives). `required`: an empty field is an error, not 0.
 */
export function readMoney(text: string, required = false): MoneyReading {
  if (required && text.trim() === '') return { ok: false, code: 'required' };
  const parsed = parseMoney(text);
  return parsed.ok ? parsed : { ok: false, code: `money_${parsed.reason}` };
}

/** Plain decimal text for an input field: 12050 -> "120.50". */
export function minorToInputText(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Currency formats made once: building one costs more than formatting an amount, and a receipt formats dozens. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2 });
    moneyFormats.set(key, format);
  }
  return format.format(minor / 100);
}
