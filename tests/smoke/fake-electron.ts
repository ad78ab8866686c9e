// A stand-in for the `electron` module, enough to start the built main bundle
// and the preload bundle under plain Node and watch what they do with Electron.
import { EventEmitter } from 'node:events';
import Module from 'node:module';
import { pathToFileURL } from 'node:url';

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
  url?: string;
}

export function fakeEvent(fields: Record<string, unknown> = {}): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
    ...fields,
  };
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

type WindowOpenHandler = (details: { url: string }) => { action: string };

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame: FakeFrame = { url: '', parent: null };
  windowOpenHandler: WindowOpenHandler | null = null;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** A frame inside this page (e.g. an iframe). */
  childFrame(url: string): FakeFrame {
    return { url, parent: this.mainFrame };
  }
}

export type WebRequestListener = (details: Record<string, unknown>, callback: (response: Record<string, unknown>) => void) => void;
type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;

export interface FakeElectronOptions {
  userData: string;
  /** What requestSingleInstanceLock returns: false when another instance runs. */
  singleInstance?: boolean;
}

export function createFakeElectron(options: FakeElectronOptions) {
  const state = {
    singleInstanceRequests: 0,
    whenReadyCalls: 0,
    sandboxEnabled: false,
    quitCalls: 0,
    willQuitPrevented: 0,
    exited: false,
    errorBoxes: [] as { title: string; content: string }[],
    /** The options of each folder dialog opened, and what the next one answers. */
    openDialogs: [] as unknown[],
    nextOpenDialog: { canceled: true, filePaths: [] } as { canceled: boolean; filePaths: string[] },
    applicationMenus: [] as unknown[],
    windows: [] as FakeBrowserWindow[],
    ipcHandlers: new Map<string, IpcHandler>(),
    onBeforeRequest: null as WebRequestListener | null,
    onHeadersReceived: null as WebRequestListener | null,
    permissionRequestHandler: null as PermissionRequestHandler | null,
    permissionCheckHandler: null as ((...args: unknown[]) => boolean) | null,
    exposed: new Map<string, unknown>(),
    rendererInvokes: [] as { channel: string; input: unknown }[],
  };

  class FakeApp extends EventEmitter {
    readonly isPackaged = false;
    requestSingleInstanceLock(): boolean {
      state.singleInstanceRequests += 1;
      return options.singleInstance ?? true;
    }
    whenReady(): Promise<void> {
      state.whenReadyCalls += 1;
      return Promise.resolve();
    }
    enableSandbox(): void {
      state.sandboxEnabled = true;
    }
    setAppUserModelId(): void {}
    getPath(name: string): string {
      if (name === 'userData') return options.userData;
      throw new Error(`fake electron: app.getPath('${name}') is not provided`);
    }
    getLocale(): string {
      return 'en-US';
    }
    getName(): string {
      return 'Repair Desk';
    }
    getVersion(): string {
      return '0.1.0';
    }
    /** As Electron: before-quit, then will-quit, which a listener may cancel. */
    quit(): void {
      state.quitCalls += 1;
      if (state.exited) return;
      const beforeQuit = fakeEvent();
      this.emit('before-quit', beforeQuit);
      if (beforeQuit.defaultPrevented) return;
      const willQuit = fakeEvent();
      this.emit('will-quit', willQuit);
      if (willQuit.defaultPrevented) {
        state.willQuitPrevented += 1;
        return;
      }
      state.exited = true;
    }
  }
  const app = new FakeApp();

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    loadedFile: string | null = null;
    loadedUrl: string | null = null;
    shown = false;
    minimized = false;
    focusCount = 0;
    restoreCount = 0;

    constructor(readonly options: Record<string, unknown>) {
      super();
      state.windows.push(this);
      app.emit('web-contents-created', fakeEvent(), this.webContents);
    }
    loadFile(file: string): Promise<void> {
      this.loadedFile = file;
      this.webContents.mainFrame.url = pathToFileURL(file).href;
      return Promise.resolve();
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
    show(): void {
      this.shown = true;
    }
    isVisible(): boolean {
      return this.shown;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    restore(): void {
      this.restoreCount += 1;
      this.minimized = false;
    }
    focus(): void {
      this.focusCount += 1;
    }
    isDestroyed(): boolean {
      return false;
    }
  }

  /** webRequest methods take (listener) or (filter, listener). */
  const lastListener = (args: unknown[]) => args[args.length - 1] as WebRequestListener;

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle(channel: string, handler: IpcHandler) {
        if (state.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        state.ipcHandlers.set(channel, handler);
      },
      on(channel: string) {
        throw new Error(`fake electron: ipcMain.on('${channel}') is not expected; the contract uses handle`);
      },
    },
    session: {
      defaultSession: {
        webRequest: {
          onBeforeRequest: (...args: unknown[]) => void (state.onBeforeRequest = lastListener(args)),
          onHeadersReceived: (...args: unknown[]) => void (state.onHeadersReceived = lastListener(args)),
        },
        setPermissionRequestHandler: (handler: PermissionRequestHandler) => void (state.permissionRequestHandler = handler),
        setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => void (state.permissionCheckHandler = handler),
      },
    },
    dialog: {
      showErrorBox: (title: string, content: string) => void state.errorBoxes.push({ title, content }),
      showOpenDialog: (...args: unknown[]) => {
        state.openDialogs.push(args[args.length - 1]);
        return Promise.resolve(state.nextOpenDialog);
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: (menu: unknown) => void state.applicationMenus.push(menu),
    },
    contextBridge: {
      exposeInMainWorld(key: string, api: unknown) {
        if (state.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window: ${key}`);
        state.exposed.set(key, api);
      },
    },
    ipcRenderer: {
      invoke(channel: string, input: unknown): Promise<unknown> {
        state.rendererInvokes.push({ channel, input });
        return Promise.resolve({ ok: true, data: { echoed: channel } });
      },
    },
  };

  return { electron, state, app, BrowserWindow: FakeBrowserWindow };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
export type FakeBrowserWindow = InstanceType<FakeElectron['BrowserWindow']>;

type LoadFunction = (request: string, parent: { filename?: string } | null | undefined, isMain: boolean) => unknown;

/**
 * Makes `require('electron')` anywhere in this process return the stand-in,
 * and reports every module request (with the requiring file) to `onRequest`.
 * Returns the function that puts Node's loader back.
 */
export function installFakeElectron(electron: object, onRequest?: (request: string, from: string | undefined) => void): () => void {
  const loader = Module as unknown as { _load: LoadFunction };
  const original = loader._load;
  loader._load = function (this: unknown, request, parent, isMain) {
    onRequest?.(request, parent?.filename);
    if (request === 'electron') return electron;
    return original.call(this, request, parent, isMain);
  } as LoadFunction;
  return () => {
    loader._load = original;
  };
}
