// Marks the part of a result that matched what the clerk typed, so two
// customers with similar phones or names are told apart at a glance.
import type { ReactNode } from 'react';

/** [start, end) of the match in `text`, or null. Phones match on digits, whatever the spacing. */
export function findMatch(text: string, query: string, digitsOnly: boolean): [number, number] | null {
  const needle = query.normalize('NFKC').trim();
  if (digitsOnly) {
    const digits = needle.replace(/\D/g, '');
    if (digits.length === 0) return null;
    const positions: number[] = [];
    let plain = '';
    for (let i = 0; i < text.length; i++) {
      const char = text.charAt(i);
      if (/\d/.test(char)) {
        positions.push(i);
        plain += char;
      }
    }
    const at = plain.indexOf(digits);
    const start = positions[at];
    const end = positions[at + digits.length - 1];
    return at < 0 || start === undefined || end === undefined ? null : [start, end + 1];
  }
  if (needle.length === 0) return null;
  const at = text.toLocaleLowerCase().indexOf(needle.toLocaleLowerCase());
  return at < 0 ? null : [at, at + needle.length];
}

export function MatchMark({ text, query, digitsOnly = false }: { text: string; query: string | null; digitsOnly?: boolean }): ReactNode {
  const range = query ? findMatch(text, query, digitsOnly) : null;
  if (!range) return text;
  const [start, end] = range;
  return (
    <>
      {text.slice(0, start)}
      <mark style={{ backgroundColor: 'var(--mantine-color-yellow-2)', color: 'inherit', padding: 0, borderRadius: 2 }}>{text.slice(start, end)}</mark>
      {text.slice(end)}
    </>
  );
}
