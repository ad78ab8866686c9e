// The server this counter chose in Settings, read at start: its details from
// the choice file beside the database, the password opened with the counter's key.
import { SecretBox } from '../../security/secret-box';
import type { PostgresConnection } from '../../storage/engine';
import { readEngineChoice } from '../../storage/engine-choice';

/** The saved server when this counter opens the shop there; null for its SQLite file. */
export function savedServer(dataDir: string, keyFile: string): PostgresConnection | null {
  const choice = readEngineChoice(dataDir);
  if (choice.engine !== 'postgres' || !choice.postgres) return null;
  const { passwordSealed, ...details } = choice.postgres;
  const password = passwordSealed === '' ? '' : SecretBox.fromKeyFile(keyFile).open(passwordSealed);
  return { ...details, password };
}
