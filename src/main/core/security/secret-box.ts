// Seals device passcodes with AES-256-GCM under a key kept beside the database,
// so a copied database file alone does not reveal them. Each sealed value names
// its key by a short id, so a passcode sealed under another key file is
// reported as exactly that ("wrong key"), not as a failure.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { DeskError } from '../../../shared/errors';
import { writeFileAtomic } from '../storage/atomic-file';

/** v1 (no key id) is still opened; v2 names the key. */
const VERSION = 'v2';

/** Why the key file could not be used: the desk does not start on a guess. */
export class KeyFileError extends Error {
  constructor(
    readonly reason: 'key_missing' | 'key_damaged',
    detail: string,
  ) {
    super(detail);
    this.name = 'KeyFileError';
  }
}

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest().subarray(0, 6).toString('base64url');
}

/** The key id a sealed value names, or null for a value sealed before ids were kept. */
export function sealedKeyId(sealed: string): string | null {
  const [version, keyId] = sealed.split(':');
  return version === 'v2' && keyId ? keyId : null;
}

/** AES-256: the key file holds this many bytes, base64-encoded. */
const KEY_BYTES = 32;

/** A key the box can use: present and whole (the start and the loader ask the same question). */
function isWholeKey(key: Buffer | null): key is Buffer {
  return key !== null && key.length === KEY_BYTES;
}

function readKey(path: string): Buffer | null {
  if (!existsSync(path)) return null;
  const text = readFileSync(path, 'utf8').trim();
  return text === '' ? null : Buffer.from(text, 'base64');
}

export class SecretBox {
  readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (!isWholeKey(key)) throw new Error(`secret key must be ${KEY_BYTES} bytes`);
    this.keyId = keyIdOf(key);
  }

  /** Whether the key file holds a whole key: only when it does not does the start need to know what is sealed. */
  static hasUsableKey(path: string): boolean {
    return isWholeKey(readKey(path));
  }

  /**
   * Loads the key file. A new key is made (atomically: a crash leaves no empty
   * file) only while no passcode has ever been sealed; otherwise a missing,
   * empty or damaged key is an error the desk shows, never silently replaced.
   */
  static fromKeyFile(path: string, options: { sealedCount?: number } = {}): SecretBox {
    const sealedCount = options.sealedCount ?? 0;
    const key = readKey(path);
    if (isWholeKey(key)) return new SecretBox(key);
    if (sealedCount > 0) {
      throw new KeyFileError(
        key === null ? 'key_missing' : 'key_damaged',
        `${path}: ${key === null ? 'missing or empty' : `not a ${KEY_BYTES}-byte key`} while ${sealedCount} passcodes are sealed`,
      );
    }
    // Nothing was ever sealed with the old one: a damaged file is kept aside, and a new key made.
    if (key !== null) renameSync(path, `${path}.damaged-${Date.now()}`);
    const fresh = randomBytes(KEY_BYTES);
    writeFileAtomic(path, fresh.toString('base64'), 0o600);
    return new SecretBox(fresh);
  }

  /** This key sealed under another box's key: how the shop's key travels to another counter. */
  sealKeyUnder(wrapping: SecretBox): string {
    return wrapping.seal(this.key.toString('base64'));
  }

  /** The key sealKeyUnder sealed, opened with the same wrapping box. */
  static fromSealedKey(sealed: string, wrapping: SecretBox): SecretBox {
    return new SecretBox(Buffer.from(wrapping.open(sealed), 'base64'));
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, this.keyId, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }

  open(sealed: string): string {
    const parts = sealed.split(':');
    const [version] = parts;
    let iv: string | undefined, tag: string | undefined, body: string | undefined;
    if (version === 'v2') {
      const keyId = parts[1];
      [, , iv, tag, body] = parts;
      if (keyId !== this.keyId) throw new DeskError('wrong_key', [], `sealed under key ${keyId}, this desk has ${this.keyId}`);
    } else if (version === 'v1') {
      [, iv, tag, body] = parts;
    }
    if (!iv || !tag || body === undefined) throw new Error('unknown sealed format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      // A v1 value names no key: failing authentication means it was sealed under another one.
      throw new DeskError('wrong_key', [], 'sealed value does not open with this key');
    }
  }
}
