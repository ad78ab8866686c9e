// Starts the built Electron bundles (out/) under Node with a stand-in for the
// `electron` module: the shell's wiring, hardening and one real intake through
// IPC, end to end down to the SQLite file. Needs `electron-vite build` first.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, PICK_FOLDER_CHANNEL, type CheckInResult, type CustomerSummary, type DeskBridge, type TicketDetail } from '../../src/shared/contract';
import type { ContractResult } from '../../src/shared/errors';
import { DATABASE_FILE } from '../../src/main/core/desk';
import { sampleIntake, TEST_PINS, TEST_SHOP } from '../support/desk';
import { firstItem, onlyItem } from '../support/lists';
import {
  createFakeElectron,
  fakeEvent,
  FakeWebContents,
  installFakeElectron,
  type FakeBrowserWindow,
  type FakeElectron,
  type FakeFrame,
} from './fake-electron';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN_BUNDLE = join(ROOT, 'out/main/index.js');
const PRELOAD_BUNDLE = join(ROOT, 'out/preload/index.cjs');
const RENDERER_INDEX = join(ROOT, 'out/renderer/index.html');
const nodeRequire = createRequire(import.meta.url);

function requireBuilt(file: string): unknown {
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: build first (\`npx electron-vite build\`; \`npm test\` does it for you).`);
  }
  delete nodeRequire.cache[file];
  return nodeRequire(file);
}

/** The policy in the renderer's meta tag, which the response header must repeat. */
function metaPolicy(): string {
  const html = readFileSync(join(ROOT, 'src/renderer/index.html'), 'utf8');
  const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
  if (policy === undefined) throw new Error('src/renderer/index.html has no Content-Security-Policy meta tag');
  return policy.replace(/\s+/g, ' ').trim();
}

type Handler = (event: unknown, input: unknown) => Promise<ContractResult<unknown>>;

