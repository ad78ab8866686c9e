import type { Database } from './storage/database';
import type { SecretBox } from './security/secret-box';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What every use case may use: storage, time, and the key for sealed secrets. */
export interface DeskContext {
  db: Database;
  clock: Clock;
  secrets: SecretBox;
}
