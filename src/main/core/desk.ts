// Everything main needs to serve the contract, with no Electron in sight:
// the Electron shell, the web harness and the tests all start the desk here.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock, type Clock, type DeskContext } from './context';
import { createDispatch, type Dispatch, type DispatchOptions } from './dispatch';
import { buildDocument, createDocumentRenderer, DOCUMENT_KINDS, type DocumentRenderer } from './documents';
import { SAMPLE_SHOP, sampleTicketDetail } from './documents/sample';
import { sampleCollectionView } from './documents/sample-receipt';
import { createPrintService, pickBackend, printArchiveDir, type PrinterBackend } from './features/printing/spooler';
import type { SecretBox } from './security/secret-box';
import { DataSafety } from './features/data-safety/data-safety';
import { openShopFile, openShopServer } from './features/data-safety/open-shop';
import { restoreBackup } from './features/data-safety/restore';
import { DeskError } from '../../shared/errors';
import type { Database } from './storage/database';
import type { PostgresConnection } from './storage/engine';
import { savedServer } from './features/data-safety/saved-server';

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
  /** The folder holding the document fonts; resources/fonts of the working directory when absent (harness, tests, scripts). */
  fontsDir?: string;
  clock?: Clock;
  /** Where print jobs go; the system's spooler when absent. */
  printBackend?: PrinterBackend;
  openPath?: (path: string) => Promise<void>;
  /**
   * Render each document once for a sample ticket right after opening, so the
   * first check-in of the day prints as fast as the next (default true; unit
   * tests that open many desks turn it off).
   */
  primeDocuments?: boolean;
  /** Back up at start and at close (default true); the schedule while open runs regardless. */
  automaticBackups?: boolean;
  /** A backup (its folder or database file) to restore before opening: the --restore flag. */
  restoreFrom?: string;
  /** The shop's PostgreSQL server, shared by its counters; the SQLite file in dataDir when absent. */
  postgres?: PostgresConnection;
}

async function primeRenderer(documents: DocumentRenderer, now: Date): Promise<void> {
  await documents.warmUp();
  const ticket = sampleTicketDetail(now);
  for (const kind of DOCUMENT_KINDS) {
    const collection = kind === 'receipt' ? sampleCollectionView(ticket, now) : undefined;
    await documents.render(buildDocument(kind, { ticket, shop: SAMPLE_SHOP, language: 'zh-CN', printedAt: now, collection }));
  }
}

export async function openDesk(options: OpenDeskOptions): Promise<Desk> {
  const {
    dataDir,
    fontsDir = join(process.cwd(), 'resources', 'fonts'),
    clock = systemClock,
    printBackend = pickBackend(),
    openPath,
    primeDocuments = true,
    automaticBackups = true,
    restoreFrom,
    postgres,
    ...dispatchOptions
  } = options;
  const logError = dispatchOptions.logError ?? ((what: string, error: unknown) => console.error(`[${what}]`, error));
  mkdirSync(dataDir, { recursive: true });
  const files = { dataDir, databaseFile: join(dataDir, DATABASE_FILE), keyFile: join(dataDir, SECRET_KEY_FILE) };
  // Restoring from the command line happens before anything opens the file.
  if (restoreFrom) {
    try {
      restoreBackup({ ...files, backup: restoreFrom, now: clock.now() });
    } catch (error) {
      const fields = error instanceof DeskError ? error.fields.map((f) => f.code).join(', ') : String(error);
      throw new Error(`cannot restore ${restoreFrom}: ${fields}`);
    }
  }
  const documents = createDocumentRenderer({ fontsDir });
  const context = {
    clock,
    dataDir,
    documents,
    printing: createPrintService({ backend: printBackend, archiveDir: printArchiveDir(dataDir), clock }),
    openPath: openPath ?? (async () => undefined),
  } as DeskContext;
  context.safety = new DataSafety({ files, clock, logError, database: () => (context.safety.problem ? null : context.db) });
  // Without a server given here, the counter's own choice (Settings > Shared database) decides.
  const server = postgres ?? savedServer(files.dataDir, files.keyFile);
  if (server) {
    await openShopServer(context, server);
    context.safety.start({ backupNow: automaticBackups });
  } else if (await openShopFile(context)) context.safety.start({ backupNow: automaticBackups });
  // Load the fonts (and lay out each document once) in the background now, so the first check-in does not wait for them.
  const warmingUp = primeDocuments ? primeRenderer(documents, clock.now()) : documents.warmUp();
  warmingUp.catch((error: unknown) => logError('documents.warmUp', error));
  return {
    context,
    dispatch: createDispatch(context, dispatchOptions),
    async close() {
      await context.safety.settle();
      // A file backup, or pg_dump's on a shop kept on a server.
      const closeBackup = automaticBackups && !context.safety.problem ? await context.safety.backup('close') : null;
      await context.db.close();
      context.safety.noteClosed(closeBackup);
    },
  };
}

export type { Database, PostgresConnection, SecretBox };