describe('main bundle', () => {
  let fake: FakeElectron;
  let restoreLoader: () => void;
  let userData: string;
  let window: FakeBrowserWindow;
  const warnings: string[] = [];

  const handler = (channel: string): Handler => {
    const found = fake.state.ipcHandlers.get(channel);
    if (!found) throw new Error(`no handler for ${channel}`);
    return found as Handler;
  };
  const from = (sender: FakeWebContents, senderFrame: FakeFrame | null) => ({ sender, senderFrame });
  const fromApp = () => from(window.webContents, window.webContents.mainFrame);
  const appUrl = () => pathToFileURL(RENDERER_INDEX).href;

  beforeAll(async () => {
    userData = mkdtempSync(join(tmpdir(), 'repair-desk-smoke-'));
    fake = createFakeElectron({ userData });
    restoreLoader = installFakeElectron(fake.electron);
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(' ')));
    requireBuilt(MAIN_BUNDLE);
    await vi.waitFor(
      () => {
        if (fake.state.errorBoxes.length > 0) throw new Error(`startup failed: ${firstItem(fake.state.errorBoxes).content}`);
        expect(fake.state.windows).toHaveLength(1);
      },
      { timeout: 20_000, interval: 25 },
    );
    window = onlyItem(fake.state.windows);
  }, 30_000);

  afterAll(async () => {
    // Close the database even when a test above failed before quitting.
    if (fake && !fake.state.exited) {
      fake.app.quit();
      await vi.waitFor(() => expect(fake.state.exited).toBe(true), { timeout: 10_000, interval: 10 }).catch(() => undefined);
    }
    vi.restoreAllMocks();
    restoreLoader?.();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  it('takes the single-instance lock and turns the sandbox on for every renderer', () => {
    expect(fake.state.singleInstanceRequests).toBe(1);
    expect(fake.state.sandboxEnabled).toBe(true);
    expect(fake.state.errorBoxes).toEqual([]);
  });

  it('creates one locked-down window with the built preload and renderer', () => {
    const options = window.options as {
      title: string;
      show: boolean;
      width: number;
      height: number;
      minWidth: number;
      minHeight: number;
      icon?: string;
      webPreferences: Record<string, unknown>;
    };
    const prefs = options.webPreferences;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe(PRELOAD_BUNDLE);
    expect(existsSync(prefs.preload as string)).toBe(true);

    expect(options.title).toBe('Repair Desk');
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth);
    expect(options.minWidth).toBeGreaterThanOrEqual(1024);
    expect(options.minHeight).toBeGreaterThanOrEqual(700);
    if (process.platform !== 'darwin') expect(existsSync(options.icon ?? '')).toBe(true);

    expect(window.loadedUrl).toBeNull();
    expect(window.loadedFile).toBe(RENDERER_INDEX);
    expect(existsSync(RENDERER_INDEX)).toBe(true);
  });

  it('shows the window only once it is ready, and brings it back for a second start', () => {
    expect(options().show).toBe(false);
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);

    window.minimized = true;
    fake.app.emit('second-instance', fakeEvent(), ['repair-desk'], process.cwd());
    expect(window.restoreCount).toBe(1);
    expect(window.focusCount).toBe(1);

    function options() {
      return window.options as { show: boolean };
    }
  });

  it('registers exactly one handler per contract channel, and the folder dialog', () => {
    expect([...fake.state.ipcHandlers.keys()].sort()).toEqual([...CHANNELS, PICK_FOLDER_CHANNEL].sort());
  });

  it('opens the folder dialog for the app page only, and answers the chosen folder or null', async () => {
    const pick = fake.state.ipcHandlers.get(PICK_FOLDER_CHANNEL) as (event: unknown, title: unknown) => Promise<string | null>;
    fake.state.nextOpenDialog = { canceled: false, filePaths: ['/media/usb/backups'] };
    await expect(pick(fromApp(), 'Backup folder')).resolves.toBe('/media/usb/backups');
    expect(fake.state.openDialogs.at(-1)).toMatchObject({ title: 'Backup folder', properties: ['openDirectory', 'createDirectory'] });
    fake.state.nextOpenDialog = { canceled: true, filePaths: [] };
    await expect(pick(fromApp(), 'Backup folder')).resolves.toBeNull();
    const opened = fake.state.openDialogs.length;
    const stranger = new FakeWebContents();
    await expect(pick(from(stranger, stranger.mainFrame), 'x')).resolves.toBeNull();
    expect(fake.state.openDialogs).toHaveLength(opened);
  });

  it('puts the renderer’s Content-Security-Policy on app responses', () => {
    const onHeaders = fake.state.onHeadersReceived;
    expect(onHeaders).toBeTypeOf('function');
    const callback = vi.fn();
    const url = pathToFileURL(join(ROOT, 'out/renderer/assets/index.js')).href;
    onHeaders!({ url, responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['kept'] } }, callback);
    expect(callback).toHaveBeenCalledOnce();
    const headers = firstItem(callback.mock.calls)[0].responseHeaders as Record<string, string[]>;
    const policies = Object.entries(headers).filter(([name]) => name.toLowerCase() === 'content-security-policy');
    expect(policies).toHaveLength(1);
    expect(onlyItem(policies)[1]).toEqual([metaPolicy()]);
    expect(headers['X-Other']).toEqual(['kept']);
  });

  it('cancels every request that would leave the app', () => {
    const onBefore = fake.state.onBeforeRequest;
    expect(onBefore).toBeTypeOf('function');
    const decide = (url: string) => {
      const callback = vi.fn();
      onBefore!({ url }, callback);
      expect(callback).toHaveBeenCalledOnce();
      return firstItem(callback.mock.calls)[0] as { cancel: boolean };
    };
    expect(decide('https://evil.example/payload.js')).toEqual({ cancel: true });
    expect(decide('http://127.0.0.1:8080/')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
    expect(decide(appUrl())).toEqual({ cancel: false });
    expect(decide(pathToFileURL(join(ROOT, 'out/renderer/assets/app.css')).href)).toEqual({ cancel: false });
    expect(decide('data:image/png;base64,AAAA')).toEqual({ cancel: false });
  });

  it('prevents navigation away, new windows and <webview> in every webContents', () => {
    const contents = window.webContents;
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      const away = fakeEvent({ url: 'https://evil.example/' });
      contents.emit(event, away, away.url);
      expect(away.defaultPrevented, event).toBe(true);
      const home = fakeEvent({ url: `${appUrl()}#/tickets` });
      contents.emit(event, home, home.url);
      expect(home.defaultPrevented, event).toBe(false);
    }
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: appUrl() })).toEqual({ action: 'deny' });
    const webview = fakeEvent();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);

    // Any other webContents (devtools, a future window) is guarded the same way.
    const other = new FakeWebContents();
    fake.app.emit('web-contents-created', fakeEvent(), other);
    expect(other.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const away = fakeEvent({ url: 'https://evil.example/' });
    other.emit('will-navigate', away, away.url);
    expect(away.defaultPrevented).toBe(true);
  });

  it('denies every permission', () => {
    const request = fake.state.permissionRequestHandler;
    expect(request).toBeTypeOf('function');
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      request!(window.webContents, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(fake.state.permissionCheckHandler?.(window.webContents, 'media', appUrl(), {})).toBe(false);
  });

  it('refuses calls that do not come from the app page in the main frame', async () => {
    const foreign = [
      from(window.webContents, { url: 'https://evil.example/', parent: null }),
      from(window.webContents, window.webContents.childFrame(appUrl())),
      from(new FakeWebContents(), { url: appUrl(), parent: null }),
      from(window.webContents, null),
    ];
    for (const event of foreign) {
      const result = await handler('intake.checkIn')(event, sampleIntake());
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('forbidden');
        expect(result.error.message).toBe('This request is not allowed.');
      }
    }
    expect(warnings.some((line) => line.includes('refused intake.checkIn'))).toBe(true);
  });

  it('checks in a device through IPC and reads the ticket back from SQLite', async () => {
    // A fresh shop is set up first (its header and the manager's PIN); the manager then checks in.
    const setup = await handler('setup.complete')(fromApp(), { ...TEST_SHOP, language: 'en', managerName: 'Manager', managerPin: TEST_PINS.manager });
    if (!setup.ok) throw new Error(`setup.complete failed: ${JSON.stringify(setup.error)}`);
    const checkIn = await handler('intake.checkIn')(fromApp(), { ...sampleIntake(), session: (setup.data as { token: string }).token });
    if (!checkIn.ok) throw new Error(`intake.checkIn failed: ${JSON.stringify(checkIn.error)}`);
    const { tickets } = checkIn.data as CheckInResult;
    expect(tickets).toHaveLength(1);

    const checkedIn = onlyItem(tickets);
    const read = await handler('tickets.get')(fromApp(), { number: checkedIn.displayNumber });
    if (!read.ok) throw new Error(`tickets.get failed: ${JSON.stringify(read.error)}`);
    const ticket = read.data as TicketDetail;
    expect(ticket.id).toBe(checkedIn.id);
    expect(ticket.displayNumber).toBe(checkedIn.displayNumber);
    expect(ticket.customer.name).toBe('王小明 Wang');
    expect(ticket.brand).toBe('Huawei');
    expect(ticket.model).toBe('Mate 60');
    expect(ticket.status).toBe('received');

    // The refused calls above did not reach the desk: this is the customer's only ticket.
    const search = await handler('customers.search')(fromApp(), { query: '138 0013 8000' });
    if (!search.ok) throw new Error(`customers.search failed: ${JSON.stringify(search.error)}`);
    expect((search.data as CustomerSummary[]).map((c) => c.ticketCount)).toEqual([1]);

    expect(existsSync(join(userData, DATABASE_FILE))).toBe(true);
  });

  it('validates input in main, whatever the renderer sends', async () => {
    const result = await handler('tickets.get')(fromApp(), { number: 42 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('validation');
  });

  it('closes the database before the app quits', async () => {
    const wal = join(userData, `${DATABASE_FILE}-wal`);
    expect(existsSync(wal)).toBe(true);
    fake.app.quit();
    expect(fake.state.willQuitPrevented).toBe(1);
    expect(fake.state.exited).toBe(false);
    await vi.waitFor(() => expect(fake.state.exited).toBe(true), { timeout: 10_000, interval: 10 });
    // SQLite removes the write-ahead log when the last connection closes cleanly.
    expect(existsSync(wal)).toBe(false);
  });
});

