// Reading an amount the clerk typed, with the field error to show when it cannot be read.
import { parseMoney } from '../../../shared/money';

export type AmountReading = { ok: true; minor: number } | { ok: false; code: 'money_invalid' | 'money_negative' | 'money_too_precise' };

export function readAmount(text: string): AmountReading {
  const parsed = parseMoney(text);
  if (parsed.ok) return parsed;
  return { ok: false, code: parsed.reason === 'negative' ? 'money_negative' : parsed.reason === 'too_precise' ? 'money_too_precise' : 'money_invalid' };
}
