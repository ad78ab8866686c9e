// Staff PINs: hashed with scrypt and a random salt (node:crypto), compared in
// constant time. A short PIN is weak on its own; what protects it is that the
// hash never leaves main and wrong attempts lock sign-in (see features/staff/auth.ts).
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { PIN_LIMITS } from '../../../shared/workflow';

const SCHEME = 'scrypt';
const KEY_LENGTH = 32;
const SALT_BYTES = 16;
/** Cost parameters: about 50 ms on a counter PC, 16 MiB of memory. */
const PARAMS = { N: 16_384, r: 8, p: 1 } as const;

function scrypt(pin: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(pin.normalize('NFKC'), salt, length, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export function isWellFormedPin(pin: string): boolean {
  return new RegExp(`^\\d{${PIN_LIMITS.minDigits},${PIN_LIMITS.maxDigits}}$`).test(pin);
}

/** "scrypt$N$r$p$salt$hash" (base64 parts), so the cost can be raised later. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(pin, salt, KEY_LENGTH, PARAMS);
  return [SCHEME, PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText] = stored.split('$');
  if (scheme !== SCHEME || !saltText || !keyText) return false;
  const expected = Buffer.from(keyText, 'base64');
  const actual = await scrypt(pin, Buffer.from(saltText, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * How long sign-in stays locked after `failures` wrong PINs in a row: nothing
 * for the first few, then 30 s doubling up to 15 minutes.
 */
export function lockSecondsAfter(failures: number): number {
  if (failures < PIN_LIMITS.freeAttempts) return 0;
  const doublings = failures - PIN_LIMITS.freeAttempts;
  return Math.min(PIN_LIMITS.lockBaseSeconds * 2 ** Math.min(doublings, 20), PIN_LIMITS.lockMaxSeconds);
}