describe('main bundle when another instance is running', () => {
  it('quits without opening the desk or a window', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'repair-desk-smoke-'));
    const fake = createFakeElectron({ userData, singleInstance: false });
    const restore = installFakeElectron(fake.electron);
    try {
      requireBuilt(MAIN_BUNDLE);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(fake.state.singleInstanceRequests).toBe(1);
      expect(fake.state.quitCalls).toBe(1);
      expect(fake.state.whenReadyCalls).toBe(0);
      expect(fake.state.windows).toHaveLength(0);
      expect(fake.state.ipcHandlers.size).toBe(0);
      expect(existsSync(join(userData, DATABASE_FILE))).toBe(false);
    } finally {
      restore();
      rmSync(userData, { recursive: true, force: true });
    }
  });
});

describe('main bundle when the data folder cannot be opened', () => {
  it('tells the clerk, opens no window and quits', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'repair-desk-smoke-'));
    const notAFolder = join(parent, 'user-data');
    writeFileSync(notAFolder, 'a file where the data folder should be');
    const fake = createFakeElectron({ userData: notAFolder });
    const restore = installFakeElectron(fake.electron);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      requireBuilt(MAIN_BUNDLE);
      await vi.waitFor(() => expect(fake.state.exited).toBe(true), { timeout: 10_000, interval: 10 });
      expect(fake.state.errorBoxes).toHaveLength(1);
      expect(onlyItem(fake.state.errorBoxes).title).toBe('Repair Desk');
      expect(onlyItem(fake.state.errorBoxes).content).toContain('could not start');
      expect(fake.state.windows).toHaveLength(0);
      expect(fake.state.ipcHandlers.size).toBe(0);
      expect(errors).toHaveBeenCalled();
    } finally {
      errors.mockRestore();
      restore();
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe('preload bundle', () => {
  let fake: FakeElectron;
  const requests: string[] = [];

  beforeAll(() => {
    fake = createFakeElectron({ userData: tmpdir() });
    const restore = installFakeElectron(fake.electron, (request, parent) => {
      if (parent === PRELOAD_BUNDLE) requests.push(request);
    });
    try {
      requireBuilt(PRELOAD_BUNDLE);
    } finally {
      restore();
    }
  });

  it('requires nothing but electron (a sandboxed preload cannot load node_modules)', () => {
    expect(requests).toEqual(['electron']);
    const source = readFileSync(PRELOAD_BUNDLE, 'utf8');
    const required = new Set([...source.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]));
    expect([...required]).toEqual(['electron']);
  });

  it('exposes only window.repairDesk with invoke and pickFolder', () => {
    expect([...fake.state.exposed.keys()]).toEqual(['repairDesk']);
    const bridge = fake.state.exposed.get('repairDesk') as DeskBridge;
    expect(Object.keys(bridge)).toEqual(['invoke', 'pickFolder']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('forwards every contract channel to main and refuses anything else', async () => {
    const bridge = fake.state.exposed.get('repairDesk') as { invoke(channel: string, input: unknown): Promise<ContractResult<unknown>> };
    for (const channel of CHANNELS) {
      const input = { probe: channel };
      await expect(bridge.invoke(channel, input)).resolves.toEqual({ ok: true, data: { echoed: channel } });
    }
    expect(fake.state.rendererInvokes).toEqual(CHANNELS.map((channel) => ({ channel, input: { probe: channel } })));

    for (const channel of ['system.exec', '__proto__', 'constructor', 'intake.checkIn ', '']) {
      const result = await bridge.invoke(channel, {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('forbidden');
    }
    expect(fake.state.rendererInvokes).toHaveLength(CHANNELS.length);
  });

  it('turns a failed send into an unavailable result instead of a rejection', async () => {
    const bridge = fake.state.exposed.get('repairDesk') as DeskBridge;
    const invoke = vi.spyOn(fake.electron.ipcRenderer, 'invoke').mockRejectedValueOnce(new Error('An object could not be cloned.'));
    const result = await bridge.invoke('settings.get', {});
    expect(invoke).toHaveBeenCalledOnce();
    expect(result).toEqual({ ok: false, error: { code: 'unavailable', message: '' } });
  });
});
