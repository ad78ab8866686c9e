// Everything main needs to serve the contract, with no Electron in sight:
// the Electron shell, the web harness and the tests all start the desk here.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock, type Clock, type DeskContext } from './context';
import { createDispatch, type Dispatch, type DispatchOptions } from './dispatch';
import { SecretBox } from './security/secret-box';
import { Database } from './storage/database';

export const DATABASE_FILE = 'repair-desk.sqlite';
export const SECRET_KEY_FILE = 'secret.key';

export interface Desk {
  context: DeskContext;
  dispatch: Dispatch;
  close(): Promise<void>;
}

export interface OpenDeskOptions extends DispatchOptions {
  /** The folder holding the shop's database and key (the app's user-data folder). */
  dataDir: string;
  clock?: Clock;
}

export async function openDesk({ dataDir, clock = systemClock, ...dispatchOptions }: OpenDeskOptions): Promise<Desk> {
  mkdirSync(dataDir, { recursive: true });
  const db = await Database.open(join(dataDir, DATABASE_FILE));
  const context: DeskContext = { db, clock, secrets: SecretBox.fromKeyFile(join(dataDir, SECRET_KEY_FILE)) };
  return { context, dispatch: createDispatch(context, dispatchOptions), close: () => db.close() };
}
