// The one window of the desk.
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { appEntryUrl, type AppLocation, type ShellFiles } from './location';

export const WINDOW_SIZE = { width: 1280, height: 800, minWidth: 1024, minHeight: 700 } as const;

export function mainWindowOptions(files: ShellFiles, title: string, platform: NodeJS.Platform): BrowserWindowConstructorOptions {
  return {
    ...WINDOW_SIZE,
    title,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    // macOS takes the icon from the app bundle.
    ...(platform === 'darwin' ? {} : { icon: files.icon }),
    webPreferences: {
      preload: files.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}

export function createMainWindow(files: ShellFiles, location: AppLocation, title: string, log: (message: string, error?: unknown) => void): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(files, title, process.platform));
  window.once('ready-to-show', () => window.show());
  const loading = location.kind === 'dev' ? window.loadURL(appEntryUrl(location)) : window.loadFile(location.indexFile);
  loading.catch((error: unknown) => log(`could not load ${appEntryUrl(location)}`, error));
  window.webContents.on('render-process-gone', (_event, details) => log(`renderer gone: ${details.reason}`));
  return window;
}

/** Brings the window to the front, e.g. when the desk is started a second time. */
export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
