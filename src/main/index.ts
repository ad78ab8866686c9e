// The Electron shell: one instance, one window, the desk behind IPC. Business
// logic lives in ./core and never sees Electron.
import { join } from 'node:path';
import { app, dialog, ipcMain, session, shell, type BrowserWindow } from 'electron';
import { productName } from '../../package.json';
import { openDesk, type Desk } from './core/desk';
import { registerContractHandlers } from './shell/ipc';
import { dispatchWhenOpen, openedWithin, WINDOW_WAIT_MS } from './shell/desk-opening';
import { registerFolderPicker } from './shell/folder-picker';
import { resolveAppLocation, shellFiles } from './shell/location';
import { installMenu } from './shell/menu';
import { guardSession, guardWebContents } from './shell/security';
import { createMainWindow, focusWindow } from './shell/window';

const APP_ID = 'com.repairdesk.app';

function log(message: string, error?: unknown): void {
  if (error === undefined) console.warn(`[shell] ${message}`);
  else console.error(`[shell] ${message}`, error);
}

/** `--restore <backup>`: put a backup back before the desk opens (the current files are kept aside). */
function restoreArgument(argv: string[]): string | undefined {
  const at = argv.indexOf('--restore');
  if (at >= 0 && argv[at + 1]) return argv[at + 1];
  return argv.find((arg) => arg.startsWith('--restore='))?.slice('--restore='.length) || undefined;
}

const files = shellFiles(__dirname, app.isPackaged, process.resourcesPath);
const location = resolveAppLocation({
  rendererIndex: files.rendererIndex,
  devUrl: process.env.ELECTRON_RENDERER_URL,
  packaged: app.isPackaged,
});

let mainWindow: BrowserWindow | null = null;
let opening: Promise<Desk> | null = null;
let closing: Promise<void> | null = null;
let deskClosed = false;

function start(): void {
  app.enableSandbox();
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, location, log));
  app.on('window-all-closed', () => app.quit());

  // Let the database finish its last transaction and close before the process ends.
  app.on('will-quit', (event) => {
    if (!opening || deskClosed) return;
    event.preventDefault();
    if (closing) return;
    closing = opening
      .then(
        (desk) => desk.close(),
        () => undefined, // it never opened: nothing to close
      )
      .catch((error: unknown) => log('closing the desk failed', error))
      .finally(() => {
        deskClosed = true;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(async () => {
      guardSession(session.defaultSession, location, log);
      opening = openDesk({
        dataDir: app.getPath('userData'),
        fontsDir: join(files.resourcesDir, 'fonts'),
        restoreFrom: restoreArgument(process.argv),
        // A preview opens in the system's PDF viewer; openPath answers with an error text, never throws.
        openPath: async (path) => {
          const problem = await shell.openPath(path);
          if (problem) log(`opening ${path} failed: ${problem}`);
        },
        logError: (channel, error) => log(`[${channel}] failed`, error),
      });
      const opened = opening;
      // A desk that cannot open says so alone (the catch below), with no window. One that takes longer than a
      // moment (a file left unclean by a power cut is checked first: seconds on years of tickets) shows its
      // window meanwhile, loading, and what the window asks for waits for the desk.
      const desk = await openedWithin(opened, WINDOW_WAIT_MS);
      registerContractHandlers(ipcMain, {
        dispatch: dispatchWhenOpen(desk, opened),
        trusted: () => ({ webContentsId: mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.id : null, location }),
        onRefused: (channel, reason) => log(`refused ${channel}: ${reason}`),
      });
      registerFolderPicker(ipcMain, dialog, {
        trusted: () => ({ webContentsId: mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.id : null, location }),
        window: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null),
        onRefused: (channel, reason) => log(`refused ${channel}: ${reason}`),
      });
      installMenu(app.isPackaged, process.platform);
      mainWindow = createMainWindow(files, location, productName, log);
      mainWindow.on('closed', () => (mainWindow = null));
      // A desk that cannot open after all is reported below, and the app quits.
      if (!desk) await opened;
    })
    .catch((error: unknown) => {
      log('could not start', error);
      const detail = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox(productName, `${productName} could not start.\n${productName} 无法启动。\n\n${detail}`);
      // will-quit still waits for a desk that did open before the failure.
      app.quit();
    });
}

if (app.requestSingleInstanceLock()) {
  start();
} else {
  // Another desk is already running; it brings its window forward.
  app.quit();
}
