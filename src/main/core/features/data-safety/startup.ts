// What the desk checks before it opens the shop's file, so it never starts a
// damaged, emptied or foreign file as if it were a new shop:
// - the file is there and not empty when this desk has recorded tickets before;
// - PRAGMA quick_check passes (unless the desk closed this very file cleanly
//   after seeing it whole, and nothing has touched it since: clean-close.ts);
// - it is the same shop and not older than the last ticket number seen here;
// - the passcode key is usable (a new one is made only while nothing is sealed).
// A file that needs migrating is backed up first.
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import type { StartupProblemKind } from '../../../../shared/data-safety-contract';
import { MIGRATIONS } from '../../storage/migrations';
import type { Database } from '../../storage/database';
import { KeyFileError, SecretBox } from '../../security/secret-box';
import { takeBackup, type BackupAttempt } from './backup';
import { identityFacts, openRaw, sealedPasscodes, type IdentityFacts } from './data-file';
import { quickCheckInBackground } from './integrity-worker';
import { applyTicketNumberFloor } from '../intake';
import { takeCleanClose } from './clean-close';
import { advanceIdentity, readIdentity, type DeskIdentity } from './identity';
import { insertShopId, selectShopId } from './queries/desk-meta';
import { selectTicketTotals } from './queries/tickets';

export interface DeskFiles {
  dataDir: string;
  databaseFile: string;
  keyFile: string;
}

export interface StartupProblem {
  kind: StartupProblemKind;
  /** The furthest this desk had got, when it knows. */
  lastTicketNumber: number | null;
  detail: string;
}

/** How the start made sure the file is whole: its own quick_check, or the clean close before it. */
export type StartCheck = 'quick_check' | 'closed_clean';

export interface PreparedFile {
  problem: StartupProblem | null;
  startCheck: StartCheck;
  secrets: SecretBox | null;
  /** The backup taken because migrations were about to run. */
  migrationBackup: BackupAttempt | null;
}

interface Examined {
  problem: StartupProblem | null;
  facts: IdentityFacts | null;
  sealed: number;
}

async function examine(files: DeskFiles, identity: DeskIdentity | null, startCheck: StartCheck): Promise<Examined> {
  const known = identity?.lastTicketNumber ?? null;
  const problem = (kind: StartupProblemKind, detail: string) => ({ problem: { kind, lastTicketNumber: known, detail }, facts: null, sealed: 0 });
  const present = existsSync(files.databaseFile) && statSync(files.databaseFile).size > 0;
  if (!present) {
    // Never seen a shop here, or one that never numbered a ticket: a new shop. Otherwise its data is missing.
    return identity && identity.lastTicketNumber !== null
      ? problem('missing', `${files.databaseFile} is missing or empty`)
      : { problem: null, facts: null, sealed: 0 };
  }
  if (startCheck === 'quick_check') {
    // Seconds on years of tickets (minutes at a million): on a worker, so the window shows meanwhile.
    const check = await quickCheckInBackground(files.databaseFile);
    if (check !== 'ok') return problem('damaged', `quick_check: ${check}`);
  }
  let db;
  try {
    db = openRaw(files.databaseFile);
  } catch (error) {
    return problem('damaged', error instanceof Error ? error.message : String(error));
  }
  try {
    // No table is counted here: the start of a shop with years of history would read most of its file.
    const facts = identityFacts(db);
    if (identity) {
      if (facts.shopId !== null && facts.shopId !== identity.shopId)
        return problem('replaced', `file of shop ${facts.shopId}, this desk is ${identity.shopId}`);
      if ((facts.lastTicketNumber ?? 0) < (identity.lastTicketNumber ?? 0)) {
        return problem(
          facts.lastTicketNumber === null ? 'missing' : 'replaced',
          `last ticket in the file ${facts.lastTicketNumber ?? 'none'}, this desk has seen ${identity.lastTicketNumber}`,
        );
      }
    }
    // Passcodes are counted (a read of the whole ticket table) only when the key is missing or damaged.
    return { problem: null, facts, sealed: SecretBox.hasUsableKey(files.keyFile) ? 0 : sealedPasscodes(db) };
  } catch (error) {
    return problem('damaged', error instanceof Error ? error.message : String(error)); // e.g. SQLITE_NOTADB on the first read
  } finally {
    db.close();
  }
}

export async function prepareDataFile(files: DeskFiles, backupFolder: string, now: Date): Promise<PreparedFile> {
  const identity = readIdentity(files.dataDir);
  const startCheck: StartCheck = takeCleanClose(files) ? 'closed_clean' : 'quick_check';
  const { problem, facts, sealed } = await examine(files, identity, startCheck);
  if (problem) return { problem, startCheck, secrets: null, migrationBackup: null };

  let secrets: SecretBox;
  try {
    secrets = SecretBox.fromKeyFile(files.keyFile, { sealedCount: sealed });
  } catch (error) {
    if (!(error instanceof KeyFileError)) throw error;
    return {
      problem: { kind: 'key_missing', lastTicketNumber: identity?.lastTicketNumber ?? null, detail: error.message },
      startCheck,
      secrets: null,
      migrationBackup: null,
    };
  }

  const pending = facts !== null && facts.migrations.length > 0 && MIGRATIONS.some((m) => !facts.migrations.includes(new m().name));
  const migrationBackup = pending
    ? await takeBackup({ databaseFile: files.databaseFile, keyFile: files.keyFile, folder: backupFolder, reason: 'migration', now })
    : null;
  if (migrationBackup && !migrationBackup.ok) {
    // Upgrading without a verified copy could lose the shop's data: refuse to start.
    throw new Error(`could not back up before upgrading the database: ${migrationBackup.detail}`);
  }
  return { problem: null, startCheck, secrets, migrationBackup };
}

/** Gives the file its shop identity (once) and remembers it, with the last ticket number, beside the file. */
export async function settleIdentity(db: Database, dataDir: string, now: Date): Promise<string> {
  const remembered = readIdentity(dataDir);
  const shopId = await db.write(async (tx) => {
    // A number handed out before an older backup was restored (or the desk started empty) is never given again.
    if (remembered?.ticketFloor) await applyTicketNumberFloor(tx, remembered.ticketFloor);
    const stored = await selectShopId(tx);
    if (stored !== undefined) return stored;
    const id = remembered?.shopId ?? randomUUID();
    await insertShopId(tx, id, now.toISOString());
    return id;
  });
  const { last, tickets: n } = await db.read((tx) => selectTicketTotals(tx));
  advanceIdentity(dataDir, { shopId, lastTicketNumber: last, tickets: n }, now);
  return shopId;
}
