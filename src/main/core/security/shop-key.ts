// How a second counter gets the shop's passcode key. Passcodes are sealed under
// one key per shop; on a shared PostgreSQL server the key is kept in the server
// itself (desk_meta), sealed under a key derived (scrypt) from the server
// connection's password. A counter that can log in to the shop's database can
// therefore open the shop's passcodes, as it can already read and change every
// ticket; a dump or backup of the server alone (which holds no password) cannot.
// We chose this over a pairing code typed from the first counter: nothing more
// to carry between counters, and a counter reinstalled later reconnects with
// the same details. When the database password changes, the counter that saves
// the new password seals the key again under it.
import { randomBytes, scryptSync } from 'node:crypto';
import { SecretBox } from './secret-box';

/** The desk_meta key holding the sealed shop key. */
export const SHOP_KEY_META = 'shop_key';

const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

interface SealedShopKey {
  v: 1;
  salt: string;
  sealed: string;
}

function wrappingBox(password: string, salt: Buffer): SecretBox {
  return new SecretBox(scryptSync(password.normalize('NFC'), salt, 32, SCRYPT));
}

/** The shop's key sealed under the connection password, as stored in the server. */
export function sealShopKey(shopKey: SecretBox, password: string): string {
  const salt = randomBytes(16);
  const value: SealedShopKey = { v: 1, salt: salt.toString('base64'), sealed: shopKey.sealKeyUnder(wrappingBox(password, salt)) };
  return JSON.stringify(value);
}

/** The shop's key from its stored form; a wrong password throws DeskError wrong_key. */
export function openShopKey(stored: string, password: string): SecretBox {
  const value = JSON.parse(stored) as Partial<SealedShopKey>;
  if (value.v !== 1 || typeof value.salt !== 'string' || typeof value.sealed !== 'string') throw new Error('unknown shop key format');
  return SecretBox.fromSealedKey(value.sealed, wrappingBox(password, Buffer.from(value.salt, 'base64')));
}
