// Every money field in the renderer reads what the clerk typed through readMoney:
// minor units, or the same field error codes main gives.
import { describe, expect, it } from 'vitest';
import { readMoney } from '../../src/shared/money';

describe('readMoney', () => {
  it('reads typed amounts as minor units', () => {
    expect(readMoney('120')).toEqual({ ok: true, minor: 12000 });
    expect(readMoney('¥1,200.5')).toEqual({ ok: true, minor: 120050 });
    expect(readMoney('１２．３４')).toEqual({ ok: true, minor: 1234 });
  });

  it('treats an empty field as 0 unless the field is required', () => {
    expect(readMoney('  ')).toEqual({ ok: true, minor: 0 });
    expect(readMoney('  ', true)).toEqual({ ok: false, code: 'required' });
  });

  it('names what is wrong with the field error codes', () => {
    expect(readMoney('-5')).toEqual({ ok: false, code: 'money_negative' });
    expect(readMoney('1.234')).toEqual({ ok: false, code: 'money_too_precise' });
    expect(readMoney('ten')).toEqual({ ok: false, code: 'money_invalid' });
  });
});
