import { describe, expect, it } from 'vitest';
import { addKey, SCAN_MAX_GAP_MS, scannedNumber, type Burst } from '../../src/renderer/src/forms/scan-burst';

function typed(text: string, gapMs: number, startAt = 1000): Burst | null {
  let burst: Burst | null = null;
  let at = startAt;
  for (const key of text) {
    burst = addKey(burst, key, at);
    at += gapMs;
  }
  return burst;
}

describe('telling a scanner from a person', () => {
  const cases: [string, string, number, number, string | null][] = [
    ['a scanner reading a claim ticket', '2612020009', 4, 4, '2612020009'],
    ['a person typing the same digits', '2612020009', 140, 140, null],
    ['a scanner whose Enter comes late', '2612020009', 4, SCAN_MAX_GAP_MS + 30, null],
    ['a fast phone number (eleven digits)', '13800138000', 4, 4, null],
    ['a fast name', 'Zhang San', 4, 4, null],
    ['digits that are no ticket (sequence 0000)', '2612020000', 4, 4, null],
    ['nine digits', '261202000', 4, 4, null],
  ];
  it.each(cases)('%s', (_what, text, gapMs, enterAfterMs, expected) => {
    const burst = typed(text, gapMs);
    expect(scannedNumber(burst, burst!.lastAt + enterAfterMs)).toBe(expected);
  });

  it('starts afresh after a pause, so a scan into a half-typed name is still a scan', () => {
    let burst = typed('Gao', 150);
    const scanAt = burst!.lastAt + 400;
    for (const [i, key] of [...'2612020009'].entries()) burst = addKey(burst, key, scanAt + i * 4);
    expect(burst!.text).toBe('2612020009');
    expect(scannedNumber(burst, burst!.lastAt + 4)).toBe('2612020009');
  });
});
