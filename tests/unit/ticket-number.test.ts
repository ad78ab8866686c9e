import { describe, expect, it } from 'vitest';
import { barcodeText, composeTicketNumber, displayTicketNumber, localDayCode, parseTicketNumber, splitTicketNumber } from '../../src/shared/ticket-number';

describe('ticket numbers', () => {
  const number = composeTicketNumber('261123', 7);

  it('is the local day followed by a four-digit sequence', () => {
    expect(number).toBe(2611230007);
    expect(splitTicketNumber(number)).toEqual({ day: '261123', sequence: 7 });
    expect(barcodeText(number)).toBe('2611230007');
  });

  it('displays with the shop prefix, or without one', () => {
    expect(displayTicketNumber(number, 'RD')).toBe('RD-261123-0007');
    expect(displayTicketNumber(number, '')).toBe('261123-0007');
  });

  it.each([
    ['2611230007', 2611230007],
    ['RD-261123-0007', 2611230007],
    ['rd261123-0007', 2611230007],
    ['XY 2611230007', 2611230007],
    ['261123 0007', 2611230007],
    ['  2611230007\n', 2611230007],
    ['２６１１２３０００７', 2611230007], // full-width digits from a Chinese input method
  ])('parses %j', (typed, expected) => {
    expect(parseTicketNumber(typed)).toBe(expected);
  });

  it.each(['', 'RD', '261123', '26112300071', '2611230000', 'RD-261123-00O7', "1' OR '1'='1", '1234567890abc'])('refuses %j', (typed) => {
    expect(parseTicketNumber(typed)).toBeNull();
  });

  it('refuses sequences outside 1..9999', () => {
    expect(() => composeTicketNumber('261123', 0)).toThrow();
    expect(() => composeTicketNumber('261123', 10_000)).toThrow();
    expect(() => composeTicketNumber('2611', 1)).toThrow();
  });

  it('uses the local calendar day', () => {
    expect(localDayCode(new Date(2026, 0, 5, 23, 59))).toBe('260105');
  });

  it('sorts by date then sequence', () => {
    const numbers = [composeTicketNumber('261124', 1), composeTicketNumber('261123', 12), composeTicketNumber('261123', 3)];
    expect([...numbers].sort((a, b) => a - b).map((n) => displayTicketNumber(n, ''))).toEqual(['261123-0003', '261123-0012', '261124-0001']);
  });
});
