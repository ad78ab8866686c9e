// Which database this counter opens at start: its own SQLite file (the default,
// when no choice was ever written) or the shop's shared PostgreSQL server. A
// small file beside the database, written atomically; the connection password
// is kept sealed with the counter's secret key, never in clear.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file';

export const ENGINE_CHOICE_FILE = 'database.json';

/** Where the shared server is, the password still sealed. */
export interface SavedConnection {
  host: string;
  port: number;
  database: string;
  user: string;
  tls: boolean;
  passwordSealed: string;
}

export interface EngineChoice {
  engine: 'sqlite' | 'postgres';
  /** The server's details: the one in use, or the last one tried while still on SQLite. */
  postgres: SavedConnection | null;
}

function isSavedConnection(value: unknown): value is SavedConnection {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.host === 'string' &&
    typeof v.port === 'number' &&
    typeof v.database === 'string' &&
    typeof v.user === 'string' &&
    typeof v.tls === 'boolean' &&
    typeof v.passwordSealed === 'string'
  );
}

/**
 * The counter's choice. No file: SQLite. A file that cannot be read is an error,
 * never a silent fall back to the local file (its data may be months behind the server's).
 */
export function readEngineChoice(dataDir: string): EngineChoice {
  const file = join(dataDir, ENGINE_CHOICE_FILE);
  if (!existsSync(file)) return { engine: 'sqlite', postgres: null };
  const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const postgres = isSavedConnection(value.postgres) ? value.postgres : null;
  if (value.engine === 'postgres' && postgres) return { engine: 'postgres', postgres };
  if (value.engine === 'sqlite') return { engine: 'sqlite', postgres };
  throw new Error(`${file}: not a database choice`);
}

export function writeEngineChoice(dataDir: string, choice: EngineChoice): void {
  writeFileAtomic(join(dataDir, ENGINE_CHOICE_FILE), JSON.stringify(choice, null, 2), 0o600);
}
